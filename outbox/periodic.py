"""The outbox's periodic jobs (settings.PERIODIC_JOBS, `manage.py run_periodic`)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import OutgoingMail, State

DEFAULT_SENT_KEEP_DAYS = 30


def prune_sent(days=None):
    """Delete mail sent (or failed for good) more than OUTBOX_SENT_KEEP_DAYS ago: it holds
    readers' addresses and words, and a record older than that serves no one (0: keep).
    Queued mail is never touched."""
    if days is None:
        days = getattr(settings, "OUTBOX_SENT_KEEP_DAYS", DEFAULT_SENT_KEEP_DAYS)
    if not days:
        return 0
    before = timezone.now() - timedelta(days=days)
    old = OutgoingMail.objects.filter(
        Q(state=State.SENT, sent_at__lt=before)
        | Q(state=State.SENT, sent_at__isnull=True, created_at__lt=before)
        | Q(state=State.FAILED, created_at__lt=before)
    )
    _total, by_model = old.delete()  # the total counts the comment links too
    return by_model.get(OutgoingMail._meta.label, 0)
