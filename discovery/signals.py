"""Search results are cached under the site's content stamp (discovery/search.py): a changed
search promotion must renew them."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion

from caching import content_versions


def _promotions_changed(sender, **kwargs):
    content_versions.bump(content_versions.SITE)


def connect_search_promotions():
    for signal in (post_save, post_delete):
        signal.connect(
            _promotions_changed, sender=SearchPromotion, dispatch_uid=f"promotions_{signal}"
        )
