from django.urls import path

from discovery.api import api_router
from discovery.seo_views import favicon, robots_txt

urlpatterns = [
    # One read API for every edition: `?locale=en` chooses one (Wagtail's filter).
    path("api/v2/", api_router.urls),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]
