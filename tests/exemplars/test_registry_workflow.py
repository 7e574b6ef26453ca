"""The registry goes through editorial approval: reporters propose records, registry editors
(or editors) approve and publish (workflow "Duyệt hồ sơ")."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowPage

from editorial.roles import REGISTRY_EDITORS, REGISTRY_WORKFLOW_NAME, REPORTERS
from exemplars.models import ExemplarPage
from tests.conftest import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(directory, campaign):
    call_command("setup_roles", stdout=None)
    return directory


def propose(client, directory, title, action):
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarpage", directory.pk))
    data = admin_form_data(client, url)
    data.update({"title": title, "slug": "", action: "1"})
    return client.post(url, data)


def test_setup_is_idempotent_and_covers_the_registry(roles, campaign):
    call_command("setup_roles", stdout=None)
    for section in (roles, campaign.get_parent()):
        assignment = WorkflowPage.objects.get(page=section)
        assert assignment.workflow.name == REGISTRY_WORKFLOW_NAME
    assert Group.objects.filter(name=REGISTRY_EDITORS).count() == 1


def test_a_reporter_proposes_and_a_registry_editor_publishes(client, roles, staff_user):
    client.force_login(staff_user("phongvien", REPORTERS))
    propose(client, roles, "Già làng A Thút", "action-publish")  # not allowed: stays a draft
    proposed = ExemplarPage.objects.get(title="Già làng A Thút")
    assert not proposed.live
    propose(client, roles, "Cô giáo Y Hoa", "action-submit")
    record = ExemplarPage.objects.get(title="Cô giáo Y Hoa")
    state = record.current_workflow_state
    assert not record.live and state is not None and state.status == "in_progress"

    client.force_login(staff_user("hoso", REGISTRY_EDITORS))
    task_state = state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(record.pk, "approve", task_state.pk)),
        {"comment": ""},
    )
    record.refresh_from_db()
    assert record.live
    assert client.get(record.url).status_code == 200
