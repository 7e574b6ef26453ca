from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "editions"
    verbose_name = "Editions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .languages import register_languages
        from .signals import connect_locale_signals, connect_signals

        register_languages()
        connect_signals()
        connect_locale_signals()
