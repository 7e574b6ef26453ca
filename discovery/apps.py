"""Search, SEO, the sitemap and the read API."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "discovery"
    verbose_name = _("Discovery")

    def ready(self):
        # in ready(): signals imports Wagtail's models, not importable while app configs load
        from discovery import signals

        signals.connect_search_promotions()
