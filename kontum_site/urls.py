"""The site's addresses. Each app brings its own `urls` module, included here by name, so the
project package imports no app (docs/architecture.md)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    # Before Wagtail's admin: our tag suggestions and page chooser at its addresses.
    path("", include("editorial.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's documents: the password forms, limited.
    path("", include("security.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("base.urls")),
    path("", include("tips.urls")),
    path("", include("editions.urls")),
    path("", include("caching.urls")),
    path("", include("operations.urls")),
    path("luot-doc/", include("news.read_urls")),
    path("", include("discovery.urls")),
    path("truc-tuyen/", include("channels.urls")),
    path("lich/", include("campaigns.calendar_urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    # As the shipped nginx does: originals and documents only through the views that check.
    urlpatterns += [
        re_path(
            r"^media/(?!original_images/|documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Each edition's own addresses: Vietnamese without a prefix (every address as before), the
# others under theirs (/en/, /bdq/…; the `editions` app).
urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("binh-luan/", include("comments.urls")),
    path("rss/", include("news.feed_urls")),
    path("", include("news.sitemap_urls")),
    path("", include("discovery.edition_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The database down gives 503 with Retry-After, not 500 (operations/faults.py).
handler500 = "operations.faults.server_error"
