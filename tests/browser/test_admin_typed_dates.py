"""Dates typed into the scheduling dialog are read as typed, in Asia/Ho_Chi_Minh.

An editor whose browser runs on another clock (Paris) types the go-live time by hand — ISO
("2027-01-05 00:54") or day first ("06/01/2027 07:05") — leaves the field, saves the schedule
and presses "Publish": the story is scheduled (not live) for that time in Kon Tum. A date
nobody can read is a Vietnamese form error that keeps the text, and nothing is published.
The picker used to replace anything not in its display format by the browser's "now" (an
immediate publication).

The picker's own "now" (today's highlighted day, the time it offers) is Kon Tum's too, from
the server, even on a laptop in Paris whose clock is three days behind.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KON_TUM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "timezone_id": "Europe/Paris", "locale": "vi-VN"}


def footer_action(page, name):
    button = page.locator(f'footer button[name="{name}"]').first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def type_go_live_and_publish(page, live_server, story, typed):
    """Type the go-live time in the schedule dialog, leave the field, save the schedule, then
    press "Publish" (which schedules when the time is ahead)."""
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    page.locator('[data-side-panel-toggle="status"]').first.click()
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    field = page.locator("#id_go_live_at")
    field.click()
    field.fill("")
    field.press_sequentially(typed, delay=10)
    page.locator("#schedule-publishing-dialog h2").first.click()  # leave the field
    assert field.input_value() == typed  # kept as typed, not replaced by "now"
    page.locator("#schedule-publishing-dialog button.action-save").click()
    page.wait_for_load_state("networkidle")
    footer_action(page, "action-publish")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("2027-01-05 00:54", datetime(2027, 1, 5, 0, 54, tzinfo=KON_TUM)),
        ("06/01/2027 07:05", datetime(2027, 1, 6, 7, 5, tzinfo=KON_TUM)),
    ],
    ids=["iso", "day-first"],
)
def test_a_typed_go_live_time_schedules_the_story_at_that_time_in_kon_tum(
    editor, live_server, make_story, typed, meant, screenshot_dir
):
    from wagtail.models import Revision

    story = make_story(title="Tin hẹn giờ gõ tay", publish=False)
    type_go_live_and_publish(editor, live_server, story, typed)
    editor.screenshot(path=f"{screenshot_dir}/admin-typed-go-live.png", full_page=True)

    story.refresh_from_db()
    assert not story.live
    scheduled = Revision.page_revisions.get(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    )
    assert scheduled.approved_go_live_at == meant


def test_an_unreadable_go_live_time_is_a_vietnamese_error_that_keeps_the_text(
    editor, live_server, make_story
):
    from wagtail.models import Revision

    story = make_story(title="Tin hẹn giờ gõ nhầm", publish=False)
    type_go_live_and_publish(editor, live_server, story, "31/02/2027 25:99")

    story.refresh_from_db()
    assert not story.live
    assert not Revision.page_revisions.filter(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    ).exists()
    field = editor.locator("#id_go_live_at")
    assert field.input_value() == "31/02/2027 25:99"
    assert "Nhập một ngày/giờ hợp lệ." in editor.content()


def test_the_picker_offers_today_and_the_hour_in_kon_tum_not_the_browsers(
    editor, live_server, make_story
):
    from wagtail.models import Revision

    story = make_story(title="Tin hẹn giờ bấm lịch", publish=False)
    editor.clock.install(time=datetime.now() - timedelta(days=3))  # a wrong clock, in Paris
    editor.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    editor.locator('[data-side-panel-toggle="status"]').first.click()
    editor.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    editor.locator("#id_go_live_at").click()  # empty: the picker opens on "now"
    picker = editor.locator(".xdsoft_datetimepicker:visible")
    now = datetime.now(KON_TUM)

    today = picker.locator("td.xdsoft_today")
    assert (today.get_attribute("data-date"), today.get_attribute("data-month")) == (
        str(now.day),
        str(now.month - 1),
    )
    offered = int(picker.locator(".xdsoft_time.xdsoft_current").get_attribute("data-hour"))
    assert offered in (now.hour, (now.hour + 1) % 24)  # the hour, rounded
    assert editor.locator("#id_go_live_at").input_value() == ""  # nothing chosen yet

    tomorrow = now + timedelta(days=1)
    day = picker.locator(
        f'td[data-date="{tomorrow.day}"][data-month="{tomorrow.month - 1}"]'
        f'[data-year="{tomorrow.year}"]:not(.xdsoft_disabled)'
    )
    if not day.count():
        picker.locator(".xdsoft_next").first.click()
    day.click()
    chosen = datetime.strptime(editor.locator("#id_go_live_at").input_value(), "%d/%m/%Y %H:%M")
    assert chosen.date() == tomorrow.date()
    assert abs(chosen.replace(tzinfo=KON_TUM) - tomorrow) < timedelta(minutes=2)

    editor.locator("#schedule-publishing-dialog h2").first.click()  # close the picker
    editor.locator("#schedule-publishing-dialog button.action-save").click()
    editor.wait_for_load_state("networkidle")
    footer_action(editor, "action-publish")
    editor.wait_for_load_state("networkidle")
    story.refresh_from_db()
    assert not story.live
    scheduled = Revision.page_revisions.get(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    )
    assert scheduled.approved_go_live_at == chosen.replace(tzinfo=KON_TUM)
