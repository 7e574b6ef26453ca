"""The "Kiểm duyệt viên" group: moderates comments and edits the comment rules, nothing else."""

from django.contrib.auth.models import Group, Permission

MODERATORS = "Kiểm duyệt viên"
MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("comments", "view_comment"),
    ("comments", "change_comment"),
    ("comments", "change_commentsettings"),
]


def ensure_roles():
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    for app_label, codename in MODERATOR_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group
