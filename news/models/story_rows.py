"""The rows a story holds (bylines, notes, related stories, exemplars) and its kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable

from news.models.reporters import Reporter


class StoryKind(models.TextChoices):
    NEWS = "tin", pgettext_lazy("story kind", "News item (tin)")
    ARTICLE = "bai", pgettext_lazy("story kind", "Article (bài)")
    REPORTAGE = "phong_su", pgettext_lazy("story kind", "Reportage (phóng sự)")
    PHOTO = "anh", pgettext_lazy("story kind", "Photo story (ảnh)")
    VIDEO = "video", pgettext_lazy("story kind", "Video")


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
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="bylines")
    reporter = models.ForeignKey(
        Reporter, verbose_name=_("reporter"), on_delete=models.CASCADE, related_name="bylines"
    )

    panels = [FieldPanel("reporter")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")


class ArticleRelatedStory(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="related_links")
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

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="exemplar_links")
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
