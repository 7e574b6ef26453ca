""" "Đang phát / Tiếp theo" on the live page and the home page, at slot boundaries, with the
channels app's clock set (Asia/Ho_Chi_Minh), and how long each answer may be kept."""

import re

import pytest
from django.urls import reverse

from tests.channels.conftest import DAY, local

EVENING = [
    ("17:30", "Chương trình tiếng Xơ Đăng"),
    ("18:00", "Thời sự Kon Tum"),
    ("19:00", "Phim truyện"),
]


def now_next(html):
    """The titles under "Đang phát" and "Tiếp theo", in page order."""
    rows = re.findall(r'<dt class="now-next__label[^"]*">([^<]+)</dt>\s*<dd>(.*?)</dd>', html, re.S)
    return [(label, re.sub(r"<[^>]+>", "", value).strip()) for label, value in rows]


def max_age(response):
    found = re.search(r"(?<!s-)max-age=(\d+)", response["Cache-Control"])
    return int(found.group(1))


@pytest.fixture
def evening(tv, make_day, home_page):
    return make_day(tv, EVENING)


def test_one_second_before_the_boundary_and_at_it(client, evening, clock):
    clock(17, 59, 59)
    before = client.get(reverse("channels:live"))
    assert before.status_code == 200
    assert now_next(before.content.decode()) == [
        ("Đang phát", "17:30 Chương trình tiếng Xơ Đăng"),
        ("Tiếp theo", "18:00 Thời sự Kon Tum"),
    ]
    assert max_age(before) == 1  # a browser or Varnish keeps it one second, not past 18:00
    assert "s-maxage=1" in before["Cache-Control"]

    clock(18, 0, 0)
    at = client.get(reverse("channels:live"))
    assert now_next(at.content.decode()) == [
        ("Đang phát", "18:00 Thời sự Kon Tum"),
        ("Tiếp theo", "19:00 Phim truyện"),
    ]
    assert max_age(at) == 600  # the next start is an hour away: capped at MAX_AGE
    html = at.content.decode()
    assert 'aria-current="true"><time datetime="2026-12-05T18:00:00+07:00">18:00</time>' in html


def test_max_age_counts_down_to_the_next_start(client, evening, clock):
    clock(18, 55, 30)
    assert max_age(client.get(reverse("channels:live"))) == 270
    clock(23, 59, 0)  # after the last slot: the day's schedule ends at midnight
    response = client.get(reverse("channels:live"))
    assert max_age(response) == 60
    assert now_next(response.content.decode())[1] == ("Tiếp theo", "Chưa có lịch")


def test_before_the_first_slot_nothing_is_on(client, evening, clock):
    clock(6, 0)
    assert now_next(client.get(reverse("channels:live")).content.decode()) == [
        ("Đang phát", "Chưa có lịch"),
        ("Tiếp theo", "17:30 Chương trình tiếng Xơ Đăng"),
    ]


def test_the_cached_answer_is_not_served_past_a_boundary(evening, clock, django_assert_num_queries):
    from channels.on_air import on_air

    first = on_air(clock(17, 55))
    assert first.valid_until == local(18)  # kept until the next start
    with django_assert_num_queries(0):  # from the cache, one second before the boundary
        cached = on_air(clock(17, 59, 59))
    assert cached.channels[0]["now"]["title"] == "Chương trình tiếng Xơ Đăng"
    with django_assert_num_queries(2):  # at the boundary: computed again
        answer = on_air(clock(18, 0))
    assert answer.channels[0]["now"]["title"] == "Thời sự Kon Tum"
    assert answer.valid_from == local(18)
    assert answer.valid_until == local(
        18, 10
    )  # an hour to the next start: looked at again in 10 min


def test_an_edit_in_the_schedule_shows_at_once(client, evening, clock):
    clock(18, 10)
    client.get(reverse("channels:live"))  # the answer is now cached until 19:00
    slot = evening.slots.get(title="Thời sự Kon Tum")
    slot.title = "Thời sự Kon Tum – bản đặc biệt"
    slot.save()
    evening.save()  # the admin saves the day with its slots
    assert now_next(client.get(reverse("channels:live")).content.decode())[0] == (
        "Đang phát",
        "18:00 Thời sự Kon Tum – bản đặc biệt",
    )


def test_a_slot_links_to_its_programme(client, programme, tv, make_day, clock):
    make_day(tv, EVENING)
    clock(18, 5)
    html = client.get(reverse("channels:live")).content.decode()
    assert f'<a href="{programme.url}" lang="vi">Thời sự Kon Tum</a>' in html


def test_the_home_page_shows_now_next_and_is_purged_at_the_boundary(client, evening, clock):
    from channels.periodic import refresh_at_boundaries

    clock(17, 59)
    refresh_at_boundaries()
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert ("Đang phát", "17:30 Chương trình tiếng Xơ Đăng") in now_next(first.content.decode())
    assert client.get("/")["X-Page-Cache"] == "hit"
    etag = first["ETag"]

    clock(18, 0, 5)
    assert refresh_at_boundaries() is True  # the periodic job, every 10 s
    assert refresh_at_boundaries() is False  # once per boundary
    after = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200  # the old validator no longer matches
    assert after["X-Page-Cache"] == "miss"
    assert ("Đang phát", "18:00 Thời sự Kon Tum") in now_next(after.content.decode())


def test_user_text_is_escaped(client, tv, make_day, clock):
    make_day(tv, [("18:00", '<script>alert("x")</script> Thời sự')])
    tv.name = "<b>KTTV</b>"
    tv.save()
    clock(18, 30)
    html = client.get(reverse("channels:live")).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>KTTV</b>" not in html
    home = client.get("/").content.decode()
    assert "<script>alert" not in home


def test_query_budget_does_not_grow_with_slots_or_channels(
    client, tv, radio, make_day, clock, django_assert_max_num_queries
):
    make_day(tv, EVENING)
    clock(18, 30)
    # 12, and 2 with editions (the edition's homes for the menu, the locales' ids).
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("channels:live"))
    make_day(radio, [(f"{hour:02d}:00", f"Chương trình {hour}") for hour in range(5, 23)])
    make_day(tv, EVENING, day=DAY.replace(day=6))
    from channels.models import Channel

    Channel.objects.create(name="KTTV 2", kind="tv", hls_url="/live/2.m3u8")
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(reverse("channels:live"))
    assert "Chương trình 18" in response.content.decode()
    print("live page queries:", len(small.captured_queries), len(large.captured_queries))


def test_the_job_purges_only_when_a_boundary_passed(evening, clock):
    from channels.periodic import refresh_at_boundaries

    clock(6, 0)  # nothing on air yet
    assert refresh_at_boundaries() is True  # the first run after a start
    clock(6, 0, 10)
    assert refresh_at_boundaries() is False
    clock(17, 29, 59)
    assert refresh_at_boundaries() is False
    clock(17, 30, 4)
    assert refresh_at_boundaries() is True
    clock(17, 45)
    assert refresh_at_boundaries() is False
    clock(0, 0, 5, day=DAY.replace(day=6))  # midnight: a new day's schedule
    assert refresh_at_boundaries() is True
