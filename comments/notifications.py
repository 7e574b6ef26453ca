"""Emails about comments, sent as background tasks (django-tasks).

- Moderators: one email per address per digest window; comments arriving inside the window
  join the next digest (the next pending comment after the window, or `manage.py
  comments_digest` from cron). Each comment is announced once (``moderators_notified``).
- The page's reporters, when a comment is approved (a setting; pages opt in through
  ``comment_notification_emails()`` or ``reporters()`` with ``.email``).
- The parent commenter, when a reply to their comment is approved and they opted in, with a
  signed one-click unsubscribe. Never before approval.
The commenter's email never appears in a mail to anyone else.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import Site

from .models import Comment, CommentSettings, Status

UNSUBSCRIBE_SALT = "comments.unsubscribe"
DIGEST_LOCK = "comments:digest:lock"
DIGEST_LIMIT = 200


def rules_for(page=None):
    site = page.get_site() if page is not None else None
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return CommentSettings.for_site(site)


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def unsubscribe_token(email):
    return signing.dumps(email.lower(), salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(email):
    return base_url() + reverse("comments:unsubscribe", args=[unsubscribe_token(email)])


def _send(subject, template, context, to, headers=None):
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"comments/email/{template}.txt", context)
        html = render_to_string(f"comments/email/{template}.html", context)
        message = EmailMultiAlternatives(
            str(subject).replace("\n", " ")[:200], text, to=[to], headers=headers or {}
        )
        message.attach_alternative(html, "text/html")
        message.send()


def comment_stored(comment):
    """Called after a public comment is saved (in the request's transaction)."""
    if comment.status == Status.PENDING:
        transaction.on_commit(lambda: schedule_moderator_digest(comment.page))
    elif comment.status == Status.APPROVED:
        transaction.on_commit(lambda: notify_approved.enqueue(comment.pk))


def comments_approved(comment_ids):
    ids = list(comment_ids)
    transaction.on_commit(lambda: [notify_approved.enqueue(pk) for pk in ids])


def schedule_moderator_digest(page=None):
    rules = rules_for(page)
    if not rules.notify_moderators:
        return False
    window = rules.digest_minutes * 60
    if window and not cache.add(DIGEST_LOCK, 1, timeout=window):
        return False  # a digest went out in this window; this comment joins the next one
    send_moderator_digest.enqueue()
    return True


def moderator_recipients(rules):
    from .roles import MODERATORS

    addresses = set(rules.moderator_addresses)
    if not addresses:
        users = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=MODERATORS)
            .exclude(email="")
        )
        addresses = {email.lower() for email in users.values_list("email", flat=True)}
    return sorted(addresses)


@task()
def send_moderator_digest():
    ids = list(
        Comment.objects.filter(status=Status.PENDING, moderators_notified=False)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:DIGEST_LIMIT]
    )
    if not ids:
        return 0
    Comment.objects.filter(pk__in=ids).update(moderators_notified=True)
    comments = list(Comment.objects.filter(pk__in=ids).select_related("page").order_by("pk"))
    rules = rules_for(comments[0].page)
    if not rules.notify_moderators:
        return 0
    recipients = moderator_recipients(rules)
    context = {
        "comments": comments,
        "count": len(comments),
        "queue_url": base_url()
        + reverse("wagtailsnippets_comments_comment:list")
        + "?status=pending",
    }
    from django.utils.translation import ngettext

    with translation.override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "%(count)d comment is waiting for moderation",
            "%(count)d comments are waiting for moderation",
            len(comments),
        ) % {"count": len(comments)}
    for address in recipients:
        _send(subject, "moderator_digest", context, address)
    return len(recipients)


def page_notification_emails(page):
    specific = page.specific
    if hasattr(specific, "comment_notification_emails"):
        return list(specific.comment_notification_emails())
    if hasattr(specific, "reporters"):
        return [r.email for r in specific.reporters() if getattr(r, "email", "")]
    return []


@task()
def notify_approved(comment_id):
    claimed = Comment.objects.filter(
        pk=comment_id, status=Status.APPROVED, approval_notified=False
    ).update(approval_notified=True)
    if not claimed:
        return 0
    comment = Comment.objects.select_related("page", "parent").get(pk=comment_id)
    rules = rules_for(comment.page)
    sent = 0
    own = comment.author_email.lower()
    context = {"comment": comment, "page_url": comment.page.full_url or ""}
    if rules.notify_authors and not comment.is_staff_reply:
        with translation.override(settings.LANGUAGE_CODE):
            from django.utils.translation import gettext

            subject = gettext("New comment on “%(title)s”") % {"title": comment.page.title}
        for address in sorted({e.lower() for e in page_notification_emails(comment.page)}):
            if address and address != own:
                _send(subject, "author_notice", context, address)
                sent += 1
    parent = comment.parent
    if (
        parent
        and parent.notify_replies
        and parent.status == Status.APPROVED
        and parent.author_email
        and parent.author_email.lower() != own
    ):
        url = unsubscribe_url(parent.author_email)
        with translation.override(settings.LANGUAGE_CODE):
            from django.utils.translation import gettext

            subject = gettext("A reply to your comment on “%(title)s”") % {
                "title": comment.page.title
            }
        _send(
            subject,
            "reply_notice",
            {**context, "parent": parent, "unsubscribe_url": url},
            parent.author_email,
            headers={
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        sent += 1
    return sent
