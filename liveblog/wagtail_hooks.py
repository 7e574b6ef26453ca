from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls
from .models import LiveBlogPage, endpoint_cache_control


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("truc-tiep/", include(admin_urls, namespace="liveblog_admin"))]


class QuickPostMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("liveblog.add_liveupdate")


@hooks.register("register_admin_menu_item")
def register_quick_post_menu_item():
    return QuickPostMenuItem(
        _("Live blogging"), reverse("liveblog_admin:index"), icon_name="radio-full", order=150
    )


@hooks.register("on_serve_page", order=-1)  # first in the list: the outermost wrapper
def short_lived_endpoint(serve):
    """The polling endpoint keeps its short shared lifetime on a 304 too. The caching app
    answers conditional requests before the view runs, with a page's headers (s-maxage of
    ten minutes); Varnish revalidating the endpoint would otherwise keep it that long. With a
    lower order than the caching app's hook ours wraps it (wagtail/views.py), so it sees
    that answer."""

    def wrapper(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        view = args[0] if args else None
        is_endpoint = getattr(view, "__name__", "") == "updates_fragment"
        if isinstance(page, LiveBlogPage) and is_endpoint and response.status_code in (200, 304):
            response["Cache-Control"] = endpoint_cache_control()
        return response

    return wrapper
