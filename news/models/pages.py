"""The news pages: the news index, its sections, and the story."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from base import renditions
from base.api_fields import ImageWithRenditionsField, StreamWithImagesField
from base.pages import SitePage
from base.pagination import paginate
from base.statements import Statement
from caching import view_restrictions
from caching.content_versions import SITE, TIMEOUT, digest, page_scope, scope, stamps
from caching.lazy import lazy
from caching.page_cache import referenced_pages
from discovery.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin, streamfield_text
from discovery.seo import SOCIAL_RENDITION
from editions.editions import current_language
from editorial.tagging import NFCClusterTaggableManager
from exemplars.editions import in_edition
from exemplars.pictures import PORTRAIT_PICTURE
from news.api import TagNamesField
from news.blocks import ArticleBodyBlock
from news.models.listings import (
    LISTING_CACHE_SECONDS,
    STORIES_PER_PAGE,
    _page_link,
    parse_month,
    story_listing,
)
from news.models.related import ranked_by_shared_tags
from news.models.reporters import Reporter
from news.models.story_rows import (
    ArticleByline,
    ArticleExemplar,
    ArticleNote,
    ArticleRelatedStory,
    StoryKind,
)
from news.models.tags import ArticlePageTag, NewsTag, public_tag
from news.seo import article_structured_data


class NewsIndexPage(RoutablePageMixin, SitePage):
    """The news section: latest stories, filters by tag and month, tag and reporter pages."""

    cache_query_params = ("tag", "month")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["news.ArticlePage", "news.SectionPage", "liveblog.LiveBlogPage"]
    parent_page_types = ["kontum_site.HomePage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def route(self, request, path_components):
        return route_to_story(self, request, path_components) or super().route(
            request, path_components
        )

    def stories(self):
        """Every story of the news, in its sections or not."""
        return story_listing(ArticlePage.objects.descendant_of(self))

    def sections(self):
        return list(view_restrictions.readable(SectionPage.objects.child_of(self)).order_by("path"))

    def filtered_stories(self, request):
        stories = self.stories()
        tag = None
        tag_slug = request.GET.get("tag", "").strip()
        if tag_slug:
            tag = public_tag(tag_slug)
            stories = stories.filter(tagged_items__tag=tag) if tag else stories.none()
        month_range = parse_month(request.GET.get("month"))
        if month_range:
            stories = stories.filter(
                display_date__gte=month_range[0], display_date__lt=month_range[1]
            )
        return stories, tag, month_range

    def month_choices(self):
        """Months that have stories (cached: a scan of every story, 0.4 s at 20,000 on SQLite)."""
        return cache.get_or_set(
            self.months_cache_key(),
            lambda: list(
                ArticlePage.objects.descendant_of(self)
                .live()
                .filter(display_date__isnull=False)
                .datetimes("display_date", "month", order="DESC")
            ),
            LISTING_CACHE_SECONDS,
        )

    def months_cache_key(self):
        return f"news:months:{self.pk}"

    @path("")
    def index_route(self, request):
        stories, tag, month_range = self.filtered_stories(request)
        count = None
        if tag is None and month_range is None and not request.GET.get("tag"):
            count = cache.get_or_set(f"news:count:{self.pk}", stories.count, LISTING_CACHE_SECONDS)
        return self.render(
            request,
            context_overrides={
                # Read only when the listing fragment is rendered (caching/lazy.py).
                "stories_page": lazy(
                    paginate, request, stories, STORIES_PER_PAGE, count=count, rows=story_cards
                ),
                "active_tag": tag,
                "active_month": month_range[0] if month_range else None,
                "months": self.month_choices(),
                "news_index": self,
            },
        )

    @path("chu-de/<slug:tag_slug>/", name="tag")
    def tag_route(self, request, tag_slug):
        tag = public_tag(tag_slug)
        if tag is None:
            raise Http404
        stories = self.stories().filter(tagged_items__tag=tag)
        return self.render(
            request,
            template="news/tag_page.html",
            context_overrides={
                "tag": tag,
                "stories_page": lazy(
                    paginate, request, stories, STORIES_PER_PAGE, rows=story_cards
                ),
            },
        )

    @path("phong-vien/<slug:reporter_slug>/", name="reporter")
    def reporter_route(self, request, reporter_slug):
        reporter = get_object_or_404(Reporter.objects.select_related("photo"), slug=reporter_slug)
        stories = self.stories().filter(bylines__reporter=reporter)
        return self.render(
            request,
            template="news/reporter_page.html",
            context_overrides={
                "reporter": reporter,
                "stories_page": lazy(
                    paginate, request, stories, STORIES_PER_PAGE, rows=story_cards
                ),
            },
        )

    def tag_url(self, tag):
        return self.url + self.reverse_subpage("tag", args=[tag.slug])

    def reporter_url(self, reporter):
        return self.url + self.reverse_subpage("reporter", args=[reporter.slug])


class SectionPage(SitePage):
    """A section of the news (Thời sự, Kinh tế, Văn hóa – Xã hội…): its stories, its feed, its
    place in the menu, and its desk: the desk heads who review its stories first."""

    intro = models.TextField(_("introduction"), blank=True)
    desk_heads = models.ForeignKey(
        "auth.Group",
        verbose_name=_("desk heads (Trưởng ban)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("They review this section's stories before the editor-in-chief."),
    )

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    settings_panels = SitePage.settings_panels + [FieldPanel("desk_heads")]
    api_fields = [APIField("intro")]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.ArticlePage", "liveblog.LiveBlogPage"]
    template = "news/section_page.html"

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def stories(self):
        return story_listing(ArticlePage.objects.child_of(self))

    def route(self, request, path_components):
        return route_to_story(self, request, path_components) or super().route(
            request, path_components
        )

    def feed_url(self):
        return reverse("feeds:section", args=[self.slug])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories_page"] = lazy(
            paginate, request, self.stories(), STORIES_PER_PAGE, rows=story_cards
        )
        context["feed_links"] = [(_("Section: %(title)s") % {"title": self.title}, self.feed_url())]
        context["news_index"] = lazy(lambda: self.get_parent().specific)
        return context


def exemplar_rows():
    """Exemplar records as a story's aside and cards show them (portrait and its renditions,
    ethnicity, place): to read their translations in an edition with."""
    from exemplars.models import ExemplarPage

    return ExemplarPage.objects.select_related("portrait", "ethnicity", "place").prefetch_related(
        renditions.prefetch("portrait", PORTRAIT_PICTURE)
    )


def section_titles():
    """{path: title} of every section, kept in the cache until anything is published."""

    def read():
        return dict(SectionPage.objects.values_list("path", "title"))

    found = stamps([SITE])
    if found is None:
        return read()
    return cache.get_or_set(f"news:sections:{digest(found[SITE])}", read, TIMEOUT)


def news_index_of(page):
    """The news index a story or section belongs to (its parent, or its section's parent)."""
    parent = page.get_parent().specific
    if isinstance(parent, SectionPage):
        parent = parent.get_parent().specific
    return parent if isinstance(parent, NewsIndexPage) else None


# The lead picture of a story (news/article_page.html asks for exactly these).
STORY_PICTURE = "format-{webp,jpeg} fill-{640x360,960x540,1280x720}"


class ArticlePage(FoldedSearchMixin, SitePage):
    """A news story."""

    kind = models.CharField(
        _("kind of story"), max_length=16, choices=StoryKind.choices, default="tin", db_index=True
    )
    kicker = models.CharField(
        _("kicker"), max_length=80, blank=True, help_text=_("A few words above the headline.")
    )
    source_line = models.CharField(
        _("source"),
        max_length=120,
        blank=True,
        help_text=_("When the story comes from elsewhere: “Theo TTXVN”."),
    )
    breaking_until = models.DateTimeField(
        _("breaking news until"),
        null=True,
        blank=True,
        help_text=_("While this time has not passed, a banner on the home page leads to it."),
    )
    lead_video = models.ForeignKey(
        "avmedia.MediaItem",
        verbose_name=_("lead video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": "video"},
        help_text=_("The story leads with this video instead of its picture."),
    )
    lead = models.TextField(_("lead"), help_text=_("The sapo: one or two sentences in bold."))
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_caption = models.CharField(_("caption"), max_length=255, blank=True)
    featured_image_credit = models.CharField(_("photo credit"), max_length=120, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    display_date = models.DateTimeField(
        _("display date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Shown on the story. Empty: the time of first publication."),
    )
    tags = NFCClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    comments_enabled = models.BooleanField(_("comments enabled"), default=True)
    comments_closed = models.BooleanField(
        _("comments closed"),
        default=False,
        help_text=_("Comments already published stay readable; no new comment is taken."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    conference = models.ForeignKey(
        "campaigns.ConferencePage",
        verbose_name=_("conference"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )

    content_panels = SitePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("kicker")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_image_caption"),
                FieldPanel("featured_image_credit"),
                MediaChooserPanel("lead_video", media_type="video"),
            ],
            heading=_("Featured image or video"),
        ),
        FieldPanel("body"),
        FieldPanel("source_line"),
        InlinePanel("notes", label=_("Corrections and updates")),
        InlinePanel("bylines", label=_("Bylines"), min_num=0),
        FieldPanel("tags"),
        InlinePanel("related_links", label=_("Related stories")),
        MultiFieldPanel(
            [
                PageChooserPanel("campaign", page_type="campaigns.CampaignPage"),
                PageChooserPanel("conference", page_type="campaigns.ConferencePage"),
                InlinePanel("exemplar_links", label=_("Exemplars in this story")),
            ],
            heading=_("Campaign and exemplars"),
        ),
    ]
    settings_panels = SitePage.settings_panels + [
        FieldPanel("display_date"),
        FieldPanel("breaking_until"),
        FieldPanel("comments_enabled"),
        FieldPanel("comments_closed"),
    ]
    search_fields = SitePage.search_fields + [
        index.FilterField("kind"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("display_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        *FOLDED_SEARCH_FIELDS,
    ]
    # The read API's explicit field list (never reporters' emails, never comments).
    api_fields = [
        APIField("kind"),
        APIField("kicker"),
        APIField("section_name"),
        APIField("source_line"),
        APIField("corrections"),
        APIField("lead"),
        APIField("display_date"),
        APIField("authors"),
        APIField("tags", serializer=TagNamesField()),
        APIField("featured_image", serializer=ImageWithRenditionsField()),
        APIField(
            "featured_image_1200x630",
            serializer=ImageRenditionField("fill-1200x630|format-jpeg", source="featured_image"),
        ),
        APIField("featured_image_caption"),
        APIField("featured_image_credit"),
        APIField("body", serializer=StreamWithImagesField()),
        APIField("linked_exemplars"),
        APIField("linked_campaign"),
        APIField("linked_conference"),
    ]

    @property
    def section_name(self):
        """The section's title from the cached list of sections: no query per story."""
        return section_titles().get(self.path[: -self.steplen])

    def corrections(self):
        """Dated corrections and updates, newest first, for the read API."""
        return [
            {"kind": note.kind, "date": note.date.isoformat(), "text": note.text}
            for note in sorted(self.notes.all(), key=lambda note: note.date, reverse=True)
        ]

    def linked_exemplars(self):
        """The live exemplars this story is about, for the read API."""
        if "exemplar_links" in getattr(self, "_prefetched_objects_cache", {}):
            links = self.exemplar_links.all()  # api_prefetch_related: live ones only
        else:
            links = self.exemplar_links.filter(exemplar__live=True).select_related("exemplar")
        return [
            {"id": link.exemplar_id, "title": link.exemplar.title, "url": link.exemplar.url}
            for link in links
        ]

    def linked_campaign(self):
        return _page_link(self.campaign if self.campaign_id else None)

    def linked_conference(self):
        return _page_link(self.conference if self.conference_id else None)

    @classmethod
    def api_prefetch_related(cls):
        """Fetched with the stories by the read API (discovery.api): no query per story."""
        bylines = ArticleByline.objects.select_related("reporter").order_by("sort_order")
        return [
            Prefetch("bylines", queryset=bylines),
            Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
            "notes",
            Prefetch(
                "exemplar_links",
                queryset=ArticleExemplar.objects.filter(exemplar__live=True).select_related(
                    "exemplar"
                ),
            ),
            "campaign",
            "conference",
        ]

    search_date_field = "display_date"
    search_tag_lookup = "tagged_items__tag"
    search_image_field = "featured_image"

    parent_page_types = ["news.NewsIndexPage", "news.SectionPage"]
    subpage_types = []
    template = "news/article_page.html"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [
            # The home page's breaking-news banner (news/home.newest_breaking), read again by
            # the first home render after each publication: few stories have a time, so a
            # partial index. Without it that render scanned every story (9 ms at 20,000 on
            # PostgreSQL, more than the rest of its queries together).
            models.Index(
                fields=["breaking_until"],
                name="news_story_breaking_idx",
                condition=models.Q(breaking_until__isnull=False),
            ),
        ]

    def save(self, *args, **kwargs):
        if self.display_date is None and self.first_published_at:
            self.display_date = self.first_published_at
        super().save(*args, **kwargs)

    def get_snippet_text_parts(self):
        return [self.lead, streamfield_text(self, "body")]

    def get_search_text_parts(self):
        """Title, text, tags and the bylines' names: readers search for "nghia ha" too."""
        tags = [tag.name for tag in self.tags.all()]
        bylines = [
            byline.reporter.name
            for byline in self.bylines.select_related("reporter")
            if byline.reporter_id
        ]
        return [self.title, *self.get_snippet_text_parts(), *tags, *bylines]

    @property
    def authors(self):
        """Bylines for the read API: public fields only."""
        return [
            {"name": reporter.name, "slug": reporter.slug, "role": reporter.role}
            for reporter in self.reporters()
        ]

    def get_structured_data(self, request):
        return article_structured_data(self, request)

    def news_index(self):
        """The news index the story belongs to (its parent, or its section's parent)."""
        return news_index_of(self)

    @property
    def date(self):
        return self.display_date or self.first_published_at or self.latest_revision_created_at

    @property
    def section(self):
        """The section the story is in (its parent), or None."""
        parent = self.get_parent().specific
        return parent if isinstance(parent, SectionPage) else None

    def page_cache_paths(self):
        """Pages listing this story besides its ancestors: its tag and reporter pages."""
        index = news_index_of(self)
        if index is None or index.url is None:
            return set()
        tags = NewsTag.objects.filter(tagged_stories__content_object=self)
        reporters = Reporter.objects.filter(bylines__page=self)
        return {index.tag_url(tag) for tag in tags} | {
            index.reporter_url(reporter) for reporter in reporters
        }

    def content_scopes(self):
        """The listings that show this story (caching/content_versions.py): the home, news
        index and section above it, its tags and reporters, the campaign, conference and
        exemplars it names, the pages it links to (their backlinks), and the related columns
        of the stories sharing a tag with it or choosing it. A publication bumps these,
        before and after, and nothing else (caching/page_cache.py)."""
        ancestors = self.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True)
        scopes = {scope("listing", pk) for pk in ancestors}
        scopes |= {scope("tag", pk) for pk in self.tagged_items.values_list("tag_id", flat=True)}
        scopes |= {
            scope("reporter", pk)
            for pk in self.bylines.values_list("reporter_id", flat=True)
            if pk is not None
        }
        linked = [self.campaign_id, self.conference_id]
        linked += list(self.exemplar_links.values_list("exemplar_id", flat=True))
        linked += [page.pk for page in referenced_pages(self)]
        linked = [pk for pk in linked if pk is not None]
        # The records' versions in other editions list this story too (a translated story
        # names the Vietnamese record; each record's page lists its own edition's stories).
        versions = Page.objects.filter(
            translation_key__in=Page.objects.filter(pk__in=linked).values("translation_key")
        ).values_list("pk", flat=True)
        scopes |= {page_scope(pk) for pk in {*linked, *versions}}
        # The related column of this story and of the stories that may list it: those
        # sharing a tag, and those whose editor chose it.
        tag_ids = self.tagged_items.values_list("tag_id", flat=True)
        sharing = ArticlePageTag.objects.filter(tag_id__in=tag_ids, content_object__live=True)
        related = {self.pk, *sharing.values_list("content_object_id", flat=True)}
        related |= set(
            ArticleRelatedStory.objects.filter(story=self).values_list("page_id", flat=True)
        )
        return scopes | {scope("related-to", pk) for pk in related}

    def reporters(self):
        if getattr(self, "_reporters", None) is None:  # the page and its JSON-LD share it
            prefetched = "bylines" in getattr(self, "_prefetched_objects_cache", {})
            bylines = (
                self.bylines.all()
                if prefetched
                else own_rows(
                    self, "bylines", BYLINES, lambda: self.bylines.select_related("reporter")
                )
            )
            self._reporters = [byline.reporter for byline in bylines if byline.reporter_id]
        return self._reporters

    def related_stories(self, limit=4, tags=None):
        links = own_rows(self, "related_links", RELATED_LINKS, lambda: self.related_links.all())
        chosen_ids = [link.story_id for link in links if link.story_id is not None][:limit]
        if chosen_ids:
            # The editor's choice, in the editor's order, in one query with pictures and bylines.
            found = {story.pk: story for story in story_cards(chosen_ids, locale_id=self.locale_id)}
            chosen = [found[pk] for pk in chosen_ids if pk in found]
            if chosen:
                return chosen
        if tags is None:
            tag_ids = list(self.tagged_items.values_list("tag_id", flat=True))
        else:
            tag_ids = [tag.pk for tag in tags]
        if not tag_ids:
            return []
        # Stories of this story's edition only (tags are shared by every edition): related.py.
        ranked = ranked_by_shared_tags(tag_ids, self, limit * 2)
        # The first `limit` of them as cards; the rest only when some of those were not
        # readable (a view restriction): most stories build four cards, not eight.
        found = {}
        for candidates in (ranked[:limit], ranked[limit:]):
            if len(found) >= limit or not candidates:
                break
            found.update((story.pk, story) for story in story_cards(candidates))
        return [found[pk] for pk in ranked if pk in found][:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = news_index_of(self)
        context["section"] = self.section
        context["has_gallery"] = any(block.block_type == "gallery" for block in self.body)
        # Read only when a fragment that shows them is rendered (templatetags/fragments.py).
        tags = SimpleLazyObject(self.own_tags)
        links = SimpleLazyObject(self.campaign_links)
        context["story_tags"] = tags
        context["story_picture"] = SimpleLazyObject(self.picture_with_renditions)
        context["story_reporters"] = SimpleLazyObject(self.reporters)
        context["story_notes"] = SimpleLazyObject(self.dated_notes)
        context["related_stories"] = SimpleLazyObject(lambda: self.related_stories(tags=tags))
        for name in ("story_exemplars", "story_campaign", "story_conference", "records_in_edition"):
            context[name] = SimpleLazyObject(lambda name=name: links[name])
        return context

    def own_tags(self):
        """The story's tags (a compiled statement, unless held in memory: a preview)."""
        return own_rows(self, "tagged_items", TAGS, lambda: self.tags.all())

    def picture_with_renditions(self):
        """The lead picture with its renditions (article_page.html's and the sharing card of
        the SEO head and JSON-LD), read in one query once per request."""
        if self.featured_image_id is None:
            return None
        if not getattr(self, "_picture_prefetched", False):
            renditions.prefetch_on([self], "featured_image", STORY_PICTURE, SOCIAL_RENDITION)
            self._picture_prefetched = True
        return self.featured_image

    def get_social_image(self):
        """The picture of the sharing card (discovery/seo.py), its renditions prefetched."""
        return self.picture_with_renditions()

    def dated_notes(self):
        """Corrections and updates, newest first: read once for the page and its JSON-LD."""
        if getattr(self, "_dated_notes", None) is None:
            self._dated_notes = own_rows(self, "notes", NOTES, lambda: self.notes.order_by("-date"))
        return self._dated_notes

    def clean(self):
        super().clean()
        if self.kind == StoryKind.PHOTO and not any(
            block.block_type == "gallery" for block in self.body
        ):
            raise ValidationError(
                {"kind": _("A photo story needs a photo gallery in its body: add one.")}
            )

    def gallery_images(self):
        """The pictures of the story's galleries, in order (JSON-LD of a photo story)."""
        return [
            item["image"]
            for block in self.body
            if block.block_type == "gallery"
            for item in block.value["images"]
            if item["image"] is not None
        ]

    def campaign_links(self):
        """The story's campaign, conference and exemplars (live ones only), for the aside."""
        links = own_rows(
            self,
            "exemplar_links",
            EXEMPLAR_LINKS,
            lambda: live_exemplar_links(self.exemplar_links.all()),
        )
        campaign = self.campaign if self.campaign_id else None
        conference = self.conference if self.conference_id else None
        campaign = campaign if campaign and campaign.live else None
        conference = conference if conference and conference.live else None
        exemplars = [link.exemplar for link in links]
        # Shared records in the story's edition: their live translation there, else the
        # Vietnamese record (exemplars/editions.py); one query for all, none in Vietnamese.
        cards = [
            block.value["exemplar"]
            for block in self.body
            if block.block_type == "exemplar" and block.value["exemplar"] is not None
        ]
        language = current_language()
        shown = in_edition(exemplars + cards, self.locale_id, language, exemplar_rows())
        for record in (campaign, conference):
            if record is not None:
                queryset = type(record).objects.all()
                shown |= in_edition([record], self.locale_id, language, queryset)
        return {
            "story_exemplars": [shown[record.pk] for record in exemplars],
            "story_campaign": shown[campaign.pk] if campaign else None,
            "story_conference": shown[conference.pk] if conference else None,
            # The body's exemplar cards that have a translation to show instead.
            "records_in_edition": {
                record.pk: shown[record.pk] for record in cards if shown[record.pk] is not record
            },
        }


# A story's own rows, read by every render of it from nothing (after its publication), as
# compiled statements (base/statements.py): the queryset's building and compiling was most of
# each one's cost. A page that holds them in memory (a preview of a revision, the admin's
# form) reads them through its managers as before.


def own_rows(page, relation, statement, from_manager):
    """`statement`'s rows for this page, each row's page set to it (as the related manager
    does); `from_manager()`'s (the relation's manager) when the page holds `relation` in
    memory (modelcluster: a revision, a preview) or is unsaved."""
    held = getattr(page, "_cluster_related_objects", None) or {}
    if page.pk is None or relation in held:
        return list(from_manager())
    rows = statement(page=page.pk)
    if rows and hasattr(rows[0], "page_id"):
        for row in rows:
            row._state.fields_cache["page"] = page
    return rows


def live_exemplar_links(links):
    from exemplars.models import ExemplarPage

    return (
        links.filter(exemplar__live=True)
        .select_related("exemplar", "exemplar__portrait", "exemplar__ethnicity", "exemplar__place")
        .only("page", "exemplar", *(f"exemplar__{name}" for name in ExemplarPage.card_fields))
        .prefetch_related(renditions.prefetch("exemplar__portrait", PORTRAIT_PICTURE))
    )


BYLINES = Statement(
    lambda *, page: ArticleByline.objects.filter(page_id=page).select_related("reporter")
)
NOTES = Statement(lambda *, page: ArticleNote.objects.filter(page_id=page).order_by("-date"))
RELATED_LINKS = Statement(lambda *, page: ArticleRelatedStory.objects.filter(page_id=page))
TAGS = Statement(  # in the order they were given, as taggit's manager reads them
    lambda *, page: NewsTag.objects.filter(tagged_stories__content_object_id=page).order_by(
        "tagged_stories__id"
    )
)
EXEMPLAR_LINKS = Statement(
    lambda *, page: live_exemplar_links(ArticleExemplar.objects.filter(page_id=page))
)


def _cards_by_id(_restricted, count, in_locale, **values):
    stories = ArticlePage.objects.filter(pk__in=[values[f"p{n}"] for n in range(count)])
    if in_locale:
        stories = stories.filter(locale_id=values["locale"])
    return story_listing(stories)


# A story's related cards and a listing page's rows, read by every render of them from
# nothing: a compiled statement per number of stories (base/statements.py).
CARDS_BY_ID = Statement(_cards_by_id)


def story_cards(ids, locale_id=None):
    """The readable stories of these ids (of one edition, with `locale_id`), ready for their
    cards, newest first: one compiled statement per number of ids."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    values = {f"p{n}": pk for n, pk in enumerate(ids)}
    if locale_id is not None:
        values["locale"] = locale_id
    return view_restrictions.readable_rows(CARDS_BY_ID, len(ids), locale_id is not None, **values)


def _story_at(path, depth, *, slug):
    stories = ArticlePage.objects.filter(path__startswith=path, depth=depth + 1)  # child_of
    return stories.filter(slug=slug).select_related("featured_image").order_by("pk")[:1]


# The story a reader's URL names, read again by the first request after its publication (the
# route is cached under its stamp): a compiled statement (base/statements.py).
STORY_AT = Statement(_story_at)


def route_to_story(parent, request, path_components):
    """A story of the news index or a section in one query (with its picture and `parent` as
    its cached parent) instead of Wagtail's child lookup, specific fetch and parent fetch for
    the breadcrumbs and links; None when the path names no story here (Wagtail routes it)."""
    if len(path_components) != 1:
        return None
    slug = path_components[0]

    def fetch():
        found = STORY_AT(parent.path, parent.depth, slug=slug)
        return found[0] if found else None

    story = parent.cached_child(request, slug, fetch)
    if story is None:
        return None
    story._cached_parent_obj = parent
    return story.route(request, [])
