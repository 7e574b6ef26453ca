"""The addresses each edition has under its prefix (`/tim-kiem/`, `/en/tim-kiem/`…): search
and the sitemap, included by the project URLconf inside `i18n_patterns`."""

from django.urls import path

from caching.content_versions import cached_until_site_changes
from caching.query_params import cached_only_for
from discovery.search_views import search_view
from discovery.sitemaps import edition_sitemap

urlpatterns = [
    path("tim-kiem/", search_view, name="site_search"),
    # Django's sitemap reads ?p= (its page, 404 when out of range) and nothing else.
    path(
        "sitemap.xml",
        cached_only_for({"p"}, cached_until_site_changes(edition_sitemap), edition_sitemap),
        name="sitemap",
    ),
]
