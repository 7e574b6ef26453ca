"""The site's own pages (home, content pages), its identity setting and the base page class."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    name = "base"
    # The label of the app these models were created in (the project package, before issue
    # 23 moved them here): tables, content types, permissions and migration history keep it.
    label = "kontum_site"
    verbose_name = _("Site")
