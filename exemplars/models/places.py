"""Administrative units through time: places and what succeeded them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldRowPanel,
    InlinePanel,
)
from wagtail.models import Orderable

from exemplars.models.choices import PlaceLevel, SuccessionKind
from language.vietnamese import fold


class Place(ClusterableModel):
    """An administrative unit as it was: it keeps its name after a merger or a split; its
    successions say which units took its place (exemplars/units.py reads them)."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("With its unit word: “xã Đăk Blà”, “huyện Đăk Hà”.")
    )
    level = models.CharField(_("level"), max_length=16, choices=PlaceLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: the unit still exists.")
    )
    name_folded = models.CharField(max_length=400, editable=False, db_index=True, default="")

    panels = [
        "name",
        "level",
        "parent",
        FieldRowPanel(["valid_from", "valid_until"]),
        InlinePanel("successions", label=_("Succeeded by")),
    ]

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(fields=["name", "parent"], name="exemplars_place_unique_name")
        ]

    def __str__(self):
        return self.full_name

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A place cannot be part of itself.")})

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.full_name)
        super().save(*args, **kwargs)

    def lineage(self):
        place, seen = self, set()
        while place is not None and place.pk not in seen:
            seen.add(place.pk)
            yield place
            place = place.parent

    @property
    def full_name(self):
        """ "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum": the unit as it was."""
        return ", ".join(place.name for place in self.lineage())

    @property
    def is_current(self):
        return self.valid_until is None and all(p.valid_until is None for p in self.lineage())


class PlaceSuccession(Orderable):
    """One unit taking (part of) another's place: many-to-many, dated, with its legal act."""

    predecessor = ParentalKey(
        "exemplars.Place", on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(
        Place,
        verbose_name=_("successor"),
        on_delete=models.CASCADE,
        related_name="succeeded",
    )
    kind = models.CharField(
        _("change"), max_length=16, choices=SuccessionKind.choices, default="merge"
    )
    date = models.DateField(_("effective from"), null=True, blank=True)
    act = models.CharField(
        _("legal act"),
        max_length=255,
        blank=True,
        help_text=_("As cited: “Nghị quyết 1677/NQ-UBTVQH15 ngày 16/6/2025”."),
    )

    panels = ["successor", "kind", "date", "act"]

    class Meta(Orderable.Meta):
        verbose_name = _("succession")
        verbose_name_plural = _("successions")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="exemplars_succession_once"
            )
        ]

    def clean(self):
        super().clean()
        if self.successor_id and self.successor_id == self.predecessor_id:
            raise ValidationError({"successor": _("A place cannot succeed itself.")})
