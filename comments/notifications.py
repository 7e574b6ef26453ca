"""Emails about comments, prepared by background tasks (django-tasks) and sent through the
outbox (outbox/delivery.py: sent, then marked sent; retried when the mail server is down).

- Moderators: one email per address per digest window; comments arriving inside the window
  join the next digest (the next pending comment after the window, or the periodic process).
  Each comment is announced once (``moderators_notified``, set in the same transaction that
  queues the mails).
- The page's reporters, when comments are approved (a setting; pages opt in through
  ``comment_notification_emails()`` or ``reporters()`` with ``.email``): one mail per
  reporter per moderation action, however many comments it approved.
- The parent commenter, when a reply to their comment is approved and they opted in, with a
  signed one-click unsubscribe. Never before approval.
The commenter's email never appears in a mail to anyone else. Each mail is linked to the
comments it quotes (``Comment.mails``) so erasure can redact it and the export can list it;
`render_again` rebuilds a mail from its comments (comments/privacy.py blanks the erased ones).
The unsubscribe link signs the parent comment's id, not the address (links end up in logs).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django_tasks import task
from wagtail.models import Site

from outbox import delivery
from outbox.models import OutgoingMail

from .models import Comment, CommentSettings, Status
from .roles import MODERATORS

UNSUBSCRIBE_SALT = "comments.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 365 * 24 * 3600  # a year
DIGEST_KIND = "comments.moderator_digest"
DIGEST_LIMIT = 200


def rules_for(page=None):
    site = page.get_site() if page is not None else None
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return CommentSettings.for_site(site)


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def unsubscribe_token(comment):
    """A signed id of the comment that asked for reply notices: opaque, no address in it."""
    return signing.dumps(comment.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_email(token):
    """The address a token unsubscribes; None when its comment is gone. Raises BadSignature or
    SignatureExpired. Links mailed before the tokens became ids signed the address itself:
    they keep working until they expire (UNSUBSCRIBE_MAX_AGE after they were sent)."""
    value = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    if isinstance(value, str):
        return value
    comment = Comment.objects.filter(pk=value).only("author_email", "erased").first()
    return comment.author_email if comment and not comment.erased else None


def public_root_url():
    """The public site's root (links for readers); the admin's is WAGTAILADMIN_BASE_URL."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url.rstrip("/") if site else base_url()


def unsubscribe_url(comment):
    return public_root_url() + reverse("comments:unsubscribe", args=[unsubscribe_token(comment)])


def _render(template, context):
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"comments/email/{template}.txt", context)
        html = render_to_string(f"comments/email/{template}.html", context)
    return text, html


def _queue(subject, template, context, to, about, headers=None, kind=""):
    """Queue one mail and link it to the comments it quotes (``about``)."""
    text, html = _render(template, context)
    mail = delivery.queue(
        to, subject, text, html, headers=headers, kind=kind or f"comments.{template}"
    )
    mail.comments.add(*about)
    return mail


def _digest_context(comments):
    return {
        "comments": comments,
        "count": len(comments),
        "queue_url": base_url()
        + reverse("wagtailsnippets_comments_comment:list")
        + "?status=pending",
    }


def render_again(mail, comments):
    """(text, html) of a comments mail rebuilt from ``comments`` (as they are now, in the
    order given); None for a mail of another kind."""
    if mail.kind == DIGEST_KIND:
        return _render("moderator_digest", _digest_context(comments))
    if mail.kind == "comments.author_notice":
        return _render("author_notice", {"items": _items(comments)})
    if mail.kind == "comments.reply_notice":
        url = (mail.headers or {}).get("List-Unsubscribe", "").strip("<>")
        return _render("reply_notice", {"items": _items(comments), "unsubscribe_url": url})
    return None


def comment_stored(comment):
    """Called after a public comment is saved (in the request's transaction)."""
    if comment.status == Status.PENDING:
        transaction.on_commit(lambda: schedule_moderator_digest(comment.page))
    elif comment.status == Status.APPROVED:
        comments_approved([comment.pk])


def comments_approved(comment_ids):
    """One task for one moderation action: its mails are grouped per recipient."""
    ids = sorted(comment_ids)
    if ids:
        transaction.on_commit(lambda: notify_approved.enqueue(ids))


def digest_sent_within(seconds):
    """Whether a moderator digest was queued in the last `seconds` (kept in the outbox, so the
    window holds across processes and without the cache)."""
    since = timezone.now() - timedelta(seconds=seconds)
    return OutgoingMail.objects.filter(kind=DIGEST_KIND, created_at__gte=since).exists()


def schedule_moderator_digest(page=None):
    rules = rules_for(page)
    if not rules.notify_moderators:
        return False
    if rules.digest_minutes and digest_sent_within(rules.digest_minutes * 60):
        return False  # a digest went out in this window; this comment joins the next one
    send_moderator_digest.enqueue()
    return True


def moderator_recipients(rules):
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
def send_moderator_digest(force=False):
    with transaction.atomic():
        comments = list(
            Comment.objects.select_for_update(of=("self",))
            .filter(status=Status.PENDING, moderators_notified=False)
            .select_related("page")
            .order_by("created_at", "pk")[:DIGEST_LIMIT]
        )
        if not comments:
            return 0
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(moderators_notified=True)
        rules = rules_for(comments[0].page)
        if not rules.notify_moderators:
            return 0
        window = rules.digest_minutes * 60
        if not force and window and digest_sent_within(window):
            transaction.set_rollback(True)  # they join the next digest
            return 0
        recipients = moderator_recipients(rules)
        context = _digest_context(comments)
        with translation.override(settings.LANGUAGE_CODE):
            subject = ngettext(
                "%(count)d comment is waiting for moderation",
                "%(count)d comments are waiting for moderation",
                len(comments),
            ) % {"count": len(comments)}
        for address in recipients:
            _queue(subject, "moderator_digest", context, address, comments, kind=DIGEST_KIND)
    return len(recipients)


def page_notification_emails(page):
    specific = page.specific
    if hasattr(specific, "comment_notification_emails"):
        return list(specific.comment_notification_emails())
    if hasattr(specific, "reporters"):
        return [r.email for r in specific.reporters() if getattr(r, "email", "")]
    return []


def _author_mails(comments):
    """{reporter address: [comments on their pages]} for newly approved reader comments."""
    found = {}
    for comment in comments:
        if comment.is_staff_reply:
            continue
        own = comment.author_email.lower()
        for address in {e.lower() for e in page_notification_emails(comment.page) if e}:
            if address != own:
                found.setdefault(address, []).append(comment)
    return found


def _reply_mails(comments):
    """{parent commenter address: [replies]} for those who asked to hear of replies."""
    found = {}
    for comment in comments:
        parent = comment.parent
        if (
            parent
            and parent.notify_replies
            and parent.status == Status.APPROVED
            and parent.author_email
            and parent.author_email.lower() != comment.author_email.lower()
        ):
            found.setdefault(parent.author_email.lower(), []).append(comment)
    return found


def _items(comments):
    return [{"comment": c, "page_url": c.page.full_url or ""} for c in comments]


@task()
def notify_approved(comment_ids):
    """Mails for comments that one action approved: each reporter and each parent commenter
    gets one mail, listing all of theirs. Queued in the transaction that marks them notified."""
    if isinstance(comment_ids, int):
        comment_ids = [comment_ids]
    with transaction.atomic():
        comments = list(
            Comment.objects.select_for_update(of=("self",))
            .filter(pk__in=comment_ids, status=Status.APPROVED, approval_notified=False)
            .select_related("page", "parent")
            .order_by("created_at", "pk")
        )
        if not comments:
            return 0
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(approval_notified=True)
        rules = rules_for(comments[0].page)
        sent = 0
        with translation.override(settings.LANGUAGE_CODE):
            if rules.notify_authors:
                for address, theirs in sorted(_author_mails(comments).items()):
                    if len(theirs) == 1:
                        subject = gettext("New comment on “%(title)s”") % {
                            "title": theirs[0].page.title
                        }
                    else:
                        subject = ngettext(
                            "%(count)d new comment on your stories",
                            "%(count)d new comments on your stories",
                            len(theirs),
                        ) % {"count": len(theirs)}
                    _queue(subject, "author_notice", {"items": _items(theirs)}, address, theirs)
                    sent += 1
            for address, replies in sorted(_reply_mails(comments).items()):
                url = unsubscribe_url(replies[0].parent)
                subject = gettext("A reply to your comment on “%(title)s”") % {
                    "title": replies[0].page.title
                }
                _queue(
                    subject,
                    "reply_notice",
                    {"items": _items(replies), "unsubscribe_url": url},
                    address,
                    replies,
                    headers={
                        "List-Unsubscribe": f"<{url}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                )
                sent += 1
    return sent
