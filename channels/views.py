"""The live page ("Trực tuyến", /truc-tuyen/) and each channel's schedule as iCalendar.

Both say how long they may be kept from the schedule itself: until the next slot starts
(or midnight), so neither a browser nor Varnish shows "Đang phát" from before a boundary.
"""

from datetime import datetime, time, timedelta

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from base.ical import calendar_response, event
from caching.page_cache import remove_reader_secrets

from . import clock
from .models import Channel, ScheduleDay, ScheduleSlot
from .on_air import on_air, seconds_fresh

FEED_DAYS_BEFORE = 1
FEED_DAYS_AFTER = 7


def _fresh_for(response, seconds):
    response["Cache-Control"] = f"public, max-age={seconds}, s-maxage={seconds}"
    patch_vary_headers(response, ("Cookie",))  # the language cookie
    return response


def live_page(request):
    now = clock.now()
    today = timezone.localdate(now)
    answer = on_air(now)
    slots = ScheduleSlot.objects.select_related("programme", "episode").order_by("start_time")
    channels = list(
        Channel.objects.filter(on_air=True).prefetch_related(
            Prefetch(
                "days",
                queryset=ScheduleDay.objects.filter(date=today).prefetch_related(
                    Prefetch("slots", queryset=slots)
                ),
                to_attr="today",
            )
        )
    )
    uses_hls = False
    for channel in channels:
        channel.on_air_now = answer.for_channel(channel.pk)
        current = (channel.on_air_now or {}).get("now")
        channel.schedule = []
        for day in channel.today:
            for slot in day.slots.all():
                page = slot.episode or slot.programme
                channel.schedule.append(
                    {
                        "slot": slot,
                        "url": page.get_url(request) if page is not None and page.live else "",
                        "current": current is not None and slot.starts_at == current["starts_at"],
                    }
                )
        uses_hls = uses_hls or bool(channel.hls_url)
    context = {
        "channels": channels,
        "today": today,
        "uses_hls": uses_hls,
        "page_title": pgettext("live channels", "Live"),
    }
    response = render(request, "channels/live_page.html", context)
    remove_reader_secrets(response, request)
    return _fresh_for(response, seconds_fresh(now, answer))


def schedule_feed(request, slug):
    channel = get_object_or_404(Channel, slug=slug)
    now = clock.now()
    today = timezone.localdate(now)
    first = timezone.make_aware(datetime.combine(today - timedelta(FEED_DAYS_BEFORE), time.min))
    last = timezone.make_aware(datetime.combine(today + timedelta(FEED_DAYS_AFTER), time.min))
    slots = list(
        ScheduleSlot.objects.filter(day__channel=channel, starts_at__gte=first, starts_at__lt=last)
        .select_related("programme", "episode")
        .order_by("starts_at")
    )
    if len(slots) > 2000:  # a week of a channel is far less; never build a huge answer
        raise Http404
    host = request.get_host().split(":")[0] or "localhost"
    events = []
    for index, slot in enumerate(slots):
        following = slots[index + 1] if index + 1 < len(slots) else None
        page = slot.episode or slot.programme
        url = request.build_absolute_uri(page.get_url(request)) if page and page.live else ""
        events.append(
            event(
                uid=f"channels-slot-{slot.pk}@{host}",
                start=slot.starts_at,
                end=following.starts_at if following else None,
                summary=slot.title,
                description=channel.name,
                url=url,
            )
        )
    name = _("Broadcast schedule: %(channel)s") % {"channel": channel.name}
    response = calendar_response(name, events, f"lich-phat-song-{channel.slug}.ics")
    return _fresh_for(response, seconds_fresh(now))
