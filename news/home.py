"""The news section of the home page (see base.home_sections)."""

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from caching import view_restrictions

from .models import LISTING_CACHE_SECONDS, ArticlePage, NewsIndexPage, NewsTag, story_listing
from .most_read import most_read

LATEST_COUNT = 9
POPULAR_TAG_COUNT = 14


def latest_news(home_page):
    stories = story_listing(ArticlePage.objects.descendant_of(home_page))
    lead = None
    if home_page.lead_story_id:
        lead = stories.filter(pk=home_page.lead_story_id).first()
    latest = list(stories[: LATEST_COUNT + 1])
    if lead is None and latest:
        lead = latest[0]
    latest = [story for story in latest if story.pk != lead.pk][:LATEST_COUNT] if lead else []
    return {
        "lead_story": lead,
        "latest_stories": latest,
        "news_index": NewsIndexPage.objects.live().descendant_of(home_page).first(),
        # The edition's own (the home is the edition's: its locale is the edition's).
        "popular_tags": popular_tags(home_page.locale_id),
        "most_read_stories": most_read(locale_id=home_page.locale_id),
        "home_section_templates": [
            "news/includes/most_read.html",
            "news/includes/home_tags.html",
        ],
    }


latest_news.context_keys = (
    "lead_story",
    "latest_stories",
    "news_index",
    "popular_tags",
    "most_read_stories",
)


def breaking_news(home_page):
    """The newest live story flagged as breaking news whose time has not passed."""
    story = (
        view_restrictions.readable(ArticlePage.objects.descendant_of(home_page))
        .filter(breaking_until__gt=timezone.now())
        .only("pk", "title", "url_path", "breaking_until")
        .order_by("-breaking_until", "-pk")
        .first()
    )
    return {"breaking_story": story}


POPULAR_TAGS_CACHE_KEY = "news:popular-tags"


def popular_tags_key(locale_id, limit=POPULAR_TAG_COUNT):
    return f"{POPULAR_TAGS_CACHE_KEY}:{locale_id or 'all'}:{limit}"


def popular_tags(locale_id=None, limit=POPULAR_TAG_COUNT):
    """The tags with the most live stories of one edition (`locale_id`; of all when None),
    for the home page's side column.

    Counting every tag link is slow on a large site (0.7 s at 60,000 links on SQLite): the
    list is kept in the cache and forgotten when a story is published, unpublished or deleted
    (news/signals.py).
    """
    return cache.get_or_set(
        popular_tags_key(locale_id, limit),
        lambda: _popular_tags(locale_id, limit),
        LISTING_CACHE_SECONDS,
    )


def _popular_tags(locale_id, limit):
    stories = ArticlePage.objects.all()
    if locale_id is not None:
        stories = stories.filter(locale_id=locale_id)
    readable = view_restrictions.readable(stories).values("pk")
    live = Q(tagged_stories__content_object__in=readable)
    return list(
        NewsTag.objects.annotate(story_count=Count("tagged_stories", filter=live))
        .filter(story_count__gt=0)
        .order_by("-story_count", "name")[:limit]
    )
