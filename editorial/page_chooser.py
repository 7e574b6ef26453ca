"""The page chooser shows each person what they may edit, and otherwise only what is live.

Wagtail's chooser lists every page of the tree to anyone in the admin, drafts included: a
moderator or a reporter would read the titles of other desks' unpublished stories there.
Of a live page someone else is retitling, they read the live title, not the draft's.
"""

import copy

from django.db.models import Q
from wagtail.admin.widgets import AdminPageChooser
from wagtail.permission_policies.pages import PagePermissionPolicy

EDIT_ACTIONS = ["change", "publish"]


def visible_in_chooser(pages, user):
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


def may_read_draft(page, user):
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, EDIT_ACTIONS, page)


def as_seen_by(page, user):
    """The page itself for those who may edit it; for others a copy whose admin title
    (`get_admin_display_title`, i.e. `draft_title`) is the live title."""
    if page is None or page.draft_title == page.title or may_read_draft(page, user):
        return page
    seen = copy.copy(page)
    seen.draft_title = page.title
    return seen


class LiveTitlePageChooser(AdminPageChooser):
    """A page chooser that names the chosen page by its live title, for forms seen by people
    who may not edit that page (the comment queue's page filter): the widget knows no user."""

    def get_display_title(self, instance):
        return instance.title
