"""Client addresses, password limits, security headers and the admin without inline scripts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Security")

    def ready(self):
        # in ready(): admin_csp imports Wagtail's admin, not importable while app configs load
        from security import admin_csp

        admin_csp.install()
