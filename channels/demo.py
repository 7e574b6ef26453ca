"""The demo's channels and the day's broadcast schedule (DEMO_LOADERS; idempotent).

Each run adds today's schedule once (keyed by the day), so `make run` on any day shows
"Đang phát / Tiếp theo". The demo's stream addresses are paths on this site where no
stream is served: the players show, and play once a real stream is set in the admin.
"""

from datetime import time

from django.utils import timezone

from demo import marks as demo_marks

from .models import Channel, ChannelKind, ScheduleDay, ScheduleSlot

CHANNELS = [
    {
        "key": "kttv",
        "name": "KTTV – Truyền hình Kon Tum",
        "kind": ChannelKind.TV,
        "description": "Kênh truyền hình của Đài (dữ liệu mẫu).",
        "hls_url": "/truc-tuyen-mau/kttv/index.m3u8",
        "sort_order": 1,
    },
    {
        "key": "ktr",
        "name": "Phát thanh Kon Tum",
        "kind": ChannelKind.RADIO,
        "description": "Kênh phát thanh của Đài (dữ liệu mẫu).",
        "audio_url": "/truc-tuyen-mau/phat-thanh.mp3",
        "sort_order": 2,
    },
]
# (start, title): titles naming a demo programme are linked to it.
SCHEDULES = {
    "kttv": [
        ("05:30", "Chào ngày mới"),
        ("06:30", "Thời sự sáng"),
        ("09:00", "Phim truyện: Đất rừng"),
        ("11:30", "Thời sự trưa"),
        ("13:00", "Chương trình tiếng Ba Na"),
        ("15:00", "Ca nhạc thiếu nhi"),
        ("17:30", "Chương trình tiếng Xơ Đăng"),
        ("18:00", "Thời sự Kon Tum"),
        ("19:00", "Tiếp sóng Thời sự VTV"),
        ("20:00", "Phim truyện: Mùa cà phê"),
        ("22:00", "Thời sự Kon Tum (phát lại)"),
        ("23:00", "Kết thúc chương trình"),
    ],
    "ktr": [
        ("05:00", "Nhạc hiệu, giới thiệu chương trình"),
        ("06:30", "Nông thôn mới"),
        ("07:00", "Thời sự phát thanh"),
        ("11:00", "Ca nhạc theo yêu cầu"),
        ("17:00", "Thời sự phát thanh"),
        ("21:00", "Kết thúc chương trình"),
    ],
}


def load(stdout=None):
    today = timezone.localdate()
    for spec in CHANNELS:
        fields = {name: value for name, value in spec.items() if name != "key"}
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
            for start, title in SCHEDULES[spec["key"]]
        ]
        day.save()
        demo_marks.mark(key, day)
