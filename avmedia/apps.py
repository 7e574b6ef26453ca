from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvmediaConfig(AppConfig):
    name = "avmedia"
    verbose_name = _("Audio and video")
    default_auto_field = "django.db.models.BigAutoField"
