"""The page chooser shows each person what they may edit, and otherwise only what is live.

Wagtail's chooser lists every page of the tree to anyone in the admin, drafts included: a
moderator or a reporter would read the titles of other desks' unpublished stories there.
"""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy

EDIT_ACTIONS = ["change", "publish"]


def visible_in_chooser(pages, user):
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
