from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls


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
