"""Feed URLs, included at /rss/ by the project URLconf."""

from django.urls import path

from .feeds import CampaignFeed, ReporterFeed, SectionFeed, StoryFeed, TagFeed, atom, feed_view

app_name = "feeds"

urlpatterns = [
    path("", feed_view(StoryFeed), name="latest"),
    path("atom/", feed_view(atom(StoryFeed)), name="latest_atom"),
    path("chu-de/<slug:tag_slug>/", feed_view(TagFeed), name="tag"),
    path("chu-de/<slug:tag_slug>/atom/", feed_view(atom(TagFeed)), name="tag_atom"),
    path("phong-vien/<slug:reporter_slug>/", feed_view(ReporterFeed), name="reporter"),
    path(
        "phong-vien/<slug:reporter_slug>/atom/",
        feed_view(atom(ReporterFeed)),
        name="reporter_atom",
    ),
    path("chuyen-muc/<slug:section_slug>/", feed_view(SectionFeed), name="section"),
    path("chuyen-muc/<slug:section_slug>/atom/", feed_view(atom(SectionFeed)), name="section_atom"),
    path("phong-trao/<slug:campaign_slug>/", feed_view(CampaignFeed), name="campaign"),
    path(
        "phong-trao/<slug:campaign_slug>/atom/",
        feed_view(atom(CampaignFeed)),
        name="campaign_atom",
    ),
]
