"""A reporter's start screen (issue 22, item 5): the dashboard opens on "Viết bài mới" into
their section, their drafts, what is in review and what came back with the desk's comment;
the sidebar greets them by the given name."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from news.models import ArticlePage, SectionPage
from tests.conftest import ARTICLE_ADD_FORM
from tests.news.test_three_steps import act, as_user, submit_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(news_index, staff_user):
    section = news_index.add_child(instance=SectionPage(title="Thời sự"))
    section.save_revision().publish()
    call_command("setup_roles", stdout=io.StringIO())
    reporter = staff_user("phongvien", "Phóng viên")
    reporter.first_name, reporter.last_name = "Lê Thị", "Hoa"
    reporter.save()
    return {
        "index": news_index,
        "section": section,
        "reporter": reporter,
        "desk": staff_user("truongban", "Trưởng ban Thời sự"),
    }


def save_draft(client, parent, title):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", parent.pk))
    response = client.post(url, {**ARTICLE_ADD_FORM, "title": title})
    assert response.status_code == 302, response.content.decode()[-1500:]
    return ArticlePage.objects.get(title=title)


def start_panel(client):
    with translation.override("vi"):
        html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="vi").content
    return BeautifulSoup(html, "html.parser")


def test_the_reporter_starts_from_their_work(client, newsroom):
    reporter_client = as_user(client, newsroom["reporter"])
    draft = save_draft(reporter_client, newsroom["section"], "Cà phê Đăk Hà vào vụ")
    waiting = submit_story(reporter_client, newsroom["section"], "Lũ quét ở Tu Mơ Rông")
    returned = submit_story(reporter_client, newsroom["section"], "Khánh thành cầu Đăk Bla")
    act(as_user(client, newsroom["desk"]), returned, "reject", "Thiếu số liệu thiệt hại.")

    page = start_panel(as_user(client, newsroom["reporter"]))
    panel = page.select_one("[data-reporter-start]")
    assert panel is not None

    write = next(link for link in panel.find_all("a") if "Viết bài mới" in link.get_text())
    add_url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", newsroom["index"].pk))
    assert write["href"] == add_url

    drafts = panel.select_one("[data-drafts]").get_text()
    assert draft.title in drafts
    assert waiting.title not in drafts and returned.title not in drafts

    in_review = panel.select_one("[data-in-review]").get_text()
    assert waiting.title in in_review and "Trưởng ban duyệt" in in_review
    assert returned.title not in in_review

    sent_back = panel.select_one("[data-sent-back]").get_text()
    assert returned.title in sent_back and "Thiếu số liệu thiệt hại." in sent_back


def test_a_desk_member_writes_into_their_section(client, newsroom):
    from django.contrib.auth.models import Group

    reporter = newsroom["reporter"]
    reporter.groups.add(Group.objects.get(name="Trưởng ban Thời sự"))
    panel = start_panel(as_user(client, reporter)).select_one("[data-reporter-start]")
    add_url = reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", newsroom["section"].pk)
    )
    assert panel.find("a", href=add_url) is not None


def test_the_sidebar_greets_the_given_name(client, newsroom):
    page = start_panel(as_user(client, newsroom["reporter"]))
    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    account = props["modules"][-1]["_args"][2]
    assert account["name"] == "Hoa"
