"""The news desk's groups and workflows, on the live site tree.

- Reporters and editors, and the one-step "Duyệt tin bài" workflow on the news index
  (editorial.roles).
- The newsroom's three steps on every section: reporter → the section's desk heads
  ("Trưởng ban <section>", news.models.DeskReviewTask) → the editor-in-chief or a deputy
  ("Tổng biên tập", "Phó Tổng biên tập"), who publishes. Each step can send the story back
  with a comment; the reporter sees in the admin which step it is at.
"""

from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from base.models import HomePage
from editorial.roles import (
    EDITOR_COLLECTION_PERMISSIONS,
    EDITOR_MODEL_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    REPORTER_COLLECTION_PERMISSIONS,
    REPORTER_MODEL_PERMISSIONS,
    _grant_collection,
    _grant_models,
    _grant_pages,
    ensure_editorial_setup,
)

from .models import DeskReviewTask, NewsIndexPage, SectionPage
from .reporter_accounts import ensure_reporter_records

EDITOR_IN_CHIEF = "Tổng biên tập"
DEPUTY_EDITORS = "Phó Tổng biên tập"
DESK_HEADS = "Trưởng ban {section}"
NEWSROOM_WORKFLOW = "Duyệt ba bước"
DESK_TASK = "Trưởng ban duyệt"
CHIEF_TASK = "Tổng biên tập duyệt"
DESK_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]


def ensure_roles():
    # The Vietnamese site's: an edition's pages go to its own desk (editorial.translators).
    vietnamese = Locale.get_default()
    home = HomePage.objects.filter(locale=vietnamese).first()
    if home is None:
        return None
    indexes = list(NewsIndexPage.objects.filter(locale=vietnamese))
    result = ensure_editorial_setup(home, reporter_sections=indexes, workflow_sections=indexes)
    ensure_newsroom(indexes)
    ensure_reporter_records()
    return result


def ensure_newsroom(indexes):
    """The chiefs, a desk-heads group per section, and the three-step workflow (idempotent)."""
    root_collection = Collection.get_first_root_node()
    chiefs = []
    for name in (EDITOR_IN_CHIEF, DEPUTY_EDITORS):
        group, _created = Group.objects.get_or_create(name=name)
        _grant_models(group, EDITOR_MODEL_PERMISSIONS)
        _grant_collection(group, root_collection, EDITOR_COLLECTION_PERMISSIONS)
        for index in indexes:
            _grant_pages(group, index, EDITOR_PAGE_PERMISSIONS)
        chiefs.append(group)
    sections = [
        section
        for index in indexes
        for section in SectionPage.objects.child_of(index).order_by("path")
    ]
    for section in sections:
        desk = section.desk_heads
        if desk is None:
            desk, _created = Group.objects.get_or_create(
                name=DESK_HEADS.format(section=section.title)[:150]
            )
            if section.has_unpublished_changes:
                # A staff draft waits: never publish it; set the field on the page only.
                SectionPage.objects.filter(pk=section.pk).update(desk_heads=desk)
            else:
                draft = section.get_latest_revision_as_object()
                draft.desk_heads = desk
                revision = draft.save_revision()
                if section.live:
                    revision.publish()
        _grant_models(desk, REPORTER_MODEL_PERMISSIONS)
        _grant_collection(desk, root_collection, REPORTER_COLLECTION_PERMISSIONS)
        _grant_pages(desk, section, DESK_PAGE_PERMISSIONS)
    desk_task = DeskReviewTask.objects.filter(name=DESK_TASK).first() or (
        DeskReviewTask.objects.create(name=DESK_TASK)
    )
    chief_task = GroupApprovalTask.objects.filter(name=CHIEF_TASK).first() or (
        GroupApprovalTask.objects.create(name=CHIEF_TASK)
    )
    chief_task.groups.add(*chiefs)
    workflow, _created = Workflow.objects.get_or_create(name=NEWSROOM_WORKFLOW)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=desk_task, defaults={"sort_order": 0}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=chief_task, defaults={"sort_order": 1}
    )
    for section in sections:
        # Only where none is set: a workflow staff chose for a section stays (this runs
        # again with every `load_demo`).
        WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
    return workflow
