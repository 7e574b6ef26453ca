"""Reporters write and submit; only an editor's approval publishes."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.roles import EDITORS, REPORTERS, WORKFLOW_NAME
from news.models import ArticlePage
from news.roles import ensure_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(news_index):
    return ensure_roles()


def story_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "kind": "tin",
            "lead": "Sapo của phóng viên.",
            "body": streamfield([]),
            "bylines": inline_formset([]),
            "related_links": inline_formset([]),
            "exemplar_links": inline_formset([]),
            "notes": inline_formset([]),
            "tags": "Thi đua yêu nước",
            "comments_enabled": "on",
        }
    )


def add_url(news_index):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))


def test_setup_is_idempotent(roles, news_index):
    ensure_roles()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert news_index.get_workflow().name == WORKFLOW_NAME


def test_reporter_cannot_publish(client, roles, news_index, staff_user):
    client.force_login(staff_user("reporter", REPORTERS))
    data = story_form("Phóng viên thử xuất bản") | {"action-publish": "publish"}
    client.post(add_url(news_index), data)
    story = ArticlePage.objects.get(title="Phóng viên thử xuất bản")
    assert not story.live
    assert client.get(story.url or "/tin-tuc/phong-vien-thu-xuat-ban/").status_code == 404


def test_reporter_cannot_edit_the_home_page(client, roles, home_page, staff_user):
    client.force_login(staff_user("reporter", REPORTERS))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(home_page.pk,)))
    assert response.status_code in (302, 403)


def test_submitted_story_goes_live_after_editor_approval(client, roles, news_index, staff_user):
    reporter = staff_user("reporter", REPORTERS)
    editor = staff_user("editor", EDITORS)
    client.force_login(reporter)
    client.post(add_url(news_index), story_form("Tin chờ duyệt") | {"action-submit": "submit"})
    story = ArticlePage.objects.get(title="Tin chờ duyệt")
    assert not story.live
    workflow_state = story.current_workflow_state
    assert workflow_state is not None and workflow_state.status == "in_progress"

    client.force_login(editor)
    task_state = workflow_state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk)
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    assert client.get(story.url).status_code == 200


def test_editor_can_publish_directly(client, roles, news_index, staff_user):
    client.force_login(staff_user("editor", EDITORS))
    client.post(add_url(news_index), story_form("Biên tập viên đăng") | {"action-publish": "1"})
    story = Page.objects.get(title="Biên tập viên đăng")
    assert story.live
