"""A story goes through the newsroom's three steps in the admin, in Chromium, each person as
their own role: the reporter writes it, signs it with their own byline and a colleague's,
uploads its lead video from the chooser and submits; the section's desk head reviews and sends
it on; the editor-in-chief approves and it is published, byline and video on the page."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Sạt lở trên quốc lộ 24 đoạn qua Kon Plông"
VIDEO = str(
    Path(__file__).resolve().parents[2] / "programmes" / "demo_media" / "thoi-su-kon-tum.mp4"
)


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
    reporter = staff_user("phongvien", "Phóng viên")
    reporter.first_name, reporter.last_name = "Nghĩa", "Hà"
    reporter.save()
    staff_user("truongban", "Trưởng ban Thời sự")
    staff_user("tongbientap", "Tổng biên tập")
    return section


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


def add_byline(page, index, choose=None, create=None):
    """Add a byline row and fill it from the chooser: an existing reporter, or a new one."""
    page.locator("#id_bylines-ADD").click()
    page.locator(f"#id_bylines-{index}-reporter-chooser .unchosen button").click()
    modal = page.locator("body > .modal .modal-body")
    if choose:
        modal.get_by_role("link", name=choose).click()
    else:
        modal.locator("#tab-label-create").click()
        modal.locator("input[name=name]").fill(create)
        modal.locator("[data-chooser-modal-creation-form] button[type=submit]").click()
    page.locator("body > .modal").wait_for(state="detached")


def upload_lead_video(page, title):
    """The lead video's chooser, "Upload Video" tab: the upload becomes the choice."""
    page.locator("#id_lead_video-chooser .unchosen button").click()
    modal = page.locator("body > .modal .modal-body")
    modal.locator("#tab-label-upload-video").click()
    modal.locator("#id_media-chooser-upload-title").fill(title)
    modal.locator("#id_media-chooser-upload-file").set_input_files(VIDEO)
    modal.locator("#tab-upload-video button[type=submit]").click()
    page.locator("body > .modal").wait_for(state="detached")


def test_reporter_desk_head_and_editor_in_chief(live_server, newsroom, screenshot_dir, sign_in_as):
    from news.models import ArticlePage

    section = newsroom
    reporter = sign_in_as("phongvien")  # the first sign-in gives them their byline record
    reporter.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    )
    reporter.fill("#id_title", TITLE)
    reporter.fill("#id_lead", "Mưa lớn gây sạt lở, giao thông tạm thời bị chia cắt.")
    upload_lead_video(reporter, "Hiện trường sạt lở")
    add_byline(reporter, 0, choose="Nghĩa Hà")
    add_byline(reporter, 1, create="Đức Thắng")
    reporter.wait_for_load_state("networkidle")  # the choosers' modals gone, nothing moving
    footer_action(reporter, "action-submit")
    reporter.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    story = ArticlePage.objects.get(title=TITLE)
    assert not story.live
    # The reporter sees where the story stands.
    reporter.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert "Trưởng ban duyệt" in reporter.content()
    reporter.screenshot(path=f"{screenshot_dir}/three-steps-reporter.png", full_page=True)

    assert [b.reporter.name for b in story.bylines.order_by("sort_order")] == [
        "Nghĩa Hà",
        "Đức Thắng",
    ]
    assert story.lead_video.title == "Hiện trường sạt lở"

    desk = sign_in_as("truongban")
    assert TITLE in desk.content()  # on the desk head's dashboard
    approve(desk, story.pk, live_server)
    story.refresh_from_db()
    assert not story.live
    desk.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert "Tổng biên tập duyệt" in desk.content()

    chief = sign_in_as("tongbientap")
    assert TITLE in chief.content()
    approve(chief, story.pk, live_server)
    story.refresh_from_db()
    assert story.live
    chief.goto(live_server.url + story.url)
    assert TITLE in chief.content()
    assert chief.locator(".article__bylines").inner_text().strip() == "Nghĩa Hà – Đức Thắng"
    assert chief.locator("video").count() >= 1
    chief.screenshot(path=f"{screenshot_dir}/three-steps-published.png", full_page=True)
