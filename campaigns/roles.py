"""The registry's desk (ROLE_SETUPS) over campaigns and their conferences: registry editors
edit and publish them, reporters propose, the "Duyệt hồ sơ" workflow holds what is submitted."""

from campaigns.models import CampaignIndexPage
from editorial.roles import ensure_registry_setup


def ensure_roles():
    ensure_registry_setup(CampaignIndexPage.objects.all())
