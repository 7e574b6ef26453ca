"""NFC on save, for every model that holds text people type (language.text_normalization)."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from language.text_normalization import normalize_instance_text, wants_normalization


@receiver(pre_save, dispatch_uid="language_nfc_on_save")
def normalize_text_on_save(sender, instance, raw=False, **kwargs):
    if raw or not wants_normalization(sender):
        return
    normalize_instance_text(instance)
