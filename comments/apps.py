from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Public comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in ready(): page_cache imports the models, not importable while app configs load
        from . import page_cache  # noqa: F401
