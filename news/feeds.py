"""RSS 2.0 and Atom feeds: latest stories, per tag, per reporter (and per campaign, later).

`StoryFeed` is reusable: a subclass says which object the feed is about and which stories it
lists. A campaign feed (in this module, since news may import campaigns) is a few lines:

    class CampaignFeed(StoryFeed):
        def get_object(self, request, slug):
            self.request = request
            return get_object_or_404(CampaignPage.objects.live().public(), slug=slug)
        def title(self, obj): return obj.title
        def link(self, obj): return obj.full_url
        def stories(self, obj): return ArticlePage.objects.filter(campaign_links__campaign=obj)

Feeds carry the title, the lead as summary, the full text (``content:encoded`` in RSS,
``content`` in Atom: the body's own rendering, cleaned by news/feed_content.py), the
reporters' names (never their emails; the feeds never touch comments; one Atom ``author``
per byline), tags as categories, dates in Asia/Ho_Chi_Minh and the featured image as
``media:content`` (a 1200×630 JPEG rendition, with its size). The channel has the station's
logo (RSS ``image``, Atom ``logo`` and ``icon``). Every URL is on the Site
(discovery.seo.absolute_url), whatever the request's Host. Answers carry an ETag and
Last-Modified and a conditional request that matches gets 304.
"""

import hashlib

from django.contrib.syndication.views import Feed
from django.db.models import Case, Prefetch, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from base.models import SiteIdentity
from campaigns.models import CampaignPage
from discovery import seo
from editions.editions import current_language

from .feed_content import story_html
from .models import (
    BYLINE_SEPARATOR,
    ArticleByline,
    ArticlePage,
    ArticlePageTag,
    NewsTag,
    Reporter,
    SectionPage,
)

FEED_ITEMS = 30
ENCLOSURE_RENDITION = seo.SOCIAL_RENDITION
MEDIA_RSS = "http://search.yahoo.com/mrss/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"


def _media_content(handler, item):
    media = item.get("media_content")
    if media:
        handler.addQuickElement("media:content", "", media)


class StoryRss(Rss201rev2Feed):
    """RSS 2.0 with the channel's image, content:encoded and media:content."""

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xmlns:content"] = CONTENT
        attributes["xmlns:media"] = MEDIA_RSS
        return attributes

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("image_url"):
            handler.startElement("image", {})
            handler.addQuickElement("url", self.feed["image_url"])
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        _media_content(handler, item)


class StoryAtom(Atom1Feed):
    """Atom 1.0 with the channel's logo and icon, the full text, one author per byline."""

    def root_attributes(self):
        attributes = super().root_attributes()
        attributes["xmlns:media"] = MEDIA_RSS
        return attributes

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("image_url"):
            handler.addQuickElement("icon", self.feed["image_url"])
            handler.addQuickElement("logo", self.feed["image_url"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        _media_content(handler, item)


class StoryFeed(Feed):
    """Each edition has its own feeds (`/rss/`, `/en/rss/`…): its stories only, its language in
    `<language>` (Django's Feed takes the active language, which is the edition's)."""

    feed_type = StoryRss

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        return super().__call__(request, *args, **kwargs)

    # --- what the feed is about (override these) ---
    def get_object(self, request, *args, **kwargs):
        return None

    def stories(self, obj):
        return ArticlePage.objects.all()

    def title(self, obj):
        return _("%(site)s – latest news") % {"site": self.site_name()}

    def link(self, obj):
        # The edition's home: "/" or "/en/" (Wagtail's pages are under the edition's prefix).
        return seo.absolute_url(self.request, reverse("wagtail_serve", args=[""]))

    def description(self, obj):
        return _("The latest stories from %(site)s.") % {"site": self.site_name()}

    # --- shared ---
    def site_name(self):
        if self.site is None:
            return "Kon Tum Online"
        return SiteIdentity.for_site(self.site).site_name

    def feed_url(self, obj):
        return seo.absolute_url(self.request, self.request.path)

    def feed_extra_kwargs(self, obj):
        return {"image_url": seo.station_logo(self.request)["url"]}

    def item_extra_kwargs(self, item):
        extra = {"content_html": story_html(item, self.request)}
        if issubclass(self.feed_type, Atom1Feed):
            extra["authors"] = [byline.reporter.name for byline in item.bylines.all()]
        rendition = self._rendition(item)
        if rendition is not None:
            extra["media_content"] = {
                "url": seo.absolute_url(self.request, rendition.url),
                "type": "image/jpeg",
                "medium": "image",
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        return extra

    def items(self, obj):
        images = get_image_model().objects.prefetch_renditions(ENCLOSURE_RENDITION)
        bylines = ArticleByline.objects.select_related("reporter").order_by("sort_order")
        tags = ArticlePageTag.objects.select_related("tag").order_by("pk")
        return (
            self.stories(obj)
            .filter(locale__language_code=current_language())
            .live()
            .public()
            .select_related("featured_image")
            .prefetch_related(
                Prefetch("featured_image", queryset=images),
                Prefetch("bylines", queryset=bylines),
                Prefetch("tagged_items", queryset=tags),
            )
            .order_by("-display_date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return timezone.localtime(item.date) if item.date else None

    def item_updateddate(self, item):
        updated = item.last_published_at or item.date
        return timezone.localtime(updated) if updated else None

    def item_author_name(self, item):
        if issubclass(self.feed_type, Atom1Feed):
            return None  # one <author> per byline (item_extra_kwargs)
        names = [byline.reporter.name for byline in item.bylines.all()]
        return BYLINE_SEPARATOR.join(names) or None

    def item_categories(self, item):
        section = self.section_titles().get(item.path[: -item.steplen])
        tags = [tagged.tag.name for tagged in item.tagged_items.all()]
        return [section, *tags] if section else tags

    def section_titles(self):
        """{path: title} of the sections, read once per feed (an item's section is its parent)."""
        if getattr(self, "_section_titles", None) is None:
            self._section_titles = dict(SectionPage.objects.values_list("path", "title"))
        return self._section_titles

    def _rendition(self, item):
        if not item.featured_image:
            return None
        return item.featured_image.get_rendition(ENCLOSURE_RENDITION)


class TagFeed(StoryFeed):
    def get_object(self, request, tag_slug):
        return get_object_or_404(NewsTag.objects.public(), slug=tag_slug)

    def stories(self, obj):
        return ArticlePage.objects.filter(tagged_items__tag=obj)

    def title(self, obj):
        return _("%(site)s – tag: %(tag)s") % {"site": self.site_name(), "tag": obj.name}

    def description(self, obj):
        return _("Stories tagged “%(tag)s”.") % {"tag": obj.name}


class ReporterFeed(StoryFeed):
    def get_object(self, request, reporter_slug):
        return get_object_or_404(Reporter, slug=reporter_slug)

    def stories(self, obj):
        return ArticlePage.objects.filter(bylines__reporter=obj)

    def title(self, obj):
        return _("%(site)s – stories by %(name)s") % {"site": self.site_name(), "name": obj.name}

    def description(self, obj):
        return _("Stories by %(name)s.") % {"name": obj.name}


class CampaignFeed(StoryFeed):
    """Stories linked to a campaign or to one of its conferences."""

    def get_object(self, request, campaign_slug):
        campaign = edition_first(CampaignPage.objects.live().public().filter(slug=campaign_slug))
        if campaign is None:
            raise Http404
        return campaign

    def stories(self, obj):
        """Linked to the campaign or one of its conferences, in any of their versions (a
        translated story may still point at the Vietnamese campaign)."""
        campaigns = CampaignPage.objects.filter(translation_key=obj.translation_key)
        conferences = Page.objects.filter(
            translation_key__in=obj.get_children().values("translation_key")
        )
        return ArticlePage.objects.filter(
            Q(campaign__in=campaigns.values("pk")) | Q(conference__in=conferences.values("pk"))
        )

    def title(self, obj):
        return _("%(site)s – campaign: %(campaign)s") % {
            "site": self.site_name(),
            "campaign": obj.title,
        }

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return _("Stories about the campaign “%(campaign)s”.") % {"campaign": obj.title}


class SectionFeed(StoryFeed):
    """The stories of one section of the news."""

    def get_object(self, request, section_slug):
        section = (
            SectionPage.objects.live()
            .public()
            .filter(slug=section_slug, locale__language_code=current_language())
            .order_by("pk")
            .first()
        )
        if section is None:
            raise Http404
        return section

    def stories(self, obj):
        return ArticlePage.objects.child_of(obj)

    def title(self, obj):
        return _("%(site)s – %(section)s") % {"site": self.site_name(), "section": obj.title}

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return obj.intro or _("Stories in the section “%(section)s”.") % {"section": obj.title}


def edition_first(queryset):
    """The first page of `queryset` in the edition being read, else the first of any edition
    (the lowest id: the Vietnamese original), or None."""
    return (
        queryset.annotate(
            in_edition=Case(
                When(locale__language_code=current_language(), then=Value(0)), default=Value(1)
            )
        )
        .order_by("in_edition", "pk")
        .first()
    )


def atom(feed_class):
    """The Atom 1.0 twin of an RSS feed class."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": StoryAtom})


def conditional(request, response):
    """An ETag (the answer's digest) and Last-Modified (the newest item, set by Django's
    Feed) on a 200; 304 when the request's If-None-Match or If-Modified-Since matches."""
    if response.status_code != 200 or response.streaming:
        return response
    digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
    response["ETag"] = f'"{digest}"'
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


def feed_view(feed_class):
    """A view making a fresh feed object per request (feeds keep the request on self)."""

    def view(request, *args, **kwargs):
        return conditional(request, feed_class()(request, *args, **kwargs))

    return view


def latest_feed_url():
    return reverse("feeds:latest")
