"""Merging tags: two spellings of one subject become one tag, and the old addresses redirect.

The stories of the merged tag move to the kept one (their latest revisions too, so a later
publish does not bring the old tag back), the merged tag's page and feeds answer 301 to the
kept tag's (Wagtail's redirects), and the merge is in the audit log. The page cache is purged
by the tag's deletion (PAGE_CACHE_PURGE_ALL_ON_SAVE)."""

from django.db import transaction
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Revision

from .models import ArticlePageTag, NewsIndexPage, NewsTag


def _redirect(old_path, new_path):
    old_path = Redirect.normalise_path(old_path)
    Redirect.objects.update_or_create(
        old_path=old_path, site=None, defaults={"redirect_link": new_path, "is_permanent": True}
    )


def _old_addresses(old_slug, new_slug):
    for index in NewsIndexPage.objects.live():
        base = index.url or ""
        if base:
            yield f"{base}chu-de/{old_slug}/", f"{base}chu-de/{new_slug}/"
    for name in ("feeds:tag", "feeds:tag_atom"):
        yield reverse(name, args=[old_slug]), reverse(name, args=[new_slug])


def _retag_revisions(page_ids, old_pk, new_pk):
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids])
    for revision in revisions:
        items = revision.content.get("tagged_items") or []
        if not any(item.get("tag") == old_pk for item in items):
            continue
        seen, kept = set(), []
        for item in items:
            if item.get("tag") == old_pk:
                item["tag"] = new_pk
            if item.get("tag") not in seen:
                seen.add(item.get("tag"))
                kept.append(item)
        revision.content["tagged_items"] = kept
        revision.save(update_fields=["content"])


@transaction.atomic
def merge_tags(keep, others, user=None):
    """Merge `others` into `keep`; returns how many tags were merged."""
    merged = 0
    for other in others:
        if other.pk == keep.pk:
            continue
        already = set(
            ArticlePageTag.objects.filter(tag=keep).values_list("content_object_id", flat=True)
        )
        moved = set(
            ArticlePageTag.objects.filter(tag=other).values_list("content_object_id", flat=True)
        )
        ArticlePageTag.objects.filter(tag=other, content_object_id__in=already).delete()
        ArticlePageTag.objects.filter(tag=other).update(tag=keep)
        _retag_revisions(moved, other.pk, keep.pk)
        for old_path, new_path in _old_addresses(other.slug, keep.slug):
            _redirect(old_path, new_path)
        log(keep, "news.merge_tags", user=user, data={"merged": other.name, "slug": other.slug})
        other.delete()
        merged += 1
    return merged


def merge_by_name(keep_name, other_names, user=None):
    keep = NewsTag.objects.get(name=keep_name)
    return merge_tags(keep, list(NewsTag.objects.filter(name__in=other_names)), user=user)
