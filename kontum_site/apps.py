from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KontumSiteConfig(AppConfig):
    name = "kontum_site"
    verbose_name = _("Site")

    def ready(self):
        from . import (  # noqa: F401
            admin_csp,
            admin_labels,
            collation,
            page_cache,
            shared_rows,
            signals,
            slug_widget,
            tag_widget,
            tagging,
            typed_dates,
            user_names,
            view_restrictions,
        )

        collation.connect_signals()
        page_cache.connect_signals()
        shared_rows.connect_signals()
        view_restrictions.connect_signals()
        signals.connect_search_promotions()
        slug_widget.register()
        typed_dates.install()
        tag_widget.register(tagging.NFCClusterTaggableManager)
        user_names.register()
        admin_labels.translate_site_columns()
        admin_csp.install()
