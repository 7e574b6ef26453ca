"""Editorial roles and the approval workflow, created idempotently (load_demo, setup_roles).

Reporters ("Phóng viên") may create stories in the sections they are given and submit them;
Wagtail's "add" permission lets them edit only their own pages, and never publish.
Editors ("Biên tập viên") edit, publish, lock and unlock anywhere on the site.
A workflow on the news section holds every submitted story until an editor approves it.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REPORTERS = "Phóng viên"
EDITORS = "Biên tập viên"
WORKFLOW_NAME = "Duyệt tin bài"
TASK_NAME = "Biên tập viên duyệt"

REPORTER_PAGE_PERMISSIONS = ["add_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
REPORTER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    # Audio and video: wagtailmedia checks its own model's permissions (wagtailmedia.Media,
    # whatever WAGTAILMEDIA["MEDIA_MODEL"] is). Uploaders choose the station's items too
    # (avmedia/choosing.py); changing, and so deleting, others' items is the editors'.
    ("wagtailmedia", "add_media"),
]
EDITOR_COLLECTION_PERMISSIONS = REPORTER_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
    ("wagtailmedia", "change_media"),
]
# Reporters add bylines (their colleagues, a contributor) from the byline chooser.
REPORTER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("news", "view_reporter"),
    ("news", "add_reporter"),
]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("news", "add_reporter"),
    ("news", "change_reporter"),
    ("news", "view_reporter"),
    ("news", "add_newstag"),
    ("news", "change_newstag"),
    ("news", "view_newstag"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_models(group, pairs):
    for app_label, codename in pairs:
        group.permissions.add(_permission(app_label, codename))


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_collection(group, collection, pairs):
    for app_label, codename in pairs:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


REGISTRY_EDITORS = "Biên tập hồ sơ"
REGISTRY_WORKFLOW_NAME = "Duyệt hồ sơ"
REGISTRY_TASK_NAME = "Biên tập hồ sơ duyệt"


def ensure_approval_workflow(workflow_name, task_name, approvers, sections):
    """A one-step approval workflow on these sections, approved by these groups."""
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(*approvers)
    workflow, _created = Workflow.objects.get_or_create(name=workflow_name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in sections:
        # Only where none is set: a workflow staff chose for a section stays (this runs
        # again with every `load_demo`).
        WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
    return workflow


def ensure_registry_setup(sections):
    """The registry's desk (campaigns, conferences, exemplars): registry editors edit and
    publish there; reporters may propose a record (create and submit it), never publish it;
    a workflow holds every submitted record until a registry editor or an editor approves."""
    # The Vietnamese registry's: a translated record goes to its edition's desk
    # (editorial/translators.py).
    vietnamese = Locale.get_default()
    sections = [section for section in sections if section.locale_id == vietnamese.pk]
    registry_editors, _created = Group.objects.get_or_create(name=REGISTRY_EDITORS)
    reporters, _created = Group.objects.get_or_create(name=REPORTERS)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    _grant_models(registry_editors, [("wagtailadmin", "access_admin")])
    root_collection = Collection.get_first_root_node()
    _grant_collection(registry_editors, root_collection, EDITOR_COLLECTION_PERMISSIONS)
    for section in sections:
        _grant_pages(registry_editors, section, EDITOR_PAGE_PERMISSIONS)
        _grant_pages(reporters, section, REPORTER_PAGE_PERMISSIONS)
    workflow = ensure_approval_workflow(
        REGISTRY_WORKFLOW_NAME, REGISTRY_TASK_NAME, [registry_editors, editors], sections
    )
    return registry_editors, workflow


def ensure_editorial_setup(home_page, reporter_sections, workflow_sections):
    """Create the groups, their permissions and the approval workflow. Safe to call again."""
    reporters, _created = Group.objects.get_or_create(name=REPORTERS)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    root_collection = Collection.get_first_root_node()

    _grant_models(reporters, REPORTER_MODEL_PERMISSIONS)
    _grant_models(editors, EDITOR_MODEL_PERMISSIONS)
    for section in reporter_sections:
        _grant_pages(reporters, section, REPORTER_PAGE_PERMISSIONS)
    _grant_pages(editors, home_page, EDITOR_PAGE_PERMISSIONS)
    _grant_collection(reporters, root_collection, REPORTER_COLLECTION_PERMISSIONS)
    _grant_collection(editors, root_collection, EDITOR_COLLECTION_PERMISSIONS)

    workflow = ensure_approval_workflow(WORKFLOW_NAME, TASK_NAME, [editors], workflow_sections)
    return reporters, editors, workflow
