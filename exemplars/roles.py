"""Editors keep the registry's vocabularies and may import spreadsheets (see ROLE_SETUPS)."""

from django.contrib.auth.models import Group, Permission

from kontum_site.editorial import EDITORS, REPORTERS

VOCABULARIES = ["awardtype", "place", "ethnicgroup", "sector"]


def ensure_roles():
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    reporters, _created = Group.objects.get_or_create(name=REPORTERS)
    for model in VOCABULARIES:
        for action in ("add", "change", "view"):
            editors.permissions.add(
                Permission.objects.get(
                    content_type__app_label="exemplars", codename=f"{action}_{model}"
                )
            )
        reporters.permissions.add(
            Permission.objects.get(content_type__app_label="exemplars", codename=f"view_{model}")
        )
