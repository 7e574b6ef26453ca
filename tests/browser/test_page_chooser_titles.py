"""A moderator filters the comment queue by page through the page chooser: a live story that
its reporter is retitling in a draft appears, and is chosen, under its live title."""

import io

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFT_RETITLE = "BẢN NHÁP CHƯA DUYỆT: tin sửa tên"
LIVE_TITLE = "Tin đã đăng trên trang"
PAGE_FILTER = "Trang"


@pytest.fixture
def retitled_story(make_story, staff_user):
    from django.core.management import call_command

    from comments.models import Comment, Status

    call_command("setup_roles", stdout=io.StringIO())
    reporter = staff_user("phongvien", "Phóng viên")
    staff_user("kiemduyet", "Kiểm duyệt viên")
    story = make_story(title=LIVE_TITLE)
    story.owner = reporter
    story.title = DRAFT_RETITLE
    story.save_revision(user=reporter)
    Comment.objects.create(
        page=story,
        status=Status.PENDING,
        author_name="Bạn đọc",
        author_email="ban-doc@example.invalid",
        body="Bình luận về tin",
        depth=1,
    )
    return story


def test_a_moderator_chooses_a_retitled_story_by_its_live_title(
    live_server, retitled_story, sign_in_as, screenshot_dir
):
    page = sign_in_as("kiemduyet")
    page.goto(live_server.url + "/admin/snippets/comments/comment/")
    page.locator("table.listing tbody tr").first.wait_for()
    filters = page.locator("#filters-drilldown")
    filters.locator("[data-w-dropdown-target='toggle']").first.click()
    filters.locator("[aria-controls]:visible", has_text=PAGE_FILTER).first.click()
    chooser = filters.locator("[data-chooser-url]").first
    chooser.locator("button:visible").first.click()
    modal = page.locator("body > .modal .modal-body")
    modal.locator("input[name=q]").fill("Tin đã đăng")
    result = modal.get_by_role("link", name=LIVE_TITLE)
    result.wait_for()
    page.screenshot(path=f"{screenshot_dir}/moderator-page-chooser.png", full_page=True)
    assert DRAFT_RETITLE not in modal.inner_html()
    result.click()
    page.locator("body > .modal").wait_for(state="detached")
    assert LIVE_TITLE in chooser.inner_text()
    assert DRAFT_RETITLE not in page.content()
