"""Personal data tools: export and erase one commenter's data by email; purge old IPs."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Comment


def export_data(email):
    comments = Comment.objects.for_email(email).select_related("page").order_by("created_at")
    return [
        {
            "id": c.pk,
            "page": c.page.title,
            "page_url": c.page.full_url,
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
    ]


def erase_data(email, delete=False):
    """Anonymise (or delete) every comment with this email; returns how many."""
    comments = Comment.objects.for_email(email)
    if delete:
        count = comments.count()
        comments.delete()
        return count
    count = 0
    for comment in comments:  # one by one: body_hash and the uniqueness rule stay consistent
        comment.author_name = _("Anonymous")
        comment.author_email = f"erased-{comment.pk}@invalid"
        comment.ip_address = ""
        comment.user_agent = ""
        comment.user = None
        comment.notify_replies = False
        comment.save()
        count += 1
    return count


def purge_ips(days):
    cutoff = timezone.now() - timedelta(days=days)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .exclude(ip_address="", user_agent="")
        .update(ip_address="", user_agent="")
    )
