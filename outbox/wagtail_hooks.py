"""Outgoing mail in the admin (superusers, or whoever is given outbox permissions): the queue,
what failed and why, and "send again" for failed mail; a dashboard panel while any failed."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.private_choosers import PrivateSnippetChooserViewSet

from . import delivery
from .models import OutgoingMail, State


class OutgoingMailFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)

    class Meta:
        model = OutgoingMail
        fields = ["state"]


class OutgoingMailViewSet(SnippetViewSet):
    chooser_viewset_class = PrivateSnippetChooserViewSet  # readers' addresses: not for all staff
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Outgoing mail")
    menu_name = "thu-di"
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = OutgoingMailFilterSet
    list_display = [
        "subject",
        Column("to", label=_("to")),
        Column("state", label=_("State"), accessor="get_state_display"),
        Column("attempts", label=_("attempts")),
        DateColumn("created_at", label=_("created")),
    ]
    inspect_view_fields = [
        "to",
        "subject",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "text",
    ]
    ordering = ["-created_at", "-pk"]


register_snippet(OutgoingMailViewSet)


@hooks.register("register_bulk_action")
class RetryMailBulkAction(SnippetBulkAction):
    display_name = _("Send again")
    action_type = "retry"
    aria_label = _("Send the selected failed mail again")
    template_name = "outbox/admin/confirm_retry.html"
    models = [OutgoingMail]

    def check_perm(self, obj):
        return self.request.user.has_perm("outbox.change_outgoingmail")

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return delivery.retry(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(count)d mails queued again.") % {"count": num_parent_objects}


class FailedMailPanel(Component):
    name = "failed_mail"
    template_name = "outbox/admin/dashboard_panel.html"
    order = 40

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        url = reverse("wagtailsnippets_outbox_outgoingmail:list") + f"?state={State.FAILED}"
        return {"count": self.count, "url": url}


@hooks.register("construct_homepage_panels")
def add_failed_mail_panel(request, panels):
    if not request.user.has_perm("outbox.view_outgoingmail"):
        return
    count = OutgoingMail.objects.filter(state=State.FAILED).count()
    if count:
        panels.append(FailedMailPanel(count))
