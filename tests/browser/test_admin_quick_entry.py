"""Quick entry: title and lead typed at once, then straight to publish or schedule.

Autosave creates the page as soon as the title is there; the browser learns of it only when
the server answers (here a busy server: three seconds). The editor does not wait: "Publish"
goes out from the add form meanwhile. It used to create a second page — "Slug … đã được
dùng" on a brand-new story and drafts left behind; now it reaches the page autosave made,
on the first try, and one page is left. The same for "Save schedule" from the dialog.
"""

import re
import threading
import time

import pytest
from django.urls import reverse
from wagtail import hooks

from tests.browser.test_admin_typed_dates import footer_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Kon Tum đón đoàn công tác của Bộ Văn hóa"


AUTOSAVED = threading.Event()


def a_busy_server(request, page):
    """Autosave's answer is slow to come back (the page exists already)."""
    if not request.accepts("text/html"):
        AUTOSAVED.set()
        time.sleep(3)


@pytest.mark.parametrize("how", ["publish", "schedule"])
def test_publishing_right_after_autosave_leaves_one_page(
    editor, live_server, news_index, how, screenshot_dir
):
    from wagtail.models import Page, Revision

    editor.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true })"
    )
    editor.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    )
    editor.wait_for_function("() => window.watchingEdits === true")
    AUTOSAVED.clear()
    with hooks.register_temporarily("after_create_page", a_busy_server):
        editor.fill("#id_title", TITLE)
        editor.fill("#id_lead", "Sáng nay, đoàn công tác đã làm việc với tỉnh.")
        if how == "schedule":
            editor.locator('[data-side-panel-toggle="status"]').first.click()
            editor.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
            go_live = editor.locator("#id_go_live_at")
            go_live.click()
            go_live.press_sequentially("05/01/2027 08:00")
            editor.locator("#schedule-publishing-dialog h2").first.click()  # picker closes
            # Every picker: the story's display date has one too, first in the page.
            editor.locator(".xdsoft_datetimepicker:visible").first.wait_for(state="detached")
        # Created, and the browser does not know yet (the test waits without touching the
        # database: SQLite's shared in-memory test database locks tables between threads).
        assert AUTOSAVED.wait(15), "autosave never created the page"
        if how == "schedule":  # "Save schedule", then "Publish" schedules it
            # The picker can open again while the autosave runs (seen with Chromium 156).
            editor.locator("#schedule-publishing-dialog h2").first.click()
            editor.locator(".xdsoft_datetimepicker:visible").first.wait_for(state="detached")
            editor.locator("#schedule-publishing-dialog button.action-save").click()
            editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=30_000)
            assert "đã được dùng" not in editor.content()
        footer_action(editor, "action-publish")
        editor.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"), timeout=30_000)
    editor.screenshot(path=f"{screenshot_dir}/admin-quick-entry-{how}.png", full_page=True)

    assert "đã được dùng" not in editor.content()
    pages = Page.objects.filter(title__startswith="Kon Tum đón đoàn")
    assert pages.count() == 1
    story = pages.get()
    if how == "publish":
        assert story.live
    else:
        assert not story.live
        assert Revision.page_revisions.filter(
            object_id=str(story.pk), approved_go_live_at__isnull=False
        ).exists()
