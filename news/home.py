"""The news section of the home page (see kontum_site.home_sections)."""

from django.db.models import Count, Q

from .models import ArticlePage, NewsIndexPage, NewsTag, story_listing

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
        "popular_tags": popular_tags(),
        "home_section_templates": ["news/includes/home_tags.html"],
    }


def popular_tags(limit=POPULAR_TAG_COUNT):
    """The tags with the most live stories, for the home page's side column (one query)."""
    live = Q(tagged_stories__content_object__live=True)
    return list(
        NewsTag.objects.annotate(story_count=Count("tagged_stories", filter=live))
        .filter(story_count__gt=0)
        .order_by("-story_count", "name")[:limit]
    )
