"""Desks and three steps (issue 16, item 5): reporter → the section's desk heads → the
editor-in-chief or a deputy, who publishes; desk heads review only their sections; each step
can send the story back with a comment."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowState

from news.models import ArticlePage, SectionPage
from tests.conftest import ARTICLE_ADD_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(news_index, staff_user):
    sections = {}
    for title in ("Thời sự", "Thể thao"):
        section = news_index.add_child(instance=SectionPage(title=title))
        section.save_revision().publish()
        sections[title] = section
    call_command("setup_roles", stdout=io.StringIO())
    people = {
        "reporter": staff_user("phongvien", "Phóng viên"),
        "desk": staff_user("truongban", "Trưởng ban Thời sự"),
        "other_desk": staff_user("truongban2", "Trưởng ban Thể thao"),
        "chief": staff_user("tongbientap", "Tổng biên tập"),
        "deputy": staff_user("photbt", "Phó Tổng biên tập"),
    }
    return {"sections": sections, "people": people}


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def submit_story(client, section, title="Lũ quét ở Tu Mơ Rông"):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    response = client.post(url, {**ARTICLE_ADD_FORM, "title": title, "action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[-1500:]
    return ArticlePage.objects.get(title=title)


def act(client, story, action, comment=""):
    state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(story.pk, action, state.current_task_state.pk),
    )
    return client.post(url, {"comment": comment} if comment else {})


def current_task(story):
    state = WorkflowState.objects.filter(object_id=str(story.pk)).order_by("-pk").first()
    return state.current_task_state.task.name if state.current_task_state else None


def test_a_story_goes_through_three_steps_and_the_desk_can_send_it_back(client, newsroom):
    people, section = newsroom["people"], newsroom["sections"]["Thời sự"]
    story = submit_story(as_user(client, people["reporter"]), section)
    assert not story.live and current_task(story) == "Trưởng ban duyệt"

    # Another desk's head can neither see nor act on it.
    other = as_user(client, people["other_desk"])
    assert act(other, story, "approve").status_code in (302, 403)
    assert current_task(story) == "Trưởng ban duyệt"
    dashboard = other.get(reverse("wagtailadmin_home")).content.decode()
    assert "Lũ quét ở Tu Mơ Rông" not in dashboard

    # The section's desk head sends it back with a comment; the reporter sees where it stands.
    desk = as_user(client, people["desk"])
    assert "Lũ quét ở Tu Mơ Rông" in desk.get(reverse("wagtailadmin_home")).content.decode()
    act(desk, story, "reject", "Thiếu số liệu thiệt hại.")
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == "needs_changes"
    reporter = as_user(client, people["reporter"])
    edit = reporter.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    assert "Thiếu số liệu thiệt hại." in edit or "Trưởng ban duyệt" in edit

    # Resubmitted, approved by the desk, then by the editor-in-chief: published.
    data = {**ARTICLE_ADD_FORM, "title": story.title, "slug": story.slug, "action-submit": "1"}
    response = reporter.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), data)
    assert response.status_code == 302
    act(as_user(client, people["desk"]), story, "approve")
    assert current_task(story) == "Tổng biên tập duyệt"
    assert act(as_user(client, people["desk"]), story, "approve").status_code in (302, 403)
    assert not ArticlePage.objects.get(pk=story.pk).live  # a desk head never publishes
    act(as_user(client, people["deputy"]), story, "approve", "Đăng.")
    assert ArticlePage.objects.get(pk=story.pk).live


def test_roles_are_created_once_and_each_section_has_its_desk(newsroom):
    call_command("setup_roles", stdout=io.StringIO())
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Trưởng ban Thời sự",
        "Trưởng ban Thể thao",
        "Tổng biên tập",
        "Phó Tổng biên tập",
    } <= names
    assert Group.objects.filter(name="Trưởng ban Thời sự").count() == 1
    for section in SectionPage.objects.all():
        assert section.desk_heads.name == f"Trưởng ban {section.title}"
        assert section.get_workflow().name == "Duyệt ba bước"
