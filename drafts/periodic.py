"""Remove the pages autosave created from a title alone and nobody came back to."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Page

from .models import NewPageEntry


def abandoned_drafts(now=None):
    """Never published, never saved on purpose, nothing typed but the title, and not
    autosaved for DRAFTS_ABANDONED_AFTER_HOURS."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.DRAFTS_ABANDONED_AFTER_HOURS)
    return Page.objects.filter(
        autosaved_draft__empty=True,
        autosaved_draft__updated_at__lt=cutoff,
        live=False,
        first_published_at__isnull=True,
        numchild=0,
    )


def purge_abandoned_drafts():
    """Delete them through Wagtail, so each deletion is in the audit log. Returns how many.
    Keys of add forms (drafts/quick_entry.py) older than a day go too: no form lives that long."""
    NewPageEntry.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
    removed = 0
    for page in abandoned_drafts():
        with transaction.atomic():
            DeletePageAction(page, user=None).execute(skip_permission_checks=True)
        removed += 1
    return removed
