"""Reads per story and day (the most-read list)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyReads(models.Model):
    """How many times a story was read on a day (news/most_read.py): counted in the cache,
    written here in batches by the background worker. No reader is identified."""

    page = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="daily_reads"
    )
    day = models.DateField(_("day"), db_index=True)
    count = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("daily reads")
        verbose_name_plural = _("daily reads")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="news_reads_once")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"
