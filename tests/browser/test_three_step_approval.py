"""A story goes through the newsroom's three steps in the admin, in Chromium: the reporter
submits, the section's desk head approves, the editor-in-chief approves and it is published."""

import io
import re

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Sạt lở trên quốc lộ 24 đoạn qua Kon Plông"


@pytest.fixture
def newsroom(news_index, staff_user, vocab_free_roles):
    return vocab_free_roles


@pytest.fixture
def vocab_free_roles(news_index, staff_user):
    from django.core.management import call_command

    from news.models import SectionPage

    section = news_index.add_child(instance=SectionPage(title="Thời sự"))
    section.save_revision().publish()
    call_command("setup_roles", stdout=io.StringIO())
    staff_user("phongvien", "Phóng viên")
    staff_user("truongban", "Trưởng ban Thời sự")
    staff_user("tongbientap", "Tổng biên tập")
    return section


def sign_in(browser, live_server, username, contexts):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    contexts.append(context)
    page = context.new_page()
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def footer_action(page, name):
    """Click an action of the editor's footer, opening its "more actions" menu if needed."""
    button = page.locator(f'footer button[name="{name}"]').first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def approve(page, story_pk, live_server):
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story_pk,)))
    # "Approve" without a comment: the one with no modal to collect one.
    approve_button = page.locator(
        'footer button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).first
    if not approve_button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    approve_button.click()
    page.wait_for_load_state("networkidle")


@pytest.fixture
def contexts(browser):
    """Each person's browser, closed when the test ends: an admin editor left open keeps
    pinging the server (editing sessions) into the next tests."""
    opened = []
    yield opened
    for context in opened:
        context.close()


def test_reporter_desk_head_and_editor_in_chief(
    browser, live_server, newsroom, screenshot_dir, contexts
):
    from news.models import ArticlePage

    section = newsroom
    reporter = sign_in(browser, live_server, "phongvien", contexts)
    reporter.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    )
    reporter.fill("#id_title", TITLE)
    reporter.fill("#id_lead", "Mưa lớn gây sạt lở, giao thông tạm thời bị chia cắt.")
    footer_action(reporter, "action-submit")
    reporter.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    story = ArticlePage.objects.get(title=TITLE)
    assert not story.live
    # The reporter sees where the story stands.
    reporter.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert "Trưởng ban duyệt" in reporter.content()
    reporter.screenshot(path=f"{screenshot_dir}/three-steps-reporter.png", full_page=True)

    desk = sign_in(browser, live_server, "truongban", contexts)
    assert TITLE in desk.content()  # on the desk head's dashboard
    approve(desk, story.pk, live_server)
    story.refresh_from_db()
    assert not story.live
    desk.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert "Tổng biên tập duyệt" in desk.content()

    chief = sign_in(browser, live_server, "tongbientap", contexts)
    assert TITLE in chief.content()
    approve(chief, story.pk, live_server)
    story.refresh_from_db()
    assert story.live
    chief.goto(live_server.url + story.url)
    assert TITLE in chief.content()
    chief.screenshot(path=f"{screenshot_dir}/three-steps-published.png", full_page=True)
