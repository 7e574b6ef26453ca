"""Outgoing mail that survives a dead mail server or a killed worker.

`queue()` stores the mail in the caller's transaction (so a notification and the state that
caused it commit together) and, once committed, asks the background worker to send it.
`send_one()` sends it and only then marks it sent; a failure schedules the next attempt
(OUTBOX_RETRY_DELAYS, seconds: by default after 2, 10 and 30 minutes), and after the last
one the mail is "failed" and shown to admins (Settings → Outgoing mail, and the dashboard).
The periodic process (`manage.py run_periodic`) sends whatever is due, so a mail whose task
was lost with its worker still goes out.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import SECRET_KINDS, OutgoingMail, State

logger = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS = (120, 480, 1200)
# The worker normally sends a new mail at once; the periodic sweep waits this long first.
SWEEP_GRACE_SECONDS = 30


def retry_delays():
    return tuple(getattr(settings, "OUTBOX_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def queue(to, subject, text, html="", headers=None, kind=""):
    mail = OutgoingMail.objects.create(
        kind=kind,
        to=to,
        subject=str(subject).replace("\n", " ")[:255],
        text=text,
        html=html,
        headers=headers or {},
        next_attempt_at=timezone.now() + timedelta(seconds=SWEEP_GRACE_SECONDS),
    )
    transaction.on_commit(lambda: deliver.enqueue(mail.pk))
    return mail


def _message(mail, connection):
    message = EmailMultiAlternatives(
        mail.subject, mail.text, to=[mail.to], headers=mail.headers, connection=connection
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    return message


def send_one(mail_id, connection=None):
    """Send one queued mail; True when the mail server took it. Safe to call twice at once:
    the row is locked while it is sent, and a sent mail is never sent again."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, state=State.QUEUED)
            .first()
        )
        if mail is None:
            return False
        now = timezone.now()
        mail.attempts += 1
        try:
            _message(mail, connection or get_connection()).send()
        except Exception as error:  # the mail server is down, slow or refused the mail
            delays = retry_delays()
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts > len(delays):
                mail.state = State.FAILED
                logger.error("Mail %s to %s failed for good: %s", mail.pk, mail.to, error)
            else:
                mail.next_attempt_at = now + timedelta(seconds=delays[mail.attempts - 1])
                logger.warning(
                    "Mail %s to %s not sent (attempt %d): %s",
                    mail.pk,
                    mail.to,
                    mail.attempts,
                    error,
                )
            mail.save(update_fields=["attempts", "last_error", "state", "next_attempt_at"])
            return False
        mail.state = State.SENT
        mail.sent_at = now
        mail.last_error = ""
        if mail.kind in SECRET_KINDS:  # the link reached its owner: keep no copy of it
            mail.text = mail.html = ""
        mail.save(update_fields=["attempts", "state", "sent_at", "last_error", "text", "html"])
        return True


@task()
def deliver(mail_id):
    return send_one(mail_id)


def deliver_due(limit=200):
    """Send every queued mail whose time has come (the periodic job). Returns how many went."""
    due = list(
        OutgoingMail.objects.filter(state=State.QUEUED, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    if not due:
        return 0
    connection = get_connection()
    return sum(1 for pk in due if send_one(pk, connection=connection))


def retry(mails):
    """Queue failed mails again (an admin action)."""
    ids = [mail.pk for mail in mails if mail.state == State.FAILED]
    OutgoingMail.objects.filter(pk__in=ids).update(
        state=State.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
    for pk in ids:
        transaction.on_commit(lambda pk=pk: deliver.enqueue(pk))
    return len(ids)
