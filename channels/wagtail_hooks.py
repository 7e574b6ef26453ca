from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import can_import, import_view
from .models import Channel, ScheduleDay


class ChannelViewSet(SnippetViewSet):
    model = Channel
    icon = "media"
    menu_label = _("Channels")
    list_display = ["name", "kind", "on_air", "sort_order"]
    ordering = ["sort_order", "name"]


class ScheduleDayViewSet(SnippetViewSet):
    model = ScheduleDay
    icon = "date"
    menu_label = _("Broadcast schedules")
    list_display = ["__str__", "channel", "date"]
    list_filter = ["channel", "date"]
    ordering = ["-date", "channel__sort_order"]


class BroadcastViewSetGroup(SnippetViewSetGroup):
    items = (ChannelViewSet, ScheduleDayViewSet)
    menu_icon = "media"
    menu_label = _("Broadcasting")
    menu_name = "broadcasting"


register_snippet(BroadcastViewSetGroup)


@hooks.register("register_admin_urls")
def import_urls():
    return [path("channels/import/", import_view, name="channels_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import the broadcast schedule"),
        reverse("channels_import"),
        icon_name="upload",
        order=910,
    )
