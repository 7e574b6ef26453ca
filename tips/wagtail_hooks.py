from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.private_choosers import PrivateSnippetChooserViewSet

from . import admin_views, privacy
from .models import Tip


class TipFilterSet(WagtailFilterSet):
    class Meta:
        model = Tip
        fields = ["status"]


class TipViewSet(SnippetViewSet):
    chooser_viewset_class = PrivateSnippetChooserViewSet  # readers' contacts: not for all staff
    model = Tip
    icon = "mail"
    menu_label = _("Readers' tips")
    menu_name = "tin-ban-doc"
    menu_order = 260
    add_to_admin_menu = True
    edit_view_class = admin_views.TipEditView
    inspect_view_class = admin_views.TipInspectView
    inspect_view_enabled = True
    inspect_template_name = "tips/admin/inspect.html"
    copy_view_enabled = False
    filterset_class = TipFilterSet
    search_fields = ["text", "name", "contact"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        "__str__",
        Column("contact", label=_("Contact")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Sent")),
    ]
    panels = [
        FieldPanel("text", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("status"),
        FieldPanel("desk_note"),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("file/<int:pk>/", admin_views.attachment, name="attachment"),
        ]


register_snippet(TipViewSet)


@hooks.register("register_log_actions")
def register_tip_log_actions(actions):
    actions.register_action("tips.received", _("Tip received"), _("Tip received from a reader"))

    @actions.register_action("tips.status")
    class StatusChanged(LogFormatter):
        label = _("Change tip status")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Status changed from %(from)s to %(to)s") % {
                "from": data.get("from", "?"),
                "to": data.get("to", "?"),
            }

    actions.register_action("tips.erase", _("Erase tip"), _("Tip erased at the sender's request"))


@hooks.register("personal_data_export")
def export_tips(contact):
    return {"tips": privacy.export_data(contact)}


@hooks.register("personal_data_erase")
def erase_tips(contact):
    return {"tips": privacy.erase_data(contact)}
