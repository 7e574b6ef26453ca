"""A reader's tip to the newsroom and the files sent with it."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .storage import private_storage


class TipStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("tip status", "New")
    CHECKING = "checking", pgettext_lazy("tip status", "Being checked")
    USED = "used", pgettext_lazy("tip status", "Used in a story")
    DECLINED = "declined", pgettext_lazy("tip status", "Not used")
    SPAM = "spam", pgettext_lazy("tip status", "Spam")


class Tip(models.Model):
    text = models.TextField(_("what happened"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    contact = models.CharField(_("contact (email or phone)"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=TipStatus.choices, default=TipStatus.NEW
    )
    desk_note = models.TextField(_("desk note"), blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("network address"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reader's tip")
        verbose_name_plural = _("readers' tips")
        indexes = [models.Index(fields=["status", "-created_at"], name="tips_status_created")]

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 60 else text[:59] + "…"


def attachment_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{uuid.uuid4().hex}.{extension}"


class TipAttachment(models.Model):
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")
