"""The registry's directory page: filters, charts and the public export."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from base.pages import SitePage
from caching.lazy import lazy_items
from exemplars import export_limit
from exemplars.directory import QUERY_PARAMS, Directory
from exemplars.registry_export import export_response


class ExemplarIndexPage(RoutablePageMixin, SitePage):
    """The directory of exemplars, with facets, tone-less name filter and exports."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["kontum_site.HomePage"]
    subpage_types = ["exemplars.ExemplarPage"]
    template = "exemplars/exemplar_index_page.html"

    @property
    def cache_query_params(self):
        """The directory's filters (caching/page_cache.py stores only these variants)."""
        return QUERY_PARAMS

    class Meta:
        verbose_name = _("exemplar directory")
        verbose_name_plural = _("exemplar directories")

    @path("")
    def index_route(self, request):
        directory = Directory(self, request.GET, request)
        keys = (
            "exemplars_page",
            "facets",
            "query",
            "year_from",
            "year_to",
            "sort",
            "sorts",
            "active_filters",
            "export_query",
            "charts",
        )
        return self.render(
            request, context_overrides=lazy_items(lambda: directory.context(request), keys)
        )

    @path("xuat/<str:fmt>/", name="export")
    def export_route(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        staff = request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin")
        if not staff:
            refusal = export_limit.refuse(request)
            if refusal is not None:
                return refusal
        full = request.user.has_perm("exemplars.view_personal_details")
        directory = Directory(self, request.GET, request)
        return export_response(directory.results_for_export(), fmt, full=full)
