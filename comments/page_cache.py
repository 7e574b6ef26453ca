"""Readers see a moderation decision within seconds: a change to what a page shows among its
comments purges that page, and the listings that show its comment count, from the page cache."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from caching import content_versions
from caching.page_cache import declared_scopes, purge_page, purge_scopes

from .models import Comment, Status

# The listings whose story cards show a comment count (sections and indexes, tags, reporters);
# the story's own parts and the related columns keep theirs until the next publication.
COUNTED_LISTINGS = ("listing:", "tag:", "reporter:")


def _shown_before_or_after(comment):
    return Status.APPROVED in (comment.status, comment.previous_status)


def _changed(page):
    """The page and every listing that shows its comment count changed: the pages above it,
    and the listings its type declares it is on (a story: its section, tags and reporters:
    caching.page_cache.declared_scopes), in the page cache and the HTTP front."""
    ids = [page.pk, *page.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True)]
    content_versions.bump(*(content_versions.page_scope(pk) for pk in ids))
    purge_scopes(name for name in declared_scopes(page) or () if name.startswith(COUNTED_LISTINGS))
    purge_page(page, listings=True)


@receiver(post_save, sender=Comment, dispatch_uid="comments_purge_on_save")
def purge_on_save(sender, instance, raw=False, **kwargs):
    if not raw and _shown_before_or_after(instance):
        _changed(instance.page)


@receiver(post_delete, sender=Comment, dispatch_uid="comments_purge_on_delete")
def purge_on_delete(sender, instance, **kwargs):
    if instance.status == Status.APPROVED:
        _changed(instance.page)
