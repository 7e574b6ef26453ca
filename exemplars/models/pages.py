"""An exemplar's page (a person or a collective honoured as an advanced exemplar) and
its award records: one honour, one row, shown in its history and a conference's honourees."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.api_fields import ImageWithRenditionsField
from base.pages import URL_FIELDS, SitePage
from caching.lazy import lazy, lazy_items
from discovery import seo
from discovery.search import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from exemplars.api import LinkedStoriesField, story_link
from exemplars.links import exemplar_backlinks, stories_mentioning
from exemplars.models.choices import AwardingLevel, ExemplarKind
from exemplars.models.places import Place
from exemplars.models.vocabularies import AwardType, EthnicGroup, Sector
from exemplars.units import graph as unit_graph
from exemplars.units import then_and_now
from language.vietnamese import fold


def _award_campaign(award):
    """The campaign an award belongs to: its own, or else its conference's (the conference's
    parent page). The read API's listing annotates it (api_prefetch_related)."""
    if award.campaign_id:
        return {"campaign": award.campaign.title, "campaign_id": award.campaign_id}
    if award.conference_id:
        if hasattr(award, "conference_campaign_id"):
            return {
                "campaign": award.conference_campaign_title,
                "campaign_id": award.conference_campaign_id,
            }
        parent = award.conference.get_parent()
        if parent is not None and parent.live:
            return {"campaign": parent.title, "campaign_id": parent.pk}
    return {"campaign": None, "campaign_id": None}


class ConsentedDetail(serializers.Field):
    """A personal detail the API shows only with the person's consent (else null)."""

    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return getattr(page, self.attribute) if page.public_details_consent else None


class ExemplarPage(FoldedSearchMixin, SitePage):
    """One person or collective. The name is the page title: one field, never split."""

    # The columns a record's card shows (exemplars/includes/exemplar_card.html and
    # exemplar_facts.html) and its URL needs, of some fifty: listings read only these.
    card_fields = (
        *URL_FIELDS,
        *("live", "translation_key", "kind", "birth_year", "role", "unit", "featured"),
        *("last_published_at", "portrait", "ethnicity__name", "place__name"),
    )

    kind = models.CharField(
        _("kind"), max_length=16, choices=ExemplarKind.choices, default="individual", db_index=True
    )
    honorific = models.CharField(
        _("honorific"),
        max_length=60,
        blank=True,
        help_text=_("How stories address them: “cô giáo”, “già làng”."),
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    ethnicity = models.ForeignKey(
        EthnicGroup,
        verbose_name=_("ethnicity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exemplars",
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=255, blank=True)
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exemplars",
        help_text=_("The unit as it was when they were honoured; the page shows its name today."),
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exemplars",
    )
    public_details_consent = models.BooleanField(
        _("consent to publish birth year and ethnicity in bulk"),
        default=False,
        help_text=_(
            "Ethnicity is sensitive personal data (Decree 13/2023/NĐ-CP): without the person's "
            "consent on file, the public export and the API leave out birth year and ethnicity."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    achievements = RichTextField(
        _("achievements"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    featured = models.BooleanField(_("featured on the home page"), default=False, db_index=True)
    record_code = models.CharField(
        _("record code"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_(
            "The registry's own code (column ma_ho_so): a re-import updates the record with "
            "this code, whatever its name or place."
        ),
    )
    name_folded = models.CharField(max_length=255, editable=False, db_index=True, default="")
    comments_enabled = models.BooleanField(_("comments enabled"), default=True)

    content_panels = SitePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("record_code")]),
                FieldPanel("honorific"),
                FieldPanel("portrait"),
                FieldRowPanel([FieldPanel("birth_year"), FieldPanel("ethnicity")]),
                FieldPanel("public_details_consent"),
                FieldPanel("role"),
                FieldPanel("unit"),
                FieldPanel("place"),
                FieldPanel("sector"),
            ],
            heading=_("Record"),
        ),
        FieldPanel("summary"),
        FieldPanel("achievements"),
        InlinePanel("awards", label=_("Award records")),
    ]
    promote_panels = SitePage.promote_panels + [FieldPanel("featured")]
    settings_panels = SitePage.settings_panels + [FieldPanel("comments_enabled")]
    search_fields = SitePage.search_fields + [
        index.SearchField("name_folded"),
        index.SearchField("summary"),
        index.FilterField("kind"),
        *FOLDED_SEARCH_FIELDS,
    ]
    search_image_field = "portrait"
    # The read API's explicit field list (never comments or commenters' emails).
    api_fields = [
        APIField("kind"),
        APIField("honorific"),
        APIField("birth_year", serializer=ConsentedDetail("birth_year")),
        APIField("ethnicity_name", serializer=ConsentedDetail("ethnicity_name")),
        APIField("role"),
        APIField("unit"),
        APIField("place_name"),
        APIField("sector_name"),
        APIField("summary"),
        APIField("achievements"),
        APIField("portrait", serializer=ImageWithRenditionsField()),
        APIField("award_records"),
        APIField("linked_stories", serializer=LinkedStoriesField()),
    ]

    parent_page_types = ["exemplars.ExemplarIndexPage"]
    subpage_types = []
    template = "exemplars/exemplar_page.html"

    class Meta:
        verbose_name = _("exemplar")
        verbose_name_plural = _("exemplars")
        # Birth year and ethnicity without the person's consent (the full export): the
        # registry editors' and the administrators', not every staff member's.
        permissions = [
            ("view_personal_details", _("Can see birth years and ethnicities without consent"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["record_code"],
                condition=~models.Q(record_code=""),
                name="exemplars_record_code_unique",
            )
        ]

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.title)
        super().save(*args, **kwargs)

    def _set_core_field_defaults(self):
        super()._set_core_field_defaults()
        self.name_folded = fold(self.title)

    def clean(self):
        super().clean()
        if self.birth_year and not 1880 <= self.birth_year <= 2030:
            raise ValidationError({"birth_year": _("Enter a year between 1880 and 2030.")})

    def get_search_text_parts(self):
        return [self.title, self.honorific, self.role, self.unit, self.summary]

    def get_snippet_text_parts(self):
        return [self.search_description, self.summary, self.role, self.unit]

    @property
    def ethnicity_name(self):
        return self.ethnicity.name if self.ethnicity_id else ""

    @property
    def sector_name(self):
        return self.sector.name if self.sector_id else ""

    @property
    def place_name(self):
        return self.place.full_name if self.place_id else ""

    def award_texts(self, awards=None):
        """One line per award record: "Chiến sĩ thi đua cơ sở (2020)"."""
        awards = self.award_history() if awards is None else awards
        return [f"{a.award_type.name} ({a.year})" if a.year else a.award_type.name for a in awards]

    @property
    def linked_stories(self):
        """Every live story about this exemplar, newest first (the read API serializes a
        whole listing's at once: exemplars.api.LinkedStoriesField)."""
        return [story_link(story) for story in stories_mentioning(self)]

    def award_records(self):
        """Award records for the read API (the unit as named on the decision, and now)."""
        units = unit_graph()
        return [
            {
                "award": award.award_type.name,
                "category": award.award_type.category,
                "level": award.level,
                "year": award.year,
                "period": award.period,
                "decision_number": award.decision_number,
                "decision_date": award.decision_date.isoformat() if award.decision_date else None,
                "issuing_authority": award.issuing_authority,
                **_award_campaign(award),
                "conference": award.conference.title if award.conference_id else None,
                "conference_id": award.conference_id,
                "citation": award.citation,
                "unit": units.name(award.place_id) if award.place_id else "",
                "unit_then_and_now": then_and_now(award.place_id, units=units),
                "note": award.note,
            }
            for award in self.award_history()
        ]

    def get_structured_data(self, request):
        """Person (an individual) or Organization (a collective, household, village)."""
        image_url = None
        rendition = seo.social_rendition(self.portrait) if self.portrait_id else None
        if rendition is not None and request is not None:
            image_url = seo.absolute_url(request, rendition.url)
        is_person = self.kind == ExemplarKind.INDIVIDUAL
        extra = {}
        if is_person and self.role:
            extra["jobTitle"] = self.role
        if is_person and self.unit:
            extra["worksFor"] = seo.organization(self.unit)
        return seo.person_or_organization(
            is_person=is_person,
            name=self.title,
            url=self.get_full_url(request),
            description=seo.meta_description(self),
            image_url=image_url,
            awards=self.award_texts(),
            extra=extra,
        )

    @classmethod
    def api_prefetch_related(cls):
        """Fetched with the exemplars by the read API (discovery.api): no query per page."""
        parent = Page.objects.filter(
            live=True,
            path=Substr(
                OuterRef("conference__path"), 1, Length(OuterRef("conference__path")) - Page.steplen
            ),
        )
        awards = (
            AwardRecord.objects.filter(SHOWN_AWARDS)
            .select_related("award_type", "campaign", "conference")
            .annotate(
                conference_campaign_id=Subquery(parent.values("pk")[:1]),
                conference_campaign_title=Subquery(parent.values("title")[:1]),
            )
            .order_by("-year", "-decision_date", "sort_order")
        )
        return [
            Prefetch("awards", queryset=awards),
            "ethnicity",
            "sector",
            "place__parent__parent__parent",
        ]

    def awards_with_units(self, request=None):
        """The award history, each record with its unit then and now (`unit_text`)."""
        awards = self.award_history()
        units = unit_graph(request)
        for award in awards:
            award.unit_text = then_and_now(award.place_id, request, units)
        return awards

    def award_history(self):
        if getattr(self, "_award_history", None) is not None:  # the page and its JSON-LD share it
            return self._award_history
        if "awards" in getattr(self, "_prefetched_objects_cache", {}):
            self._award_history = list(self.awards.all())
            return self._award_history
        self._award_history = list(
            self.awards.filter(SHOWN_AWARDS)
            .select_related("award_type", "campaign", "conference")
            .order_by("-year", "-decision_date", "sort_order")
        )
        return self._award_history

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the profile's fragments are rendered (caching/lazy.py).
        awards = lazy(self.awards_with_units, request)
        context["awards"] = awards
        context.update(
            lazy_items(
                lambda: exemplar_backlinks(self, awards, request),
                ("stories", "honours", "campaigns"),
            )
        )
        context["place_text"] = lazy(lambda: then_and_now(self.place_id, request))
        context["directory"] = self.get_parent().specific
        return context

    def content_scopes(self):
        """The listings that show this exemplar (caching/content_versions.py): the registry,
        the pages above it, the conferences and campaigns honouring it, and the pages that
        link to it or to its versions in other editions (a story's aside). A story's
        publication leaves the registry alone."""
        from caching.content_versions import REGISTRY, page_scope, scope
        from caching.page_cache import referencing_page_ids

        ancestors = self.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True)
        conferences = list(
            self.awards.exclude(conference_id=None).values_list("conference_id", flat=True)
        )
        campaigns = Page.objects.filter(pk__in=conferences)
        linked = set(conferences) | {page.get_parent().pk for page in campaigns}
        linked |= referencing_page_ids(self)
        # A story in another edition names the Vietnamese record and shows this translation
        # in its place (exemplars/editions.py), in its aside and its body's cards: the
        # story's fragments change too.
        naming_versions = set()
        for version in self.get_translations().only("pk"):
            naming_versions |= referencing_page_ids(version)
        return (
            {REGISTRY}
            | {scope("listing", pk) for pk in ancestors}
            | {page_scope(pk) for pk in linked | naming_versions}
            | {scope(kind, pk) for pk in naming_versions for kind in ("own", "related-to")}
        )

    def page_cache_paths(self):
        """The conferences that list this exemplar among their honourees, and their campaigns
        (linked by the award record's ParentalKey, which the reference index does not see)."""
        conferences = list(Page.objects.filter(pk__in=self.awards.values("conference_id")))
        campaigns = [conference.get_parent() for conference in conferences]
        return self.url_paths(conferences + campaigns)


# An honour presented at a conference shows once the conference is published.
SHOWN_AWARDS = models.Q(conference__isnull=True) | models.Q(conference__live=True)


class AwardRecord(Orderable):
    """One commendation: the title or form, who decided, when, in which movement."""

    exemplar = ParentalKey(ExemplarPage, on_delete=models.CASCADE, related_name="awards")
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("title or form"), on_delete=models.PROTECT, related_name="records"
    )
    level = models.CharField(
        _("awarding level"), max_length=16, choices=AwardingLevel.choices, blank=True
    )
    decision_number = models.CharField(
        _("decision number"), max_length=60, blank=True, help_text=_("As written: “163/QĐ-UBND”.")
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuing_authority = models.CharField(_("issuing authority"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    period = models.CharField(
        _("period"), max_length=40, blank=True, help_text=_("For example “2015–2020”.")
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_records",
    )
    # One honour, one row: presented at a conference, the record is also that conference's
    # honouree (its second ParentalKey; editorial.shared_rows keeps both drafts in line).
    conference = ParentalKey(
        "campaigns.ConferencePage",
        verbose_name=_("presented at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="honourees",
        help_text=_("The conference where it was presented: it is listed among its honourees."),
    )
    citation = models.CharField(_("citation"), max_length=255, blank=True)
    place = models.ForeignKey(
        Place,
        verbose_name=_("unit at the decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_records",
        help_text=_(
            "The recipient's unit as named on the decision date. Empty: the exemplar's place, "
            "as it was named then."
        ),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldPanel("award_type"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("year"), FieldPanel("period")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("issuing_authority"),
        FieldPanel("campaign"),
        FieldPanel("place"),
        PageChooserPanel("conference", page_type="campaigns.ConferencePage"),
        FieldPanel("citation"),
        FieldPanel("note"),
    ]
    # The same row in the conference editor: who, what, and the decision.
    conference_panels = [
        PageChooserPanel("exemplar", page_type="exemplars.ExemplarPage"),
        FieldPanel("award_type"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("issuing_authority"),
        FieldPanel("place"),
        FieldPanel("citation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        indexes = [
            models.Index(fields=["award_type", "year"]),
            models.Index(fields=["campaign", "year"]),
        ]

    def __str__(self):
        return f"{self.award_type} ({self.year or ''})"

    def clean(self):
        super().clean()
        exemplar = getattr(self, "exemplar", None)
        if self.award_type_id and exemplar is not None:
            refusal = self.award_type.refusal(exemplar.kind)
            if refusal:
                raise ValidationError({"award_type": refusal})

    def save(self, *args, **kwargs):
        if self.year is None and self.decision_date:
            self.year = self.decision_date.year
        if self.year is None and self.conference_id:
            held = type(self).conference.field.related_model.objects.filter(pk=self.conference_id)
            held_on = held.values_list("date", flat=True).first()
            self.year = held_on.year if held_on else None
        if self.place_id is None:
            self.place_id = self.unit_on_decision()
        super().save(*args, **kwargs)

    @property
    def decided_on(self):
        if self.decision_date:
            return self.decision_date
        return date(self.year, 12, 31) if self.year else None

    def unit_on_decision(self, units=None):
        """The exemplar's place as it was named on the decision date (exemplars/units.py)."""
        exemplar_place = ExemplarPage.objects.filter(pk=self.exemplar_id).values_list(
            "place_id", flat=True
        )
        place_id = exemplar_place.first() if self.exemplar_id else None
        if place_id is None:
            return None
        return (units or unit_graph()).as_of(place_id, self.decided_on)
