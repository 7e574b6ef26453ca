"""A reporter's start screen: the admin dashboard opens on "Viết bài mới" into their section,
their drafts, what is in review and what came back with the reviewer's comment.

The section is the one whose desk group (SectionPage.desk_heads) the user belongs to, else
the news index. States come from Wagtail's workflow (WorkflowState, TaskState) as they are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

from .models import ArticlePage, NewsIndexPage, SectionPage

LISTED = 10


def writing_section(user):
    """Where the user's new story goes: their desk's section, else the news index."""
    candidates = list(SectionPage.objects.filter(desk_heads__in=user.groups.all()).live())
    candidates += list(NewsIndexPage.objects.live().order_by("path"))
    for page in candidates:
        if page.permissions_for_user(user).can_add_subpage():
            return page
    return None


def _states(user, status):
    states = (
        WorkflowState.objects.filter(
            requested_by=user,
            status=status,
            base_content_type=ContentType.objects.get_for_model(Page),
        )
        .select_related("current_task_state__task")
        .order_by("-created_at")[:LISTED]
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    return [
        (state, pages[int(state.object_id)]) for state in states if int(state.object_id) in pages
    ]


def _sent_back(user):
    rows = []
    for state, page in _states(user, WorkflowState.STATUS_NEEDS_CHANGES):
        rejection = (
            state.task_states.filter(status=TaskState.STATUS_REJECTED)
            .select_related("task", "finished_by")
            .order_by("-finished_at")
            .first()
        )
        rows.append({"page": page, "rejection": rejection})
    return rows


def _drafts(user):
    """Unpublished work the user owns that is not in a workflow."""
    in_workflow = (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return list(
        ArticlePage.objects.filter(Q(owner=user), has_unpublished_changes=True)
        .exclude(pk__in=[int(pk) for pk in in_workflow])
        .order_by("-latest_revision_created_at")[:LISTED]
    )


class ReporterStartPanel(Component):
    name = "reporter_start"
    template_name = "news/admin/start_panel.html"
    order = 10  # first: the day starts here

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        section = writing_section(self.user)
        add_url = (
            reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
            if section
            else None
        )
        return {
            "section": section,
            "add_url": add_url,
            "drafts": _drafts(self.user),
            "in_review": _states(self.user, WorkflowState.STATUS_IN_PROGRESS),
            "sent_back": _sent_back(self.user),
        }


def add_start_panel(request, panels):
    if writing_section(request.user) is not None:
        panels.append(ReporterStartPanel(request.user))
