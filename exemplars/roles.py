"""The registry's desk (ROLE_SETUPS): editors and registry editors keep the vocabularies;
exemplar pages go through the "Duyệt hồ sơ" workflow (campaigns.roles puts campaign and
conference pages under it too)."""

from django.contrib.auth.models import Group, Permission

from editorial.roles import EDITORS, REPORTERS, ensure_registry_setup
from exemplars.models.index import ExemplarIndexPage

VOCABULARIES = ["awardtype", "place", "ethnicgroup", "sector"]


def ensure_roles():
    registry_editors, _workflow = ensure_registry_setup(ExemplarIndexPage.objects.all())
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    reporters, _created = Group.objects.get_or_create(name=REPORTERS)
    # The full export (birth years, ethnicities without consent) is theirs alone.
    registry_editors.permissions.add(
        Permission.objects.get(
            content_type__app_label="exemplars", codename="view_personal_details"
        )
    )
    for model in VOCABULARIES:
        for action in ("add", "change", "view"):
            permission = Permission.objects.get(
                content_type__app_label="exemplars", codename=f"{action}_{model}"
            )
            editors.permissions.add(permission)
            registry_editors.permissions.add(permission)
        reporters.permissions.add(
            Permission.objects.get(content_type__app_label="exemplars", codename=f"view_{model}")
        )
