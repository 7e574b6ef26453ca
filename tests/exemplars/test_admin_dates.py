"""Admin forms read back the dates they render (day first, WAGTAIL_DATE_FORMAT), in both
admin languages: a page with a date could not be saved before (kontum_site/formats)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_campaign_with_dates_saves_and_schedules(client, staff_user, campaign, language):
    from wagtail.users.models import UserProfile

    user = staff_user("bientap", superuser=True)
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language=language
    )
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=(campaign.pk,))
    data = admin_form_data(client, url)
    assert data["start_date"] == "01/10/2015"  # as rendered, day first
    data["end_date"] = "31/12/2020"
    data["go_live_at"] = "25/12/2030 08:30"
    response = client.post(url, data)
    assert response.status_code == 302
    campaign.refresh_from_db()
    draft = campaign.get_latest_revision_as_object()
    assert draft.end_date == date(2020, 12, 31)
    local = timezone.localtime(draft.go_live_at)
    assert (local.date(), local.hour, local.minute) == (date(2030, 12, 25), 8, 30)
