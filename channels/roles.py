"""Editors (Biên tập viên) keep the channels and the broadcast schedule (ROLE_SETUPS)."""

from django.contrib.auth.models import Group, Permission

from editorial.roles import EDITORS

MODELS = ("channel", "scheduleday", "scheduleslot")


def ensure_roles():
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    codenames = [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ]
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="channels", codename__in=codenames)
    )
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
