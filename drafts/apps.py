from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftsConfig(AppConfig):
    name = "drafts"
    verbose_name = _("Autosaved drafts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in ready(): signals imports the models, not importable while app configs load
        from . import signals

        signals.connect()
