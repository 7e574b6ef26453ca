"""The station's programmes (news bulletins, radio shows, programmes in minority languages)
and their episodes, each a page: searchable, in the sitemap, with a podcast feed per programme.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from base.api_fields import EpisodeMediaField, ImageWithRenditionsField
from base.pages import SitePage
from base.pagination import paginate
from caching.lazy import lazy
from discovery.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

from .podcast import podcast_response
from .seo import episode_structured_data, programme_structured_data

EPISODES_PER_PAGE = 12
PROGRAMME_LANGUAGES = [
    ("vi", _("Vietnamese")),
    ("en", _("English")),
    ("bdq", _("Ba Na")),
    ("sed", _("Xơ Đăng")),
    ("jra", _("Gia Rai")),
]
# Apple Podcasts categories a station's programmes fall in.
PODCAST_CATEGORIES = [
    ("News", "News"),
    ("News|Daily News", "News › Daily News"),
    ("Society & Culture", "Society & Culture"),
    ("Education", "Education"),
    ("Business", "Business"),
    ("Government", "Government"),
]


class ProgrammeIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["kontum_site.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    template = "programmes/programme_index_page.html"

    class Meta:
        verbose_name = _("programme index")
        verbose_name_plural = _("programme indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.child_of(self).live().public().select_related("cover")
        )
        return context


class ProgrammePage(RoutablePageMixin, FoldedSearchMixin, SitePage):
    """A programme: its episodes newest first, and a podcast feed (podcast/)."""

    description = models.TextField(_("description"))
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square, at least 1400 × 1400 pixels for podcast apps."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=PROGRAMME_LANGUAGES, default="vi"
    )
    schedule = models.CharField(
        _("on air"), max_length=120, blank=True, help_text=_("“18:00 hằng ngày trên KTTV”.")
    )
    podcast_author = models.CharField(
        _("podcast author"), max_length=120, default="Đài Phát thanh – Truyền hình Kon Tum"
    )
    podcast_category = models.CharField(
        _("podcast category"), max_length=60, choices=PODCAST_CATEGORIES, default="News"
    )
    podcast_owner_email = models.EmailField(
        _("podcast owner's email"),
        blank=True,
        help_text=_("Podcast directories write here to confirm the feed (it is in the feed)."),
    )
    explicit = models.BooleanField(_("explicit content"), default=False)

    content_panels = SitePage.content_panels + [
        FieldPanel("description"),
        FieldPanel("cover"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("schedule")]),
        MultiFieldPanel(
            [
                FieldPanel("podcast_author"),
                FieldPanel("podcast_category"),
                FieldPanel("podcast_owner_email"),
                FieldPanel("explicit"),
            ],
            heading=_("Podcast"),
        ),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("description"),
        *FOLDED_SEARCH_FIELDS,
    ]
    search_image_field = "cover"

    def full_clean(self, *args, **kwargs):
        """A new programme made in an edition other than Vietnamese is in that edition's
        language (its podcast's <language>, its pages' lang), unless another one was chosen."""
        super().full_clean(*args, **kwargs)
        code = self.locale.language_code if self.locale_id else None
        if self._state.adding and self.language == "vi" and code in dict(PROGRAMME_LANGUAGES):
            self.language = code

    api_fields = [
        APIField("description"),
        APIField("cover", serializer=ImageWithRenditionsField()),
        APIField("language"),
        APIField("schedule"),
        APIField("podcast_url"),
    ]
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["programmes.EpisodePage"]
    template = "programmes/programme_page.html"

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def get_search_text_parts(self):
        return [self.title, self.description, self.schedule]

    def episodes(self):
        images = get_image_model().objects.prefetch_renditions("fill-480x270", "fill-320x320")
        return (
            EpisodePage.objects.child_of(self)
            .live()
            .public()
            .select_related("media", "media__poster")
            .prefetch_related(Prefetch("media__poster", queryset=images))
            .order_by("-air_date", "-pk")
        )

    @path("")
    def episode_list(self, request):
        episodes = lazy(lambda: paginate(request, self.episodes(), EPISODES_PER_PAGE))
        return self.render(
            request,
            context_overrides={"episodes_page": episodes, "feed_links": self.feed_links()},
        )

    @path("podcast/", name="podcast")
    def podcast(self, request):
        return podcast_response(self, request)

    def podcast_url(self):
        return self.url + self.reverse_subpage("podcast")

    def feed_links(self):
        return [(_("Podcast: %(title)s") % {"title": self.title}, self.podcast_url())]

    def get_structured_data(self, request):
        return programme_structured_data(self, request)


class EpisodePage(FoldedSearchMixin, SitePage):
    """One bulletin or show as aired: the file, when it aired, what it is about."""

    media = models.ForeignKey(
        "avmedia.MediaItem",
        verbose_name=_("audio or video"),
        on_delete=models.PROTECT,
        related_name="episodes",
    )
    air_date = models.DateTimeField(_("aired"), db_index=True)
    summary = models.TextField(_("summary"), blank=True)

    content_panels = SitePage.content_panels + [
        MediaChooserPanel("media"),
        FieldPanel("air_date"),
        FieldPanel("summary"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.FilterField("air_date"),
        *FOLDED_SEARCH_FIELDS,
    ]
    search_date_field = "air_date"
    api_fields = [
        APIField("air_date"),
        APIField("summary"),
        APIField("media", serializer=EpisodeMediaField()),
    ]
    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []
    template = "programmes/episode_page.html"

    class Meta:
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")

    def get_search_text_parts(self):
        transcript = self.media.transcript if self.media_id else ""
        return [self.title, self.summary, transcript]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = self.get_parent().specific
        return context

    def get_social_image(self):
        """The poster of the episode's audio or video (og:image, the JSON-LD thumbnail)."""
        return self.media.poster if self.media_id and self.media.poster_id else None

    def get_meta_description(self):
        return self.summary or (self.media.transcript if self.media_id else "")

    def get_structured_data(self, request):
        return episode_structured_data(self, request)
