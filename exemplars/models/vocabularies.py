"""The vocabularies editors keep: award types (with whom each may go to), ethnic groups, sectors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)

from exemplars.models.choices import AwardCategory, AwardRecipient, ExemplarKind


class AwardType(models.Model):
    """A title or form of commendation (Law 06/2022/QH15), editable in the admin."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    category = models.CharField(_("category"), max_length=32, choices=AwardCategory.choices)
    recipient = models.CharField(
        _("awarded to"), max_length=16, choices=AwardRecipient.choices, default="any"
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("category"), FieldPanel("recipient"), "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("title or form of commendation")
        verbose_name_plural = _("titles and forms of commendation")

    def __str__(self):
        return self.name

    def allows(self, kind):
        """Whether the law lets this title or form go to a recipient of this kind (Law
        06/2022/QH15: e.g. Chiến sĩ thi đua to individuals, Cờ thi đua to collectives).
        A commune is recorded as a collective."""
        if self.recipient in ("", AwardRecipient.ANY):
            return True
        if self.recipient == AwardRecipient.COMMUNE:
            return kind == ExemplarKind.COLLECTIVE
        return self.recipient == kind

    def refusal(self, kind):
        """The Vietnamese-first error when it does not, or None."""
        if self.allows(kind):
            return None
        return _("“%(title)s” is awarded to %(recipients)s only, not to: %(kind)s.") % {
            "title": self.name,
            "recipients": str(self.get_recipient_display()).lower(),
            "kind": str(ExemplarKind(kind).label).lower() if kind in ExemplarKind.values else kind,
        }


class EthnicGroup(models.Model):
    name = models.CharField(
        _("name"), max_length=80, unique=True, help_text=_("As the press writes it: “Ba Na”.")
    )
    official_name = models.CharField(
        _("official name"),
        max_length=80,
        blank=True,
        help_text=_("The official spelling: “Ba-na”."),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = ["name", "official_name", "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("ethnic group")
        verbose_name_plural = _("ethnic groups")

    def __str__(self):
        return self.name


class Sector(models.Model):
    """A field of achievement: economy, defence and security, education, health…"""

    name = models.CharField(_("name"), max_length=80, unique=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = ["name", "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self):
        return self.name
