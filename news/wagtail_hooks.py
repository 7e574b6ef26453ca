from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import NewsTag, Reporter


class ReporterViewSet(SnippetViewSet):
    model = Reporter
    icon = "user"
    menu_label = _("Reporters")
    list_display = ["name", "role", "slug"]
    # No field list: search every indexed field, including the folded name ("nguyen" → Nguyễn).
    ordering = ["name"]


class NewsTagViewSet(SnippetViewSet):
    model = NewsTag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class NewsroomViewSetGroup(SnippetViewSetGroup):
    items = (ReporterViewSet, NewsTagViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Newsroom")
    menu_name = "newsroom"


register_snippet(NewsroomViewSetGroup)
