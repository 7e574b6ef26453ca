"""Stories ready for a listing, and the values listings share."""

from datetime import datetime

from django.utils import timezone

from base import renditions
from base.pages import URL_FIELDS
from base.params import int_param
from caching import view_restrictions
from comments.display import with_comment_counts

STORIES_PER_PAGE = 12


# Aggregates over every story (months, popular tags) are cached this long at most; publishing
# forgets them at once (news/signals.py).
LISTING_CACHE_SECONDS = 600


# The pictures of a story card (news/cards.py asks for exactly these).
LISTING_PICTURE = renditions.STORY_CARD_PICTURE
LISTING_RENDITIONS = renditions.specs(LISTING_PICTURE)


def _page_link(page):
    """{id, title, url} of a live page, or None (the read API's links between records)."""
    if page is None or not page.live:
        return None
    return {"id": page.pk, "title": page.title, "url": page.url}


# The columns a story card reads (news/cards.py): its URL (the tree path, the locale and the
# site root), title, kind, date, lead and picture. A story row has some sixty columns, its
# body the largest by far: a listing of twelve no longer reads and decodes twelve bodies.
CARD_FIELDS = (
    *URL_FIELDS,
    *("numchild", "translation_key", "live", "kind", "lead", "featured_image"),
    *("display_date", "first_published_at", "last_published_at", "latest_revision_created_at"),
)


def story_listing(queryset):
    """Stories ready for a listing (news/cards.py): the card's columns, pictures with their
    renditions and comment counts in fixed queries. A card shows no byline, so none is read
    (the feeds and the read API prefetch their own)."""
    return with_comment_counts(
        view_restrictions.readable(queryset)
        .only(*CARD_FIELDS)
        .select_related("featured_image")
        .prefetch_related(renditions.prefetch("featured_image", LISTING_PICTURE))
        .order_by("-display_date", "-pk")
    )


def parse_month(value):
    """ "2020-10" → (aware start, aware end) in the site's time zone, or None."""
    parts = (value or "").split("-")
    if len(parts) != 2:
        return None
    year, month = int_param(parts[0], None, 1900, 2200), int_param(parts[1], None, 1, 12)
    if year is None or month is None:
        return None
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return timezone.make_aware(start), timezone.make_aware(end)
