"""Reporters, as bylines name them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    TitleFieldPanel,
)
from wagtail.search import index

from editorial.slugs import unique_slug
from language.vietnamese import fold, slugify_vi

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
            others = Reporter.objects.exclude(pk=self.pk) if self.pk else Reporter.objects.all()
            self.slug = unique_slug(slugify_vi(self.name) or "phong-vien", others)
        super().save(*args, **kwargs)
