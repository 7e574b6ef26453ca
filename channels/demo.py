"""The demo's channels and the day's broadcast schedule (DEMO_LOADERS; idempotent), from
demo_data/channels.toml.

Each run adds today's schedule once (keyed by the day), so `make run` on any day shows
"Đang phát / Tiếp theo". The demo's stream addresses are paths on this site where no
stream is served: the players show, and play once a real stream is set in the admin.
"""

import tomllib
from datetime import time
from pathlib import Path

from django.utils import timezone

from demo import marks as demo_marks

from .models import Channel, ScheduleDay, ScheduleSlot

DATA = Path(__file__).resolve().parent / "demo_data" / "channels.toml"
FIELDS = ("name", "kind", "description", "hls_url", "audio_url", "sort_order")


def load(stdout=None):
    today = timezone.localdate()
    with open(DATA, "rb") as data:
        specs = tomllib.load(data)["channels"]
    for spec in specs:
        fields = {name: spec[name] for name in FIELDS if name in spec}
        channel = demo_marks.ensure(
            f"channels.channel:{spec['key']}",
            lambda fields=fields: Channel.objects.create(**fields),
        )
        if channel is None:
            continue
        key = f"channels.day:{spec['key']}:{today.isoformat()}"
        if demo_marks.made(key) or ScheduleDay.objects.filter(channel=channel, date=today).exists():
            continue
        day = ScheduleDay(channel=channel, date=today)
        day.slots = [
            ScheduleSlot(start_time=time.fromisoformat(start), title=title)
            for start, title in spec["schedule"]
        ]
        day.save()
        demo_marks.mark(key, day)
