"""Vietnamese text: NFC on save, folding, ASCII slugs, collation, dates as typed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageConfig(AppConfig):
    name = "language"
    verbose_name = _("Language")

    def ready(self):
        # in ready(): these modules import Wagtail's admin, not importable while app configs load
        from language import collation, signals, typed_dates  # noqa: F401 (signals: NFC on save)

        collation.connect_signals()
        typed_dates.install()
