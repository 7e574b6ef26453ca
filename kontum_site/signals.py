from django.db.models.signals import pre_save
from django.dispatch import receiver

from .text_normalization import normalize_instance_text, wants_normalization


@receiver(pre_save, dispatch_uid="kontum_site_nfc_on_save")
def normalize_text_on_save(sender, instance, raw=False, **kwargs):
    if raw or not wants_normalization(sender):
        return
    normalize_instance_text(instance)


def _promotions_changed(sender, **kwargs):
    """Search results are cached under the site's content stamp (kontum_site/search.py)."""
    from . import content_versions

    content_versions.bump(content_versions.SITE)


def connect_search_promotions():
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.search_promotions.models import SearchPromotion

    for signal in (post_save, post_delete):
        signal.connect(
            _promotions_changed, sender=SearchPromotion, dispatch_uid=f"promotions_{signal}"
        )
