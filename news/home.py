"""The news section of the home page (see kontum_site.home_sections)."""

from .models import ArticlePage, NewsIndexPage, story_listing

LATEST_COUNT = 9


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
    }
