"""The news section of the home page (see base.home_sections)."""

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from base.home_sections import live_index_under
from base.statements import Statement
from caching import content_versions, view_restrictions
from caching.content_versions import RANKINGS

from .models import LISTING_CACHE_SECONDS, ArticlePage, NewsIndexPage, NewsTag, story_listing
from .most_read import most_read, most_read_period

LATEST_COUNT = 9
POPULAR_TAG_COUNT = 14


def _latest_under(_restricted, path, depth, limit):
    # Below the home: Wagtail's descendant_of (a descendant is deeper than its ancestor).
    stories = ArticlePage.objects.filter(path__startswith=path, depth__gt=depth)
    return story_listing(stories)[:limit]


# Read by every render from nothing of the home page: compiled once (base/statements.py).
LATEST_UNDER = Statement(_latest_under)


def latest_news(home_page):
    """The lead story and the latest stories (the home page's main column)."""
    latest = view_restrictions.readable_rows(
        LATEST_UNDER, home_page.path, home_page.depth, LATEST_COUNT + 1
    )
    lead = None
    if home_page.lead_story_id:  # the editor's lead, from the latest when it is one of them
        lead = next((story for story in latest if story.pk == home_page.lead_story_id), None)
        if lead is None:
            stories = story_listing(ArticlePage.objects.descendant_of(home_page))
            lead = stories.filter(pk=home_page.lead_story_id).first()
    if lead is None and latest:
        lead = latest[0]
    latest = [story for story in latest if story.pk != lead.pk][:LATEST_COUNT] if lead else []
    return {"lead_story": lead, "latest_stories": latest}


latest_news.context_keys = ("lead_story", "latest_stories")


def news_index_link(home_page):
    """The news index the "Latest news" heading and the topics link to."""
    return {"news_index": live_index_under(home_page, NewsIndexPage)}


news_index_link.context_keys = ("news_index",)


def home_rankings(home_page):
    """ "Đọc nhiều" and the popular topics of the home page's side column."""
    return {
        # The edition's own (the home is the edition's: its locale is the edition's).
        "popular_tags": popular_tags(home_page.locale_id),
        "most_read_stories": most_read(locale_id=home_page.locale_id),
    }


home_rankings.context_keys = ("popular_tags", "most_read_stories")
home_rankings.templates = ("news/includes/most_read.html", "news/includes/home_tags.html")
# Rankings, like the sections' side column (news/includes/listing_aside.html): renewed with
# their period and when a ranked story leaves or changes, not by every new story.
home_rankings.scopes = lambda home_page: [RANKINGS]
home_rankings.vary = lambda home_page: most_read_period()


def breaking_news(home_page):
    """The newest live story flagged as breaking news whose time has not passed. Read on
    every home render, so kept in the cache under the home's listing stamp (a story
    published, changed or removed under it moves the stamp) until its time passes."""
    found = content_versions.stamps([content_versions.scope("listing", home_page.pk)])
    if found is None:  # no cache: ask the database
        return {"breaking_story": newest_breaking(home_page)}
    key = "news:breaking:" + content_versions.digest(home_page.pk, *found.values())
    entry = cache.get(key)
    story = entry[0] if entry is not None else None
    # The cached story is the one whose time ends last: once it has passed, none is left.
    if entry is None or (story is not None and story.breaking_until <= timezone.now()):
        story = newest_breaking(home_page)
        cache.set(key, (story,), LISTING_CACHE_SECONDS)
    return {"breaking_story": story}


def newest_breaking(home_page):
    return (
        view_restrictions.readable(ArticlePage.objects.descendant_of(home_page))
        .filter(breaking_until__gt=timezone.now())
        .only("pk", "title", "url_path", "breaking_until")
        .order_by("-breaking_until", "-pk")
        .first()
    )


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
