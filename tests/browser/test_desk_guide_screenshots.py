"""The desk guide's pictures (docs/huong-dan-ban-bien-tap.md): each admin screen it describes,
opened in Chromium at desktop width by the person who does that work — the reporter writes and
submits, the editor schedules, the registry editor imports, the moderator clears the queue —
and checked for what the guide says is there.

The pictures go to pytest's tmp_path, so a test run leaves the tree as it was. To renew the
guide's pictures, set DESK_GUIDE_SCREENSHOTS=1: they are written into docs/images/.
"""

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from tests.comments.conftest import make_comment  # noqa: F401
from tests.exemplars.conftest import directory  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
TITLE = "Đắk Glei ra quân hưởng ứng phong trào thi đua “Dân vận khéo”"


@pytest.fixture
def images(tmp_path):
    if os.environ.get("DESK_GUIDE_SCREENSHOTS") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        return DOCS_IMAGES
    return tmp_path


@pytest.fixture
def desk(news_index, staff_user, directory):  # noqa: F811
    """The newsroom as `setup_roles` makes it: a section, one person per role."""
    from news.models import SectionPage

    section = news_index.add_child(instance=SectionPage(title="Thời sự"))
    section.save_revision().publish()
    call_setup_roles()
    # Vietnamese order: "Họ và tên đệm" (first_name), then "Tên" (last_name).
    for username, group, first, last in [
        ("phongvien", "Phóng viên", "Nghĩa", "Hà"),
        ("bientap", "Biên tập viên", "Lê Thị", "Hoa"),
        ("kiemduyet", "Kiểm duyệt viên", "Trần Văn", "Bình"),
        ("hoso", "Biên tập hồ sơ", "Y", "Nhung"),
    ]:
        user = staff_user(username, group)
        user.first_name, user.last_name = first, last
        user.save()
    return section


def call_setup_roles():
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())


def shoot(page, images, name, target=None):
    """The viewport (or one element), never the whole page: the pictures stay small."""
    path = images / name
    if target is not None:
        target.screenshot(path=path)
    else:
        page.screenshot(path=path)
    return path


def test_reporter_writes_tags_and_submits(sign_in_as, live_server, desk, images):
    page = sign_in_as("phongvien")
    start = page.locator("[data-reporter-start]")
    assert start.locator("h2").inner_text() == "Việc của bạn"
    assert "Viết bài mới vào Tin tức" in start.inner_text()
    shoot(page, images, "bat-dau.png")

    start.get_by_role("link", name="Viết bài mới").click()
    page.locator("#id_title").wait_for()
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Sáng nay, huyện Đắk Glei tổ chức lễ ra quân.")
    assert page.locator("label[for=id_lead]").inner_text().strip().startswith("Sapo")
    shoot(page, images, "viet-bai.png")

    tags = page.locator("[data-field-wrapper]").filter(has=page.locator("#id_tags")).first
    tags.scroll_into_view_if_needed()
    tag_input = tags.locator("input:visible").first
    tag_input.click()
    tag_input.type("Dân vận khéo")
    tag_input.press("Enter")
    tag_input.type("Đắk Glei")
    tag_input.press("Enter")
    assert "Dân vận khéo" in page.locator("#id_tags").input_value()
    shoot(page, images, "gan-the.png", target=tags)

    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    submit = page.locator('footer button[name="action-submit"]').first
    submit.wait_for()
    assert submit.inner_text().strip() == "Gửi vào Duyệt tin bài"
    page.wait_for_timeout(400)  # the menu's opening animation
    footer = page.locator("footer").first.bounding_box()
    page.screenshot(
        path=images / "gui-duyet.png",
        clip={"x": 200, "y": footer["y"] + footer["height"] - 300, "width": 760, "height": 300},
    )
    submit.click()
    page.wait_for_load_state("networkidle")

    from news.models import ArticlePage

    story = ArticlePage.objects.get(title=TITLE)
    assert story.live is False
    assert story.current_workflow_state is not None


def test_editor_schedules_a_story(sign_in_as, live_server, desk, make_story, images):
    from django.utils import timezone

    story = make_story(title=TITLE, parent=desk, publish=False)
    page = sign_in_as("bientap")
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    page.locator('[data-side-panel-toggle="status"]').first.click()
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    go_live = dialog.locator("#id_go_live_at")
    go_live.wait_for()
    when = timezone.localtime() + timedelta(days=1)
    go_live.fill(when.strftime("%d/%m/%Y") + " 06:30")
    dialog.locator("h2").first.click()  # leave the field: the picker closes
    assert dialog.locator("label[for=id_go_live_at]").is_visible()
    shoot(page, images, "hen-gio.png")


def test_reporter_uploads_a_video(sign_in_as, live_server, desk, images):
    page = sign_in_as("phongvien")
    page.goto(live_server.url + reverse("wagtailmedia:add", args=("video",)))
    form = page.locator("#id_file").locator("xpath=ancestor::form")
    assert form.locator("#id_title").is_visible()
    assert form.locator("#id_file").count() == 1
    shoot(page, images, "tai-video.png")


def test_registry_editor_opens_the_import(sign_in_as, live_server, desk, images):
    page = sign_in_as("hoso")
    page.get_by_role("link", name="Nhập điển hình").first.click()
    page.wait_for_url("**/admin/exemplars/import/")
    assert page.locator("#main h1").first.inner_text().strip() == "Nhập điển hình"
    assert page.locator("#main input[type=file]").count() == 1
    shoot(page, images, "nhap-dien-hinh.png")


def test_registry_editor_adds_an_exemplar(sign_in_as, live_server, desk, directory, images):  # noqa: F811
    page = sign_in_as("hoso")
    page.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarpage", directory.pk))
    )
    page.locator("#id_title").wait_for()
    page.fill("#id_title", "A Thuận")
    assert page.locator("#main").get_by_text("Điển hình tiên tiến").count() >= 1
    shoot(page, images, "them-dien-hinh.png")


def test_moderator_clears_the_queue(
    sign_in_as,
    live_server,
    desk,
    make_story,
    make_comment,  # noqa: F811
    images,
):
    from comments.models import Status

    story = make_story(title=TITLE, parent=desk)
    make_comment(
        story,
        status=Status.PENDING,
        author_name="Y Hiền",
        body="Mong huyện nhân rộng mô hình này ra các xã.",
    )
    make_comment(story, status=Status.PENDING, author_name="A Thuận", body="Rất đáng học tập.")
    page = sign_in_as("kiemduyet")
    page.get_by_role("link", name="Bình luận").first.click()
    rows = page.locator("table.listing tbody tr")
    rows.first.wait_for()
    assert rows.count() == 2
    assert "Mong huyện nhân rộng" in page.locator("table.listing").inner_text()
    shoot(page, images, "kiem-duyet.png")


def test_desk_head_reviews_a_section_story(
    sign_in_as, live_server, desk, make_story, staff_user, images
):
    from django.contrib.auth.models import User

    story = make_story(title=TITLE, parent=desk, publish=False)
    story.get_workflow().start(story, User.objects.get(username="phongvien"))
    head = staff_user("truongban", "Trưởng ban Thời sự")
    head.first_name, head.last_name = "Đinh Văn", "Thắng"
    head.save()

    page = sign_in_as("truongban")
    assert "Đang chờ bạn duyệt" in page.locator("#main").inner_text()
    page.locator("#main").get_by_role("link", name=TITLE).first.click()
    page.locator("#id_title").wait_for()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    actions = page.locator("footer [data-w-dropdown-target='content']").first
    actions.get_by_text("Trả lại phóng viên").first.wait_for()  # the desk's step says so
    assert "Duyệt kèm bình luận" in actions.inner_text()
    page.wait_for_timeout(400)  # the menu's opening animation
    footer = page.locator("footer").first.bounding_box()
    page.screenshot(
        path=images / "duyet-bai.png",
        clip={"x": 200, "y": footer["y"] + footer["height"] - 360, "width": 760, "height": 360},
    )
