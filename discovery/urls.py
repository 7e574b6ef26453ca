from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from caching.content_versions import cached_until_site_changes
from caching.query_params import cached_only_for
from discovery.api import api_router
from discovery.search_views import search_view
from discovery.seo_views import favicon, robots_txt

urlpatterns = [
    path("tim-kiem/", search_view, name="site_search"),
    path("api/v2/", api_router.urls),
    # Django's sitemap reads ?p= (its page, 404 when out of range) and nothing else.
    path(
        "sitemap.xml",
        cached_only_for({"p"}, cached_until_site_changes(sitemap), sitemap),
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]
