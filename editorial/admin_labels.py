"""Labels Wagtail builds from attribute names instead of gettext, given their translated
verbose names: the sites listing's "Port", "Site name", "Root page" columns."""

from django.utils.functional import lazy
from django.utils.text import capfirst
from wagtail.models import Site
from wagtail.sites import views as site_views


def _label(model, field_name):
    return capfirst(model._meta.get_field(field_name).verbose_name)


def translate_site_columns():
    for column in site_views.IndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = lazy(_label, str)(Site, column.name)
