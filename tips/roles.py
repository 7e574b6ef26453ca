"""Who handles readers' tips: the editors ("Biên tập viên"), the desk that checks facts and
assigns stories. Reporters get nothing here (a tip carries a reader's contact); moderators
neither."""

from django.contrib.auth.models import Group, Permission

from editorial.roles import EDITORS

TIP_GROUPS = [EDITORS]
TIP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("tips", "view_tip"),
    ("tips", "change_tip"),
]


def ensure_roles():
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in TIP_PERMISSIONS
    ]
    groups = []
    for name in TIP_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
        groups.append(group)
    return groups
