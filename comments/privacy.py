"""Personal data tools: export and erase everything held about one commenter, by email.

Held about a commenter: their comments (name, email, text, network, browser), their reply
subscriptions, the audit-log entries that name their comments, and mail sent to them.
Erasing removes all of it. Their comments become tombstones ("Bình luận đã được xoá theo
yêu cầu") so other people's replies keep their place; `delete=True` removes the comments
outright where no one else replied below them, and leaves a tombstone where someone did.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from outbox.models import OutgoingMail

from .models import Comment


def _comment_log_entries(ids):
    content_type = ContentType.objects.get_for_model(Comment)
    return ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in ids]
    )


def export_data(email):
    """Everything held about this email, as data ready for JSON."""
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
                "subject": mail.subject,
                "state": mail.state,
                "created_at": mail.created_at.isoformat(),
            }
            for mail in OutgoingMail.objects.filter(to__iexact=email).order_by("created_at")
        ],
    }


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
