"""An editor's day with the station's video, in Chromium, as an editor (not a superuser):
upload a bulletin in the media library, embed it in a story's body, publish; readers get it
in the browser's own player."""

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIDEO = str(
    Path(__file__).resolve().parents[2] / "programmes" / "demo_media" / "thoi-su-kon-tum.mp4"
)
VIDEO_TITLE = "Bản tin thời sự 19 giờ"


@pytest.fixture
def editor(news_index, staff_user):
    from django.core.management import call_command
    from wagtail.models import Collection

    Collection.get_first_root_node() or Collection.add_root(name="Root")
    call_command("setup_roles", stdout=io.StringIO())
    return staff_user("bientap", "Biên tập viên")


def test_an_editor_uploads_a_video_and_embeds_it(
    live_server, news_index, editor, sign_in_as, screenshot_dir
):
    from avmedia.models import MediaItem
    from news.models import ArticlePage

    page = sign_in_as("bientap")
    page.goto(live_server.url + reverse("wagtailmedia:add", args=("video",)))
    page.fill("#id_title", VIDEO_TITLE)
    page.locator("#id_file").set_input_files(VIDEO)
    page.locator("#id_file").locator("xpath=ancestor::form").locator(
        "button[type=submit]"
    ).first.click()
    page.wait_for_url(re.compile(r"/admin/media/(\?.*)?$"))
    assert VIDEO_TITLE in page.content()  # in the library
    video = MediaItem.objects.get(title=VIDEO_TITLE)
    assert video.uploaded_by_user == editor

    page.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    )
    page.fill("#id_title", "Bản tin tối nay")
    page.fill("#id_lead", "Những tin chính trong ngày.")
    page.locator("button.c-sf-add-button:visible").first.click()
    page.get_by_role("option", name="Video của Đài").click()
    page.locator("[id$='-value-media-chooser'] .unchosen button").first.click()
    modal = page.locator("body > .modal .modal-body")
    modal.get_by_role("link", name=VIDEO_TITLE).click()
    page.locator("body > .modal").wait_for(state="detached")
    button = page.locator('footer button[name="action-publish"]').first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))

    story = ArticlePage.objects.get(title="Bản tin tối nay")
    assert story.live
    assert [block.value["media"].pk for block in story.body] == [video.pk]
    page.goto(live_server.url + story.url)
    assert page.locator("video").count() == 1
    page.screenshot(path=f"{screenshot_dir}/editor-video-story.png", full_page=True)
