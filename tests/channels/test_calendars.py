"""The iCalendar feeds: a channel's schedule and the upcoming conferences and campaign
milestones. The `icalendar` package is not installed, so each feed is checked line by line
against RFC 5545: CRLF line ends, lines of at most 75 octets (folded with a leading space),
balanced BEGIN/END, the required properties, escaped text, UTC times."""

import re
from datetime import date

from django.urls import reverse

from tests.channels.conftest import DAY

DATE_TIME = re.compile(r"^\d{8}T\d{6}Z$")


def check_rfc5545(body):
    """The calendar's events as {property: value} (unfolded, unescaped), after checking it."""
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    text = body.decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    stack, events, current = [], [], None
    for line in unfolded:
        name, _sep, value = line.partition(":")
        assert _sep and re.match(r"^[A-Z-]+(;[A-Z-]+=[^:;]+)*$", name), line
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                    assert required in current, (required, current)
                assert DATE_TIME.match(current["DTSTAMP"])
                events.append(current)
        elif current is not None and stack[-1] == "VEVENT":
            assert name.split(";")[0] not in current, line  # no property twice
            assert not re.search(r"(?<!\\)[,;]", value) or name.split(";")[0] == "URL", line
            current[name.split(";")[0]] = (
                value.replace("\\n", "\n")
                .replace("\\,", ",")
                .replace("\\;", ";")
                .replace("\\\\", "\\")
            )
            if name == "DTSTART;VALUE=DATE":
                current["DTSTART"] = value
    assert not stack
    assert "VERSION:2.0" in unfolded and any(line.startswith("PRODID:") for line in unfolded)
    return events


def test_a_channel_schedule_feed(
    client, tv, make_day, clock, programme, django_assert_max_num_queries
):
    long_title = "Chương trình tiếng Ba Na; tiếng Xơ Đăng, tiếng Gia Rai – " * 3
    make_day(tv, [("17:30", long_title.strip()), ("18:00", "Thời sự Kon Tum"), ("19:00", "Phim")])
    make_day(tv, [("06:00", "Chào ngày mới")], day=DAY.replace(day=6))
    clock(18, 59)
    url = reverse("channels:schedule_feed", args=[tv.slug])
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "max-age=60" in response["Cache-Control"]  # kept until 19:00 at most
    events = check_rfc5545(response.content)
    assert [event["SUMMARY"] for event in events] == [
        long_title.strip(),
        "Thời sự Kon Tum",
        "Phim",
        "Chào ngày mới",
    ]
    assert events[1]["DTSTART"] == "20261205T110000Z"  # 18:00 in Asia/Ho_Chi_Minh
    assert events[1]["DTEND"] == "20261205T120000Z"  # until the next slot
    assert events[1]["URL"] == f"http://testserver{programme.url}"
    assert "DTEND" not in events[-1]  # nothing known after the last one
    assert len({event["UID"] for event in events}) == 4
    assert client.get(reverse("channels:schedule_feed", args=["khong-co"])).status_code == 404


def test_the_conferences_and_milestones_feed(client, home_page, django_assert_max_num_queries):
    from django.utils import timezone

    from campaigns.models import CampaignIndexPage, CampaignMilestone, CampaignPage, ConferencePage

    today = timezone.localdate()
    index = home_page.add_child(instance=CampaignIndexPage(title="Phong trào"))
    campaign = index.add_child(
        instance=CampaignPage(
            title="Cả nước chung tay vì người nghèo",
            start_date=date(2021, 1, 1),
            milestones=[
                CampaignMilestone(
                    date=today.replace(year=today.year + 1), title="Tổng kết, khen thưởng"
                ),
                CampaignMilestone(date=date(2020, 1, 1), title="Đã qua"),
            ],
        )
    )
    campaign.save_revision().publish()
    conference = campaign.add_child(
        instance=ConferencePage(
            title="Đại hội Thi đua yêu nước lần thứ IX",
            level="provincial",
            date=today,
            venue="Hội trường 19/5, Kon Tum",
        )
    )
    conference.save_revision().publish()
    with django_assert_max_num_queries(6) as counted:
        response = client.get(reverse("campaigns_calendar"))
    print("conference feed queries:", len(counted.captured_queries))
    assert response.status_code == 200
    events = check_rfc5545(response.content)
    assert [event["SUMMARY"] for event in events] == [
        "Đại hội Thi đua yêu nước lần thứ IX",
        "Tổng kết, khen thưởng (Cả nước chung tay vì người nghèo)",
    ]
    assert events[0]["DTSTART"] == today.strftime("%Y%m%d")
    assert events[0]["LOCATION"] == "Hội trường 19/5, Kon Tum"
    assert "X-Front-Group" in response  # the listings group: banned on every purge
