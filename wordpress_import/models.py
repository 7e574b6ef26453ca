"""What each imported object was in WordPress, so a second run updates instead of duplicating."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    """One WordPress item (post, page, attachment, comment, author, term) and what it became."""

    site = models.CharField(_("WordPress site"), max_length=255)  # its base_site_url
    kind = models.CharField(_("kind"), max_length=20)
    wp_id = models.CharField(_("WordPress ID"), max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)
    # What the item said when imported: an unchanged item is skipped on the next run.
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("imported object")
        verbose_name_plural = _("imported objects")
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "wp_id"], name="wp_import_once")
        ]

    def __str__(self):
        return f"{self.site} {self.kind} {self.wp_id}"
