"""A title typed in "add story" and abandoned leaves nothing behind that anyone sees or keeps."""

import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wait_for_page(browser_page, title, timeout=10):
    from django.db import OperationalError
    from wagtail.models import Page

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = Page.objects.filter(title=title).first()
        except OperationalError:  # SQLite's shared in-memory test database: the server writes
            found = None
        if found is not None:
            return found
        browser_page.wait_for_timeout(200)
    raise AssertionError(f"autosave never created {title!r}")


def open_editor(browser_page, url):
    """Open the add form and wait, as a person would, until Wagtail has noted the untouched
    form (its `w-unsaved:watch-edits` event): only changes after that are edits to autosave."""
    browser_page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true })"
    )
    browser_page.goto(url)
    browser_page.wait_for_function("() => window.watchingEdits === true")


def age_autosaves(hours):
    from drafts.models import AutosavedDraft

    AutosavedDraft.objects.update(updated_at=timezone.now() - timedelta(hours=hours))


def test_an_abandoned_title_is_hidden_then_cleaned_up_and_work_is_kept(
    page, live_server, admin_login, screenshot_dir
):
    from django.core.management import call_command
    from wagtail.models import Page

    index = admin_login
    add_url = live_server.url + reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", index.pk)
    )
    # 1. A title typed and abandoned: autosave makes a draft.
    open_editor(page, add_url)
    page.locator("#id_title").press_sequentially("Bản nháp bỏ dở giữa chừng", delay=5)
    page.keyboard.press("Tab")
    abandoned = wait_for_page(page, "Bản nháp bỏ dở giữa chừng")
    page.wait_for_timeout(1000)  # let the last autosave land before leaving
    # 2. A title and a lead typed, then abandoned: that is work, and it stays.
    open_editor(page, add_url)
    page.locator("#id_title").press_sequentially("Bài đang viết dở", delay=5)
    page.locator("#id_lead").press_sequentially("Sáng nay, hơn 200 đại biểu đã dự.", delay=5)
    page.keyboard.press("Tab")
    in_progress = wait_for_page(page, "Bài đang viết dở")
    page.wait_for_timeout(2500)  # autosave of the lead
    # 3. A title saved on purpose with the button: an ordinary draft.
    open_editor(page, add_url)
    page.locator("#id_title").press_sequentially("Nháp lưu có chủ ý", delay=5)
    page.locator("#id_title").blur()
    page.locator("footer button.action-save").first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    saved = wait_for_page(page, "Nháp lưu có chủ ý")

    # The explorer lists the work, not the empty autosave.
    page.goto(live_server.url + reverse("wagtailadmin_explore", args=(index.pk,)))
    listing = page.locator("main").inner_text()
    page.screenshot(path=f"{screenshot_dir}/admin-explorer-drafts.png", full_page=True)
    assert "Bài đang viết dở" in listing
    assert "Nháp lưu có chủ ý" in listing
    assert "Bản nháp bỏ dở giữa chừng" not in listing

    # A day later the periodic process removes only the empty one.
    age_autosaves(hours=25)
    call_command("run_periodic", "--once")
    remaining = set(Page.objects.filter(depth__gt=2).values_list("pk", flat=True))
    assert abandoned.pk not in remaining
    assert {in_progress.pk, saved.pk} <= remaining
