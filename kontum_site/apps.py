from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KontumSiteConfig(AppConfig):
    name = "kontum_site"
    verbose_name = _("Site")

    def ready(self):
        from . import admin_labels, page_cache, signals, slug_widget, view_restrictions  # noqa: F401

        page_cache.connect_signals()
        view_restrictions.connect_signals()
        signals.connect_search_promotions()
        slug_widget.register()
        admin_labels.translate_site_columns()
