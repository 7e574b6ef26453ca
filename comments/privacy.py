"""Personal data tools: export and erase everything held about one commenter, by email.

Held about a commenter: their comments (name, email, text, network, browser), their reply
subscriptions, the audit-log entries that name their comments, mail sent to them, and mail
sent to others (moderators, reporters, the parent commenter) that quotes their comments.
Erasing removes all of it: mail to them is deleted, mail about them is rebuilt with their
comments blanked (other commenters in the same digest keep their lines). Their comments
become tombstones ("Bình luận đã được xoá theo yêu cầu") so other people's replies keep
their place; `delete=True` removes the comments outright where no one else replied below
them, and leaves a tombstone where someone did.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import ModelLogEntry

from outbox.models import OutgoingMail

from .models import Comment
from .notifications import render_again


def _comment_log_entries(ids):
    content_type = ContentType.objects.get_for_model(Comment)
    return ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in ids]
    )


def _from_other_apps(hook_name, value):
    """What other apps hold about the same person (e.g. readers' tips sent with that contact):
    each registers a Wagtail hook returning ``{"their-key": data}``; comments imports none."""
    found = {}
    for give in hooks.get_hooks(hook_name):
        found.update(give(value))
    return found


def erase_other_data(email):
    """Erase what other apps hold about this contact; ``{"tips": 2, …}``."""
    return _from_other_apps("personal_data_erase", (email or "").strip())


def export_data(email):
    """Everything held about this email, as data ready for JSON (other apps' data included)."""
    comments = list(
        Comment.objects.for_email(email).select_related("page").order_by("created_at", "pk")
    )
    ids = [c.pk for c in comments]
    return {
        "email": (email or "").strip().lower(),
        "comments": [
            {
                "id": c.pk,
                "page": c.page.title,
                "page_url": c.page.full_url,
                "reply_to": c.parent_id,
                "name": c.author_name,
                "email": c.author_email,
                "comment": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "ip_network": c.ip_address,
                "user_agent": c.user_agent,
                "notify_replies": c.notify_replies,
            }
            for c in comments
        ],
        "subscriptions": [
            {"comment": c.pk, "page": c.page.title, "reply_notifications": True}
            for c in comments
            if c.notify_replies
        ],
        "log_entries": [
            {
                "comment": int(entry.object_id),
                "action": entry.action,
                "label": entry.label,
                "timestamp": entry.timestamp.isoformat(),
            }
            for entry in _comment_log_entries(ids).order_by("timestamp", "pk")
        ],
        "mail": [
            {
                "kind": mail.kind,
                "subject": mail.subject,
                "text": mail.text,
                "state": mail.state,
                "created_at": mail.created_at.isoformat(),
                "sent_at": mail.sent_at.isoformat() if mail.sent_at else None,
            }
            for mail in OutgoingMail.objects.filter(to__iexact=email).order_by("created_at", "pk")
        ],
        # Mail to other people that quotes their comments: what and when, not to whom (the
        # recipients are staff or other readers) nor the text (it may quote others too).
        "mail_about_you": [
            {
                "kind": mail.kind,
                "subject": mail.subject,
                "comments": sorted(
                    set(mail.comments.filter(pk__in=ids).values_list("pk", flat=True))
                ),
                "state": mail.state,
                "created_at": mail.created_at.isoformat(),
                "sent_at": mail.sent_at.isoformat() if mail.sent_at else None,
            }
            for mail in _mails_about(ids, email).order_by("created_at", "pk")
        ],
        **_from_other_apps("personal_data_export", (email or "").strip()),
    }


def _mails_about(ids, email):
    """Mail to someone else that quotes any of these comments."""
    return (
        OutgoingMail.objects.filter(comments__in=ids)
        .exclude(to__iexact=(email or "").strip())
        .distinct()
    )


def _blank(comment):
    """The comment as the erased mail shows it (in memory only)."""
    comment.author_name = _("Erased")
    comment.author_email = ""
    comment.body = tombstone_text()
    return comment


def _legacy_mails(comments):
    """Comments mail queued before mails were linked to their comments: found by the start of
    a comment's text (only long enough ones, so a short "Hay quá" matches nothing else)."""
    found = OutgoingMail.objects.none()
    for comment in comments:
        start = " ".join(comment.body.split())[:40]
        if len(start) >= 20:
            found = found | OutgoingMail.objects.filter(
                kind__startswith="comments.", comments=None, text__contains=start
            )
    return found.distinct()


def _redact_mails(comments, email):
    """Rebuild every mail about these comments with them blanked; legacy mails that cannot be
    rebuilt get a note instead of their text."""
    erased = {c.pk for c in comments}
    for mail in _mails_about(erased, email):
        quoted = list(mail.comments.select_related("page", "parent").order_by("created_at", "pk"))
        rebuilt = render_again(mail, [_blank(c) if c.pk in erased else c for c in quoted])
        mail.text, mail.html = rebuilt or (redacted_mail_text(), "")
        mail.save(update_fields=["text", "html"])
    _legacy_mails(comments).exclude(to__iexact=email).update(text=redacted_mail_text(), html="")


def redacted_mail_text():
    return _("This mail quoted a comment erased at its author's request.")


def tombstone_text():
    return _("Comment erased at its author's request")


def _others_below(comment, email):
    """Whether someone else replied somewhere below this comment."""
    frontier = [comment.pk]
    while frontier:
        below = Comment.objects.filter(parent__in=frontier)
        if below.exclude(author_email__iexact=email).exists():
            return True
        frontier = list(below.values_list("pk", flat=True))
    return False


def _tombstone(comment):
    comment.author_name = _("Erased")
    comment.author_email = f"erased-{comment.pk}@invalid"
    comment.body = tombstone_text()
    comment.ip_address = ""
    comment.user_agent = ""
    comment.user = None
    comment.notify_replies = False
    comment.submission_key = None
    comment.erased = True
    comment.save()


def erase_data(email, delete=False):
    """Erase (or delete) everything held about this email; returns how many comments."""
    email = (email or "").strip()
    with transaction.atomic():
        comments = list(Comment.objects.for_email(email).order_by("-depth", "pk"))
        ids = [c.pk for c in comments]
        _redact_mails(comments, email)  # before a deleted comment takes its links with it
        count = 0
        for comment in comments:  # deepest first: a reply goes before its parent is judged
            if delete and not _others_below(comment, email):
                if Comment.objects.filter(pk=comment.pk).exists():  # not gone with a parent
                    Comment.objects.filter(pk=comment.pk).delete()
            else:
                _tombstone(comment)
            count += 1
        kept = Comment.objects.filter(pk__in=ids)
        for comment in kept:
            _comment_log_entries([comment.pk]).update(label=str(comment))
        _comment_log_entries(set(ids) - {c.pk for c in kept}).update(label=tombstone_text())
        OutgoingMail.objects.filter(to__iexact=email).delete()
    return count


def purge_ips(days):
    cutoff = timezone.now() - timedelta(days=days)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .exclude(ip_address="", user_agent="")
        .update(ip_address="", user_agent="")
    )
