from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from exemplars.models.places import Place
from exemplars.models.vocabularies import AwardType, EthnicGroup, Sector
from language.collation import VietnameseSnippetIndexView

from .views import can_import, import_view, sample_view


class AwardTypeViewSet(SnippetViewSet):
    index_view_class = VietnameseSnippetIndexView
    model = AwardType
    icon = "pick"
    menu_label = _("Titles and forms")
    list_display = ["name", "category", "recipients_display", "legal_basis"]
    list_filter = ["category"]
    search_fields = ["name"]


class PlaceViewSet(SnippetViewSet):
    index_view_class = VietnameseSnippetIndexView
    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "level", "parent", "valid_until"]
    list_filter = ["level"]
    search_fields = ["name"]


class EthnicGroupViewSet(SnippetViewSet):
    index_view_class = VietnameseSnippetIndexView
    model = EthnicGroup
    icon = "group"
    menu_label = _("Ethnic groups")
    list_display = ["name", "official_name"]


class SectorViewSet(SnippetViewSet):
    index_view_class = VietnameseSnippetIndexView
    model = Sector
    icon = "tag"
    menu_label = _("Fields of achievement")
    list_display = ["name"]


class RegistryViewSetGroup(SnippetViewSetGroup):
    items = (AwardTypeViewSet, PlaceViewSet, EthnicGroupViewSet, SectorViewSet)
    menu_icon = "list-ul"
    menu_label = _("Exemplar registry")
    menu_name = "exemplar-registry"


register_snippet(RegistryViewSetGroup)


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("exemplars/import/", import_view, name="exemplars_import"),
        path("exemplars/import/mau.<str:fmt>", sample_view, name="exemplars_import_sample"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import exemplars"), reverse("exemplars_import"), icon_name="upload", order=900
    )
