from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveBlogConfig(AppConfig):
    name = "liveblog"
    verbose_name = _("Live blogs app")
    default_auto_field = "django.db.models.BigAutoField"
