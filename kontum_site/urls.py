from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from news.news_sitemap import news_sitemap

from . import guarded_views, page_chooser_views
from .api import api_router
from .content_versions import cached_until_site_changes
from .health import healthz
from .page_cache import csrf_token_view
from .private_media import original_image
from .query_params import cached_only_for
from .search_views import search_view
from .seo_views import favicon, robots_txt
from .tagging import autocomplete as tag_autocomplete

urlpatterns = [
    # Before Wagtail's own: the tag field's suggestions ignore tone marks.
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(tag_autocomplete),
        name="tag_autocomplete_folded",
    ),
    # Before Wagtail's own: the page chooser titles each page as the viewer may read it.
    *[
        path(f"admin/choose-page/{route}", require_admin_access(never_cache(view.as_view())))
        for route, view in (
            ("", page_chooser_views.BrowseView),
            ("<int:parent_page_id>/", page_chooser_views.BrowseView),
            ("search/", page_chooser_views.SearchView),
            ("chosen-multiple/", page_chooser_views.ChosenMultipleView),
        )
    ],
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password and sign-in forms at their own URLs, limited (guarded_views.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        guarded_views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        guarded_views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("_util/login/", guarded_views.site_login, name="wagtailcore_login"),
    path("documents/", include(wagtaildocs_urls)),
    path("anh-goc/<int:image_id>/<str:filename>", original_image, name="original_image"),
    path("binh-luan/", include("comments.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("csrf-token/", csrf_token_view, name="csrf_token"),
    path("healthz/", healthz, name="healthz"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("tim-kiem/", search_view, name="site_search"),
    path("rss/", include("news.feed_urls")),
    path("luot-doc/", include("news.read_urls")),
    path("api/v2/", api_router.urls),
    # Django's sitemap reads ?p= (its page, 404 when out of range) and nothing else.
    path(
        "sitemap.xml",
        cached_only_for({"p"}, cached_until_site_changes(sitemap), sitemap),
        name="sitemap",
    ),
    path("sitemap-news.xml", news_sitemap, name="news_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += staticfiles_urlpatterns()
    # As the shipped nginx does: originals and documents only through the views that check.
    urlpatterns += [
        re_path(
            r"^media/(?!original_images/|documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

# The database down gives 503 with Retry-After, not 500 (kontum_site/faults.py).
handler500 = "kontum_site.faults.server_error"
