"""Emulation movements and their honouring conferences. Never imports news (string references)."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from base import renditions
from base.pages import SitePage
from base.pagination import paginate
from caching.lazy import lazy
from discovery import seo
from discovery.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from exemplars import charts
from exemplars.models import Place

HONOUREES_ON_CAMPAIGN = 24
HONOUREES_PER_PAGE = 48
PORTRAIT_RENDITIONS = ["fill-160x160", "fill-160x160|format-webp"]
# Honourees as a conference lists them: by the rank of the title, then by name. (The rows'
# own sort_order belongs to the exemplar's award history.)
HONOUREE_ORDER = ["award_type__sort_order", "award_type__name", "exemplar__name_folded", "pk"]


def honour_records():
    """Award records, the rows a conference's honourees are (exemplars.AwardRecord)."""
    return apps.get_model("exemplars", "AwardRecord").objects.all()


class HonoureesPanel(InlinePanel):
    """The conference's honourees are award records: edited with the record's
    ``conference_panels`` (who, what, the decision), read from the model when the edit handler
    is built, so this app need not import the registry."""

    @cached_property
    def panel_definitions(self):
        panels = getattr(self.db_field.related_model, "conference_panels", None)
        return panels if panels is not None else super().panel_definitions


class ScopeLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    SECTOR = "sector", _("Sector")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Ongoing")
    ENDED = "ended", _("Ended")


class ConferenceLevel(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    DISTRICT = "district", _("District")
    DEPARTMENT = "department", _("Provincial department or mass organisation")
    ENTERPRISE = "enterprise", _("Enterprise")
    PROVINCIAL = "provincial", _("Provincial")
    NATIONAL = "national", _("National")


# The form a conference takes at each level (Plan 2297/KH-UBND and the law's practice).
CONFERENCE_FORMS = {
    "commune": _("Hội nghị biểu dương người tốt việc tốt"),
    "district": _("Hội nghị tuyên dương điển hình tiên tiến"),
    "department": _("Hội nghị tuyên dương điển hình tiên tiến"),
    "enterprise": _("Hội nghị biểu dương những người lao động giỏi, lao động sáng tạo"),
    "provincial": _("Đại hội thi đua yêu nước"),
    "national": _("Đại hội thi đua yêu nước"),
}


def images_with(*specs):
    return get_image_model().objects.prefetch_renditions(*specs)


def in_edition_of(record, stories):
    """The stories of `record`'s edition among `stories`. Campaigns and conferences are
    shared records: a translated story still names the Vietnamese one (exemplars/editions.py),
    so stories are found through any version of the record (`translation_key`), and its page
    lists its own edition's (each story once, in the page's language)."""
    return stories.filter(locale_id=record.locale_id)


def live_stories(manager):
    """Live public stories from a reverse relation, with card images in fixed queries."""
    return (
        manager.live()
        .public()
        .select_related("featured_image")
        .prefetch_related(renditions.prefetch("featured_image", renditions.STORY_CARD_PICTURE))
        .order_by("-display_date", "-pk")
    )


class CampaignIndexPage(SitePage):
    cache_query_params = ("status",)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["kontum_site.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    template = "campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = (
            CampaignPage.objects.child_of(self).live().public().order_by("-start_date", "title")
        )
        status = request.GET.get("status", "")
        today = timezone.localdate()
        if status == CampaignStatus.UPCOMING:
            campaigns = campaigns.filter(start_date__gt=today)
        elif status == CampaignStatus.ENDED:
            campaigns = campaigns.filter(end_date__lt=today)
        elif status == CampaignStatus.ONGOING:
            campaigns = campaigns.exclude(start_date__gt=today).exclude(end_date__lt=today)
        context["campaigns_page"] = paginate(request, campaigns, 20)
        context["active_status"] = status if status in CampaignStatus.values else ""
        context["statuses"] = CampaignStatus.choices
        return context


class CampaignPage(FoldedSearchMixin, SitePage):
    """An emulation movement: launched by a plan or decision, over a period, at a scope."""

    slogan = models.CharField(_("slogan"), max_length=255, blank=True)
    plan_number = models.CharField(
        _("plan or decision number"),
        max_length=60,
        blank=True,
        help_text=_("As written: “2297/KH-UBND”."),
    )
    plan_date = models.DateField(_("plan date"), null=True, blank=True)
    plan_issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    plan_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("plan document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, db_index=True)
    scope_level = models.CharField(
        _("scope"), max_length=16, choices=ScopeLevel.choices, default="provincial"
    )
    goals = RichTextField(_("goals"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    themes = models.TextField(_("themes"), blank=True, help_text=_("One theme a line."))
    intro = models.TextField(_("introduction"), blank=True)
    comments_enabled = models.BooleanField(_("comments enabled"), default=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("slogan"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("plan_number"), FieldPanel("plan_date")]),
                FieldPanel("plan_issuer"),
                FieldPanel("plan_document"),
            ],
            heading=_("Launched by"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("scope_level"),
            ],
            heading=_("Period and scope"),
        ),
        FieldPanel("goals"),
        FieldPanel("themes"),
        InlinePanel("milestones", label=_("Timeline")),
    ]
    settings_panels = SitePage.settings_panels + [FieldPanel("comments_enabled")]
    search_fields = SitePage.search_fields + [
        index.SearchField("slogan"),
        index.SearchField("intro"),
        *FOLDED_SEARCH_FIELDS,
    ]
    search_date_field = "start_date"
    # The read API's explicit field list (never comments or commenters' emails).
    api_fields = [
        APIField("slogan"),
        APIField("intro"),
        APIField("plan_number"),
        APIField("plan_date"),
        APIField("plan_issuer"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("scope_level"),
        APIField("status"),
        APIField("goals"),
        APIField("theme_list"),
        APIField("timeline"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.ConferencePage"]
    template = "campaigns/campaign_page.html"

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def get_search_text_parts(self):
        return [self.title, self.slogan, self.plan_number, self.intro, self.themes]

    def get_snippet_text_parts(self):
        return [self.search_description, self.intro, self.slogan]

    def get_structured_data(self, request):
        """The movement as a schema.org Event spanning its period, located in the province
        it runs in (the top administrative unit of the places register)."""
        provinces = Place.objects.filter(level="province", parent=None)
        if self.start_date:  # the province as it was when the movement started
            provinces = provinces.filter(
                Q(valid_from__isnull=True) | Q(valid_from__lte=self.start_date),
                Q(valid_until__isnull=True) | Q(valid_until__gte=self.start_date),
            )
        province = provinces.order_by("pk").first()
        address = seo.postal_address(province)
        return seo.event(
            name=self.title,
            url=self.get_full_url(request),
            start=self.start_date,
            end=self.end_date,
            location_name=province.name if province else "",
            address=address,
            description=seo.meta_description(self) or None,
        )

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    @property
    def status(self):
        today = timezone.localdate()
        if self.start_date and today < self.start_date:
            return CampaignStatus.UPCOMING
        if self.end_date and today > self.end_date:
            return CampaignStatus.ENDED
        return CampaignStatus.ONGOING

    @property
    def timeline(self):
        """Milestones for the read API."""
        milestones = sorted(self.milestones.all(), key=lambda m: (m.date, m.sort_order or 0))
        return [
            {"date": m.date.isoformat(), "title": m.title, "description": m.description}
            for m in milestones
        ]

    @classmethod
    def api_prefetch_related(cls):
        """Fetched with the campaigns by the read API (discovery.api): no query per page."""
        return ["milestones"]

    def get_status_display(self):
        return CampaignStatus(self.status).label

    @property
    def theme_list(self):
        return [line.strip() for line in self.themes.splitlines() if line.strip()]

    def conferences(self):
        return list(
            ConferencePage.objects.child_of(self)
            .live()
            .public()
            .select_related("place")
            .order_by("date", "pk")
        )

    def honourees(self, conferences, limit=HONOUREES_ON_CAMPAIGN):
        """The honours presented at its conferences: award records (one honour, one row)."""
        return list(
            honour_records()
            .filter(conference__in=[c.pk for c in conferences], exemplar__live=True)
            .select_related(
                "exemplar", "exemplar__portrait", "exemplar__ethnicity", "award_type", "conference"
            )
            .prefetch_related(
                Prefetch("exemplar__portrait", queryset=images_with(*PORTRAIT_RENDITIONS))
            )
            .order_by("-conference__date", *HONOUREE_ORDER)[:limit]
        )

    def coverage(self, conferences, limit=12):
        # The stories app names this page in its relations ("stories"); this app never
        # imports it, and reaches its model through that relation.
        story_model = self.stories.model
        stories = story_model.objects.filter(
            models.Q(campaign__translation_key=self.translation_key)
            | models.Q(conference__translation_key__in=[c.translation_key for c in conferences])
        )
        return list(live_stories(in_edition_of(self, stories)).distinct()[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's fragments are rendered (caching/lazy.py).
        conferences = lazy(self.conferences)
        context["conferences"] = conferences
        context["honourees"] = lazy(self.honourees, conferences)
        context["milestones"] = lazy(lambda: list(self.milestones.order_by("date", "sort_order")))
        context["coverage"] = lazy(self.coverage, conferences)
        context["charts"] = lazy(self.honour_charts, request)
        context["feed_links"] = self.feed_links()
        return context

    def honour_records(self):
        """Every honour of the movement: recorded under it, or presented at its conferences."""
        conferences = ConferencePage.objects.child_of(self).live().values("pk")
        return honour_records().filter(
            models.Q(campaign=self) | models.Q(conference__in=conferences), exemplar__live=True
        )

    def honour_charts(self, request=None):
        return charts.honour_charts(self.honour_records(), request, prefix=f"campaign-{self.pk}")

    def feed_links(self):
        """The campaign's story feed (news.feeds.CampaignFeed), for <link rel="alternate">."""
        try:
            url = reverse("feeds:campaign", args=[self.slug])
        except NoReverseMatch:  # the news app is not installed
            return []
        return [(_("Stories: %(campaign)s") % {"campaign": self.title}, url)]


class CampaignMilestone(Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    panels = ["date", "title", "description"]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")


class ConferencePage(FoldedSearchMixin, SitePage):
    """An honouring conference or congress, held under a campaign."""

    level = models.CharField(
        _("level"), max_length=16, choices=ConferenceLevel.choices, db_index=True
    )
    ordinal = models.CharField(
        _("ordinal"),
        max_length=20,
        blank=True,
        help_text=_("For a congress: “VIII” (the VIIIth congress)."),
    )
    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    host_unit = models.CharField(_("host unit"), max_length=255, blank=True)
    place = models.ForeignKey(
        "exemplars.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    summary = models.TextField(_("summary"), blank=True)
    comments_enabled = models.BooleanField(_("comments enabled"), default=True)

    content_panels = SitePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("ordinal")]),
                FieldPanel("date"),
                FieldPanel("venue"),
                FieldPanel("host_unit"),
                FieldPanel("place"),
            ],
            heading=_("Conference"),
        ),
        FieldPanel("summary"),
        HonoureesPanel(
            "honourees",
            label=_("Honourees"),
            help_text=_(
                "Each honouree is an award record on the exemplar's profile: "
                "editing it here or there changes both."
            ),
        ),
        InlinePanel("gallery", label=_("Gallery")),
    ]
    settings_panels = SitePage.settings_panels + [FieldPanel("comments_enabled")]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.FilterField("level"),
        *FOLDED_SEARCH_FIELDS,
    ]
    search_date_field = "date"
    # The read API's explicit field list (never comments or commenters' emails).
    api_fields = [
        APIField("level"),
        APIField("form_name"),
        APIField("ordinal"),
        APIField("date"),
        APIField("venue"),
        APIField("host_unit"),
        APIField("place_name"),
        APIField("summary"),
        APIField("honourees_list"),
    ]

    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types = []
    template = "campaigns/conference_page.html"

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")

    @property
    def form_name(self):
        form = str(CONFERENCE_FORMS.get(self.level, ""))
        if self.level in ("provincial", "national") and self.ordinal:
            return f"{form} lần thứ {self.ordinal}"
        return form

    def get_search_text_parts(self):
        return [self.title, self.form_name, self.venue, self.host_unit, self.summary]

    def get_snippet_text_parts(self):
        return [self.search_description, self.summary, self.form_name]

    @property
    def place_name(self):
        return self.place.full_name if self.place_id else ""

    @property
    def honourees_list(self):
        """Honourees for the read API: public record fields only."""
        if "honourees" in getattr(self, "_prefetched_objects_cache", {}):
            honourees = self.honourees.all()
        else:
            honourees = (
                self.honourees.filter(exemplar__live=True)
                .select_related("exemplar", "award_type")
                .order_by(*HONOUREE_ORDER)
            )
        return [
            {
                "exemplar": honouree.exemplar.title,
                "exemplar_id": honouree.exemplar_id,
                "received": honouree.award_type.name,
                "decision_number": honouree.decision_number,
                "decision_date": honouree.decision_date.isoformat()
                if honouree.decision_date
                else None,
                "citation": honouree.citation,
            }
            for honouree in honourees
        ]

    @classmethod
    def api_prefetch_related(cls):
        """Fetched with the conferences by the read API (discovery.api): no query per page."""
        honourees = (
            honour_records()
            .filter(exemplar__live=True)
            .select_related("exemplar", "award_type")
            .order_by(*HONOUREE_ORDER)
        )
        return [Prefetch("honourees", queryset=honourees), "place__parent__parent__parent"]

    def get_structured_data(self, request):
        """Event JSON-LD for the conference or congress (discovery.seo.event)."""
        address = seo.postal_address(self.place if self.place_id else None)
        organizer = seo.organization(self.host_unit) if self.host_unit else None
        return seo.event(
            name=self.title,
            url=self.get_full_url(request),
            start=self.date,
            location_name=self.venue,
            address=address,
            organizer=organizer,
            description=seo.meta_description(self) or None,
        )

    def page_cache_paths(self):
        """Its honourees' profiles list this conference in their award history (a link the
        reference index does not see: it is the award record's ParentalKey)."""
        return self.url_paths(Page.objects.filter(pk__in=self.honourees.values("exemplar_id")))

    def honouree_list(self):
        return (
            self.honourees.filter(exemplar__live=True)
            .select_related("exemplar", "exemplar__portrait", "exemplar__ethnicity", "award_type")
            .prefetch_related(
                Prefetch("exemplar__portrait", queryset=images_with(*PORTRAIT_RENDITIONS))
            )
            .order_by(*HONOUREE_ORDER)
        )

    def coverage(self, limit=12):
        """The stories of its edition about it."""
        stories = self.stories.model.objects.filter(
            conference__translation_key=self.translation_key
        )
        return list(live_stories(in_edition_of(self, stories))[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign"] = self.get_parent().specific

        context["honouree_list"] = lazy(
            lambda: paginate(request, self.honouree_list(), HONOUREES_PER_PAGE)
        )
        context["gallery_items"] = lazy(
            lambda: list(
                self.gallery.select_related("image").prefetch_related(
                    Prefetch(
                        "image", queryset=images_with("fill-480x320", "fill-480x320|format-webp")
                    )
                )
            )
        )
        context["coverage"] = lazy(self.coverage)
        return context


class ConferenceGalleryImage(Orderable):
    conference = ParentalKey(ConferencePage, on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = ["image", "caption"]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")
