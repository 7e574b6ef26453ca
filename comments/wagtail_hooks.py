import django_filters
from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.page_chooser import LiveTitlePageChooser
from editorial.private_choosers import PrivateSnippetChooserViewSet

from . import admin_views
from .admin_columns import QueueColumn, QueueDateColumn, QueuePageColumn, QueueStatusColumn
from .models import Comment, Status
from .moderation import ACTIONS, can_moderate, menu_label, moderate, pending_count


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds comments in the admin: they come from readers, or as staff replies from
    the detail view (which needs a page and a parent)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action != "add"]
        return bool(actions) and super().user_has_any_permission(user, actions)


register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class PendingCountMenuItem(MenuItem):
    """ "Bình luận (12)": the label carries the number of comments waiting."""

    def is_shown(self, request):
        return request.user.has_perm("comments.view_comment")

    def render_component(self, request):
        return LinkMenuItem(
            self.name,
            menu_label(pending_count(request)),
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    # A page chooser, not a <select> of every commented page: at newsroom scale that list
    # (thousands of pages, a DISTINCT join over all comments) cost seconds per queue view.
    # Named by its live title: moderators may not read a draft's retitling.
    page = django_filters.ModelChoiceFilter(
        label=_("Page"), queryset=Page.objects.all(), widget=LiveTitlePageChooser()
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    # Each edition's desk moderates its own readers: the commented page's edition (its locale).
    edition = django_filters.ChoiceFilter(
        label=_("Edition"),
        field_name="page__locale__language_code",
        choices=settings.LANGUAGES,
    )

    class Meta:
        model = Comment
        fields = ["status", "page", "created_at", "edition"]


class CommentViewSet(SnippetViewSet):
    chooser_viewset_class = PrivateSnippetChooserViewSet  # readers' addresses: not for all staff
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "binh-luan"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = PendingCountMenuItem
    index_view_class = admin_views.CommentIndexView
    index_template_name = "comments/admin/index.html"
    inspect_template_name = "comments/admin/inspect.html"
    inspect_view_class = admin_views.CommentInspectView
    inspect_view_enabled = True
    filterset_class = CommentFilterSet
    search_fields = ["body", "author_name", "author_email"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    copy_view_enabled = False
    list_display = [
        "excerpt",
        QueueColumn("author_name", label=_("Author")),
        QueuePageColumn("page", label=_("Page")),
        QueueStatusColumn("status", label=_("Status"), accessor="get_status_display"),
        QueueDateColumn("created_at", label=_("Age")),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("moderate/<int:pk>/<str:action>/", admin_views.moderate_one, name="moderate"),
            path("moderate/", admin_views.moderate_many, name="moderate_many"),
            path("reply/<int:pk>/", admin_views.reply, name="reply"),
            path("privacy/", admin_views.privacy, name="privacy"),
        ]


register_snippet(CommentViewSet)


def _bulk_action(action, priority):
    status, label = ACTIONS[action]

    class ModerationBulkAction(SnippetBulkAction):
        display_name = label
        action_type = action
        aria_label = label
        template_name = "comments/admin/confirm_bulk.html"
        action_priority = priority
        models = [Comment]

        def check_perm(self, obj):
            return can_moderate(self.request.user)

        def get_execution_context(self):
            return {"user": self.request.user, "action": self.action_type}

        @classmethod
        def execute_action(cls, objects, user=None, action=None, **kwargs):
            return moderate(objects, action, user), 0

        def get_success_message(self, num_parent_objects, num_child_objects):
            return _("%(count)d comments: %(action)s.") % {
                "count": num_parent_objects,
                "action": label,
            }

        def get_context_data(self, **kwargs):
            return {**super().get_context_data(**kwargs), "action_label": label}

    ModerationBulkAction.__name__ = f"{action.title()}CommentsBulkAction"
    return ModerationBulkAction


for _priority, _action in enumerate(ACTIONS, start=10):
    hooks.register("register_bulk_action", _bulk_action(_action, _priority))


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("comments.approve", _("Approve comment"), _("Comment approved"))
    actions.register_action("comments.reject", _("Reject comment"), _("Comment rejected"))
    actions.register_action("comments.spam", _("Mark comment as spam"), _("Comment marked as spam"))
    actions.register_action("comments.trash", _("Trash comment"), _("Comment trashed"))
    actions.register_action("comments.restore", _("Restore comment"), _("Comment restored"))
    actions.register_action("comments.reply", _("Reply to comment"), _("Staff reply published"))
    actions.register_action(
        "comments.export", _("Export commenter data"), _("Commenter data exported")
    )
    actions.register_action("comments.erase", _("Erase commenter data"), _("Commenter data erased"))


class PendingCommentsPanel(Component):
    name = "pending_comments"
    template_name = "comments/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        pending = Comment.objects.pending()
        return {
            "count": pending.count(),
            "comments": list(pending.select_related("page").order_by("-created_at")[:5]),
            "queue_url": reverse("wagtailsnippets_comments_comment:list") + "?status=pending",
        }


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if can_moderate(request.user):
        panels.append(PendingCommentsPanel())
