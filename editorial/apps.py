"""Roles, page forms, slugs, tags, shared rows, choosers and the admin in Vietnamese."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        # in ready(): they import Wagtail's admin and models, not importable while configs load
        from editorial import (
            admin_labels,
            shared_rows,
            slug_widget,
            tag_widget,
            tagging,
            translators,
            user_names,
        )

        shared_rows.connect_signals()
        translators.connect_signals()
        slug_widget.register()
        tag_widget.register(tagging.NFCClusterTaggableManager)
        user_names.register()
        admin_labels.translate_site_columns()
