from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        # in ready(): these import the models, not importable while app configs load
        from . import reporter_accounts, signals  # noqa: F401
