from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Count, Max, Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Task
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from kontum_site import view_restrictions
from kontum_site.api_fields import ImageWithRenditionsField, StreamWithImagesField
from kontum_site.lazy import lazy
from kontum_site.pages import SitePage
from kontum_site.pagination import paginate
from kontum_site.params import int_param
from kontum_site.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin, streamfield_text
from kontum_site.tagging import NFCClusterTaggableManager
from kontum_site.vietnamese import fold, slugify_vi

from .api import TagNamesField
from .blocks import ArticleBodyBlock

STORIES_PER_PAGE = 12
# Aggregates over every story (months, popular tags) are cached this long at most; publishing
# forgets them at once (news/signals.py).
LISTING_CACHE_SECONDS = 600
LISTING_RENDITIONS = [
    "fill-480x270",
    "fill-960x540",
    "fill-480x270|format-webp",
    "fill-960x540|format-webp",
]


class NewsTagQuerySet(models.QuerySet):
    def public(self):
        """Tags used by a live story anyone may read: only these have a page, a feed, a place
        in listings and in the tag field's suggestions (a draft's or a scheduled story's tag,
        or a slip of the keyboard, stays private until a story using it goes live)."""
        readable = view_restrictions.readable(ArticlePage.objects.all()).values("pk")
        live_links = ArticlePageTag.objects.filter(content_object__in=readable)
        return self.filter(pk__in=live_links.values("tag_id"))


class NewsTag(TagBase):
    """A story tag with an ASCII slug ("Nông thôn mới" → nong-thon-moi).

    One spelling per tag: `folded` (no tone marks, no case) is unique in practice, and a tag
    typed as "Đắk Glei" reuses "Đăk Glei" (kontum_site.tagging)."""

    name = models.CharField(_("tag name"), unique=True, max_length=100)  # taggit's, translated
    folded = models.CharField(max_length=100, editable=False, db_index=True, default="")
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown at the top of the tag's page.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    objects = NaturalKeyManager.from_queryset(NewsTagQuerySet)()

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag) or "the"
        return f"{slug}-{i}" if i is not None else slug

    def save(self, *args, **kwargs):
        self.folded = fold(self.name)[:100]
        super().save(*args, **kwargs)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(NewsTag, on_delete=models.CASCADE, related_name="tagged_stories")


# The house byline: several names joined with an en dash, "Nghĩa Hà – Đức Thắng".
BYLINE_SEPARATOR = " – "


class Reporter(index.Indexed, models.Model):
    """A byline. Several reporters can sign one story; each has a page listing their stories."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, blank=True)
    role = models.CharField(_("role"), max_length=120, blank=True, default="Phóng viên")
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Private: used for notifications, never shown.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("admin account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reporter_profiles",
    )

    panels = [
        TitleFieldPanel("name", targets=["slug"]),  # the slug fills in as the name is typed
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("email"),
        # Which account a byline belongs to is the editors' to say, not any reporter's.
        FieldPanel("user", permission="news.change_reporter"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("name_folded"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")

    def __str__(self):
        return self.name

    def name_folded(self):
        """The name without tone marks, so the admin finds "Nguyễn" for "nguyen"."""
        return fold(self.name)

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify_vi(self.name) or "phong-vien"
            slug, suffix = base, 2
            while Reporter.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, suffix = f"{base}-{suffix}", suffix + 1
            self.slug = slug
        super().save(*args, **kwargs)


def _page_link(page):
    """{id, title, url} of a live page, or None (the read API's links between records)."""
    if page is None or not page.live:
        return None
    return {"id": page.pk, "title": page.title, "url": page.url}


def story_listing(queryset):
    """Stories ready for a listing: images with their renditions and bylines in fixed queries."""
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    from comments.display import with_comment_counts

    bylines = ArticleByline.objects.select_related("reporter").order_by("sort_order")
    return with_comment_counts(
        queryset.live()
        .public()
        .select_related("featured_image")
        .prefetch_related(
            Prefetch("featured_image", queryset=images),
            Prefetch("bylines", queryset=bylines),
        )
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


class NewsIndexPage(RoutablePageMixin, SitePage):
    """The news section: latest stories, filters by tag and month, tag and reporter pages."""

    cache_query_params = ("tag", "month")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["news.ArticlePage", "news.SectionPage"]
    parent_page_types = ["kontum_site.HomePage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def route(self, request, path_components):
        # A story in one query (with its picture and this page as its cached parent) instead of
        # Wagtail's child lookup + specific fetch + parent fetch for the breadcrumbs and links.
        if len(path_components) == 1:
            story = self.cached_child(
                request,
                path_components[0],
                lambda: (
                    ArticlePage.objects.child_of(self)
                    .select_related("featured_image")
                    .filter(slug=path_components[0])
                    .first()
                ),
            )
            if story is not None:
                story._cached_parent_obj = self
                return story.route(request, [])
        return super().route(request, path_components)

    def stories(self):
        """Every story of the news, in its sections or not."""
        return story_listing(ArticlePage.objects.descendant_of(self))

    def sections(self):
        return list(SectionPage.objects.child_of(self).live().public().order_by("path"))

    def filtered_stories(self, request):
        stories = self.stories()
        tag = None
        tag_slug = request.GET.get("tag", "").strip()
        if tag_slug:
            tag = NewsTag.objects.public().filter(slug=tag_slug).first()
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
        from .sidebar import listing_sidebar

        stories, tag, month_range = self.filtered_stories(request)
        count = None
        if tag is None and month_range is None and not request.GET.get("tag"):
            count = cache.get_or_set(f"news:count:{self.pk}", stories.count, LISTING_CACHE_SECONDS)
        return self.render(
            request,
            context_overrides={
                # Read only when the listing fragment is rendered (kontum_site/lazy.py).
                "stories_page": lazy(paginate, request, stories, STORIES_PER_PAGE, count=count),
                "active_tag": tag,
                "active_month": month_range[0] if month_range else None,
                "months": self.month_choices(),
                **listing_sidebar(self),
            },
        )

    @path("chu-de/<slug:tag_slug>/", name="tag")
    def tag_route(self, request, tag_slug):
        tag = get_object_or_404(NewsTag.objects.public(), slug=tag_slug)
        stories = self.stories().filter(tagged_items__tag=tag)
        return self.render(
            request,
            template="news/tag_page.html",
            context_overrides={
                "tag": tag,
                "stories_page": lazy(paginate, request, stories, STORIES_PER_PAGE),
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
                "stories_page": lazy(paginate, request, stories, STORIES_PER_PAGE),
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
    subpage_types = ["news.ArticlePage"]
    template = "news/section_page.html"

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def stories(self):
        return story_listing(ArticlePage.objects.child_of(self))

    def feed_url(self):
        from django.urls import reverse

        return reverse("feeds:section", args=[self.slug])

    def get_context(self, request, *args, **kwargs):
        from .sidebar import listing_sidebar

        context = super().get_context(request, *args, **kwargs)
        context["stories_page"] = lazy(paginate, request, self.stories(), STORIES_PER_PAGE)
        context["feed_links"] = [(_("Section: %(title)s") % {"title": self.title}, self.feed_url())]
        context.update(listing_sidebar(lazy(lambda: self.get_parent().specific)))
        return context


def section_titles():
    """{path: title} of every section, kept in the cache until anything is published."""
    from kontum_site.content_versions import SITE, TIMEOUT, digest, stamps

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


class StoryKind(models.TextChoices):
    NEWS = "tin", pgettext_lazy("story kind", "News item (tin)")
    ARTICLE = "bai", pgettext_lazy("story kind", "Article (bài)")
    REPORTAGE = "phong_su", pgettext_lazy("story kind", "Reportage (phóng sự)")
    PHOTO = "anh", pgettext_lazy("story kind", "Photo story (ảnh)")
    VIDEO = "video", pgettext_lazy("story kind", "Video")


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
        """Fetched with the stories by the read API (kontum_site.api): no query per story."""
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

    def save(self, *args, **kwargs):
        if self.display_date is None and self.first_published_at:
            self.display_date = self.first_published_at
        super().save(*args, **kwargs)

    def get_snippet_text_parts(self):
        return [self.lead, streamfield_text(self, "body")]

    def get_search_text_parts(self):
        """Title, text, tags and the bylines' names: readers search for "nghia ha" too."""
        tags = [tag.name for tag in self.tags.all()]
        bylines = [byline.reporter.name for byline in self.bylines.all() if byline.reporter_id]
        return [self.title, *self.get_snippet_text_parts(), *tags, *bylines]

    @property
    def authors(self):
        """Bylines for the read API: public fields only."""
        return [
            {"name": reporter.name, "slug": reporter.slug, "role": reporter.role}
            for reporter in self.reporters()
        ]

    def get_structured_data(self, request):
        from .seo import article_structured_data

        return article_structured_data(self, request)

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

    def reporters(self):
        if getattr(self, "_reporters", None) is None:  # the page and its JSON-LD share it
            prefetched = "bylines" in getattr(self, "_prefetched_objects_cache", {})
            bylines = self.bylines.all() if prefetched else self.bylines.select_related("reporter")
            self._reporters = [byline.reporter for byline in bylines if byline.reporter_id]
        return self._reporters

    def related_stories(self, limit=4, tags=None):
        chosen_ids = [
            link.story_id for link in self.related_links.all() if link.story_id is not None
        ][:limit]
        if chosen_ids:
            # The editor's choice, in the editor's order, in one query with pictures and bylines.
            found = {
                story.pk: story
                for story in story_listing(ArticlePage.objects.filter(pk__in=chosen_ids))
            }
            chosen = [found[pk] for pk in chosen_ids if pk in found]
            if chosen:
                return chosen
        if tags is None:
            tag_ids = list(self.tagged_items.values_list("tag_id", flat=True))
        else:
            tag_ids = [tag.pk for tag in tags]
        if not tag_ids:
            return []
        # Rank on the tag table alone (grouping stories by every column, the body included,
        # was the slowest query of a story), then fetch the few winners for display.
        ranked = list(
            ArticlePageTag.objects.filter(tag_id__in=tag_ids, content_object__live=True)
            .exclude(content_object_id=self.pk)
            .values("content_object_id")
            .annotate(shared=Count("id"), date=Max("content_object__display_date"))
            .order_by("-shared", "-date", "-content_object_id")
            .values_list("content_object_id", flat=True)[: limit * 2]
        )
        found = {
            story.pk: story for story in story_listing(ArticlePage.objects.filter(pk__in=ranked))
        }
        return [found[pk] for pk in ranked if pk in found][:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = news_index_of(self)
        context["section"] = self.section
        # Read only when a fragment that shows them is rendered (templatetags/fragments.py).
        tags = SimpleLazyObject(lambda: list(self.tags.all()))
        links = SimpleLazyObject(self.campaign_links)
        context["story_tags"] = tags
        context["story_reporters"] = SimpleLazyObject(self.reporters)
        context["story_notes"] = SimpleLazyObject(lambda: list(self.notes.order_by("-date")))
        context["related_stories"] = SimpleLazyObject(lambda: self.related_stories(tags=tags))
        for name in ("story_exemplars", "story_campaign", "story_conference"):
            context[name] = SimpleLazyObject(lambda name=name: links[name])
        return context

    def campaign_links(self):
        """The story's campaign, conference and exemplars (live ones only), for the aside."""
        images = get_image_model().objects.prefetch_renditions(
            "fill-160x160", "fill-160x160|format-webp"
        )
        links = (
            self.exemplar_links.filter(exemplar__live=True)
            .select_related(
                "exemplar", "exemplar__portrait", "exemplar__ethnicity", "exemplar__place"
            )
            .prefetch_related(Prefetch("exemplar__portrait", queryset=images))
        )
        campaign = self.campaign if self.campaign_id else None
        conference = self.conference if self.conference_id else None
        return {
            "story_exemplars": [link.exemplar for link in links],
            "story_campaign": campaign if campaign and campaign.live else None,
            "story_conference": conference if conference and conference.live else None,
        }


class NoteKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    UPDATE = "update", _("Update")


class ArticleNote(Orderable):
    """A dated correction or update, shown on the story (newest first)."""

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("kind"), max_length=16, choices=NoteKind.choices, default="update")
    date = models.DateTimeField(_("date"))
    text = models.TextField(_("text"))

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")


class ArticleByline(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="bylines")
    reporter = models.ForeignKey(
        Reporter, verbose_name=_("reporter"), on_delete=models.CASCADE, related_name="bylines"
    )

    panels = [FieldPanel("reporter")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")


class ArticleRelatedStory(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("story", page_type="news.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")


class ArticleExemplar(Orderable):
    """ "Exemplars in this story": the exemplar page lists the story back (see exemplars.links)."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="exemplar_links")
    exemplar = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name=_("exemplar"),
        on_delete=models.CASCADE,
        related_name="story_links",
    )

    panels = [PageChooserPanel("exemplar", page_type="exemplars.ExemplarPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("exemplar in this story")
        verbose_name_plural = _("exemplars in this story")


class DeskReviewTask(Task):
    """The desk's step of the newsroom's approval: the desk heads (Trưởng ban) of the story's
    section review it, and only theirs; then the editor-in-chief's step publishes it.

    Like Wagtail's group approval, but the group is the section's (SectionPage.desk_heads), so
    one workflow serves every section and a desk head never sees another desk's stories.
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("desk review (the section's desk heads)")
        verbose_name_plural = _("desk reviews")

    @staticmethod
    def _desk_group_id(obj):
        parent = obj.get_parent().specific if hasattr(obj, "get_parent") else None
        return parent.desk_heads_id if isinstance(parent, SectionPage) else None

    def _is_desk_head(self, obj, user):
        if user.is_superuser:
            return True
        group_id = self._desk_group_id(obj)
        return group_id is not None and user.groups.filter(pk=group_id).exists()

    def user_can_access_editor(self, obj, user):
        return self._is_desk_head(obj, user)

    def locked_for_user(self, obj, user):
        return not self._is_desk_head(obj, user)

    def user_can_lock(self, obj, user):
        return self._is_desk_head(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self._is_desk_head(obj, user):
            return []
        return [
            ("reject", _("Send back to the reporter"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from wagtail.models import TaskState

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        paths = list(
            SectionPage.objects.filter(desk_heads__in=user.groups.all()).values_list(
                "path", flat=True
            )
        )
        if not paths:
            return TaskState.objects.none()
        stories = ArticlePage.objects.filter(
            models.Q(*[models.Q(path__startswith=path) for path in paths], _connector=models.Q.OR)
        ).values_list("pk", flat=True)
        return states.filter(workflow_state__object_id__in=[str(pk) for pk in stories])

    @classmethod
    def get_description(cls):
        return _("The desk heads of the story's section review it (their sections only).")


class DailyReads(models.Model):
    """How many times a story was read on a day (news/most_read.py): counted in the cache,
    written here in batches by the background worker. No reader is identified."""

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="daily_reads")
    day = models.DateField(_("day"), db_index=True)
    count = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("daily reads")
        verbose_name_plural = _("daily reads")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="news_reads_once")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"
