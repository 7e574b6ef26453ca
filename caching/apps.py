"""The page cache, content stamps, the release, the HTTP front and cached fragments."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        # in ready(): these modules import Wagtail's models, not importable while app configs load
        from caching import page_cache, view_restrictions

        page_cache.connect_signals()
        view_restrictions.connect_signals()
