"""The read API (Wagtail API v2) at /api/v2/: pages (stories, campaigns, conferences,
exemplars — each page type lists its fields explicitly in ``api_fields``) and images.

Only live, public pages of the site are served (Wagtail's pages endpoint); each model's
``api_fields`` is an explicit allow-list, so private fields (reporters' emails, comments)
never appear. ``?search=`` ignores tone marks like the site search.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .search import SearchQuery


class SitePagesAPIViewSet(PagesAPIViewSet):
    def get_queryset(self):
        """A page type may name relations to prefetch (``api_prefetch_related``): no N+1."""
        queryset = super().get_queryset()
        lookups = getattr(queryset.model, "api_prefetch_related", None)
        return queryset.prefetch_related(*lookups()) if lookups else queryset

    def filter_queryset(self, queryset):
        raw = self.request.GET.get("search")
        if raw is not None:
            params = self.request.GET.copy()
            query = SearchQuery.parse(raw)
            params["search"] = query.folded
            self.request._request.GET = params
        return super().filter_queryset(queryset)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
