""" "Đang phát / Tiếp theo": what each channel airs now and next, in Asia/Ho_Chi_Minh.

The answer only changes at a slot's start (or when the schedule is edited), so it is kept in
the cache until the next start anywhere (`valid_until`), keyed by the schedule's content
stamp: an edit is seen at once, a boundary passed is never served from before it. Pages
showing it say how long they may be kept with `seconds_fresh(now)`.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.utils import timezone

from caching import content_versions

from . import clock
from .models import Channel, ScheduleSlot

SCOPE = "channels"  # the content stamp bumped by every schedule or channel change
MAX_AGE = 600  # at most this long between two looks, whatever the schedule says
WINDOW = timedelta(days=2)  # a slot running longer than this is taken as over
KEY = "channels:on-air"


@dataclass(frozen=True)
class OnAir:
    channels: list  # [{"channel": {...}, "now": slot or None, "next": slot or None}]
    valid_from: datetime
    valid_until: datetime
    last_start: datetime | None = None  # the latest slot start at or before now, any channel

    def for_channel(self, pk):
        return next((item for item in self.channels if item["channel"]["pk"] == pk), None)


def _slot(slot, ends_at):
    page = slot.episode or slot.programme
    return {
        "title": slot.title,
        "starts_at": slot.starts_at,
        "ends_at": ends_at,
        "url": (page.get_url() or "") if page is not None and page.live else "",
    }


def compute(now):
    """What is on and next on each channel shown on the live page (two queries)."""
    channels = list(Channel.objects.filter(on_air=True).only("pk", "name", "slug", "kind"))
    slots = (
        ScheduleSlot.objects.filter(
            day__channel__on_air=True, starts_at__gt=now - WINDOW, starts_at__lte=now + WINDOW
        )
        .select_related("day", "programme", "episode")
        .order_by("starts_at")
    )
    by_channel = {channel.pk: [] for channel in channels}
    for slot in slots:
        by_channel.setdefault(slot.day.channel_id, []).append(slot)
    valid_from, valid_until = now - WINDOW, now + timedelta(seconds=MAX_AGE)
    last_start = None
    result = []
    for channel in channels:
        run = by_channel[channel.pk]
        current = next_slot = after_next = None
        for index, slot in enumerate(run):
            if slot.starts_at <= now:
                current = slot
            else:
                next_slot = slot
                after_next = run[index + 1] if index + 1 < len(run) else None
                break
        if current is not None:
            valid_from = max(valid_from, current.starts_at)
            last_start = max(last_start or current.starts_at, current.starts_at)
        if next_slot is not None:
            valid_until = min(valid_until, next_slot.starts_at)
        result.append(
            {
                "channel": {
                    "pk": channel.pk,
                    "name": channel.name,
                    "slug": channel.slug,
                    "kind": channel.kind,
                },
                "now": _slot(current, next_slot.starts_at if next_slot else None)
                if current
                else None,
                "next": _slot(next_slot, after_next.starts_at if after_next else None)
                if next_slot
                else None,
            }
        )
    return OnAir(result, valid_from, valid_until, last_start)


def on_air(now=None):
    """The OnAir at ``now`` (default: the clock), from the cache when still valid."""
    now = now or clock.now()
    stamps = content_versions.stamps([SCOPE])
    key = f"{KEY}:{stamps[SCOPE]}" if stamps else None
    if key:
        found = cache.get(key)
        if found is not None and found.valid_from <= now < found.valid_until:
            return found
    answer = compute(now)
    if key:
        seconds = int((answer.valid_until - now).total_seconds())
        if seconds > 0:
            cache.set(key, answer, seconds)
    return answer


def next_midnight(now):
    local = timezone.localtime(now)
    tomorrow = local.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))


def seconds_fresh(now, answer=None):
    """How long a page showing now/next (and today's schedule) stays right: until the next
    slot starts, or midnight (a new day's schedule), at most MAX_AGE; at least 1 second."""
    answer = answer or on_air(now)
    until = min(answer.valid_until, next_midnight(now))
    return max(1, min(MAX_AGE, int((until - now).total_seconds())))
