"""The comments app's periodic jobs (settings.PERIODIC_JOBS, `manage.py run_periodic`)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Comment, Status
from .notifications import rules_for, schedule_moderator_digest
from .privacy import purge_ips as purge_old_ips


def moderator_digest():
    """Announce pending comments that no digest has announced yet (once per window)."""
    if not Comment.objects.filter(status=Status.PENDING, moderators_notified=False).exists():
        return 0
    return int(schedule_moderator_digest())


def purge_ips():
    return purge_old_ips(rules_for().ip_retention_days)


def purge_spam_and_trash(days=None):
    """Remove spam and trashed comments older than COMMENTS_PURGE_AFTER_DAYS (on purpose,
    never a reader's published words: approved, pending and rejected comments stay)."""
    days = settings.COMMENTS_PURGE_AFTER_DAYS if days is None else days
    if not days:
        return 0
    before = timezone.now() - timedelta(days=days)
    old = Comment.objects.filter(status__in=[Status.SPAM, Status.TRASH]).filter(
        Q(moderated_at__lt=before) | Q(moderated_at__isnull=True, created_at__lt=before)
    )
    # Replies below a purged comment go with it (CASCADE): keep those that are published.
    keep = Comment.objects.filter(Q(parent__in=old) | Q(thread__in=old)).exclude(
        status__in=[Status.SPAM, Status.TRASH]
    )
    if keep.exists():
        old = old.exclude(Q(replies__in=keep) | Q(thread_comments__in=keep))
    ids = list(old.values_list("pk", flat=True))
    Comment.objects.filter(pk__in=ids).delete()
    return len(ids)
