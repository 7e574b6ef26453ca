"""Channel fixtures: a TV and a radio channel, a day's schedule, an editor, a set clock."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from tests.conftest import setup_roles
from tests.programmes.conftest import make_episode, make_media, programme, root_collection  # noqa: F401

DAY = date(2026, 12, 5)  # Thứ Bảy


def local(hour, minute=0, second=0, day=DAY):
    return timezone.make_aware(datetime.combine(day, time(hour, minute, second)))


@pytest.fixture
def clock(monkeypatch):
    """Set the channels app's clock: ``clock(18, 0)`` is 18:00 on DAY in Asia/Ho_Chi_Minh."""
    from channels import clock as channels_clock

    def set_to(hour, minute=0, second=0, day=DAY):
        moment = local(hour, minute, second, day)
        monkeypatch.setattr(channels_clock, "now", lambda: moment)
        return moment

    return set_to


@pytest.fixture
def tv(db):
    from channels.models import Channel

    return Channel.objects.create(
        name="KTTV", kind="tv", hls_url="/live/kttv/index.m3u8", sort_order=1
    )


@pytest.fixture
def radio(db):
    from channels.models import Channel

    return Channel.objects.create(
        name="Phát thanh Kon Tum", kind="radio", audio_url="/live/radio.mp3", sort_order=2
    )


@pytest.fixture
def make_day():
    from channels.models import ScheduleDay, ScheduleSlot

    def make(channel, slots, day=DAY):
        schedule = ScheduleDay(channel=channel, date=day)
        schedule.slots = [
            ScheduleSlot(start_time=time.fromisoformat(start), title=title)
            for start, title in slots
        ]
        schedule.save()
        return schedule

    return make


@pytest.fixture
def editor(home_page, staff_user):
    from editorial.roles import EDITORS

    setup_roles()
    return staff_user("bientap", EDITORS)
