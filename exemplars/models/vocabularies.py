"""The vocabularies editors keep: award types (with whom each may go to), ethnic groups, sectors."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)

from exemplars.models.choices import AwardCategory, ExemplarKind


def validate_kinds(value):
    """A non-empty list of distinct ExemplarKind values."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one kind of recipient."), code="required")
    unknown = [kind for kind in value if kind not in ExemplarKind.values]
    if unknown:
        raise ValidationError(
            _("Unknown kind of recipient: %(kinds)s.") % {"kinds": ", ".join(map(str, unknown))},
            code="invalid_choice",
        )


class KindsField(models.JSONField):
    """The kinds of exemplar (ExemplarKind) a title may go to: a JSON list, so the same
    column works on SQLite and PostgreSQL without a join table for a fixed set of four
    values; edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)
        if validate_kinds not in self.validators:
            self.validators.append(validate_kinds)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=ExemplarKind.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            initial=self.get_default(),
        )


class AwardType(models.Model):
    """A title or form of commendation (Law 06/2022/QH15), editable in the admin."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    category = models.CharField(_("category"), max_length=32, choices=AwardCategory.choices)
    recipients = KindsField(
        _("awarded to"),
        help_text=_("The kinds of recipient the law lets this title or form go to."),
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("The article that says so: “Điều 33, Luật Thi đua, khen thưởng 2022”."),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("category"),
        FieldPanel("recipients"),
        FieldPanel("legal_basis"),
        "sort_order",
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("title or form of commendation")
        verbose_name_plural = _("titles and forms of commendation")

    def __str__(self):
        return self.name

    def allows(self, kind):
        """Whether the law lets this title or form go to a recipient of this kind (Law
        06/2022/QH15: e.g. Chiến sĩ thi đua to individuals, Cờ thi đua to collectives)."""
        return kind in (self.recipients or [])

    def recipients_display(self):
        kinds = self.recipients or []
        return ", ".join(str(kind.label) for kind in ExemplarKind if kind in kinds)

    recipients_display.short_description = _("awarded to")

    def refusal(self, kind):
        """The Vietnamese-first error when it does not, or None."""
        if self.allows(kind):
            return None
        return _("“%(title)s” is awarded to %(recipients)s only, not to: %(kind)s.") % {
            "title": self.name,
            "recipients": self.recipients_display().lower(),
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
