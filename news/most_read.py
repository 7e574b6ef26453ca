"""Most read ("Đọc nhiều"): privacy-friendly read counts and the list they make.

A story page asks its own site, after it is shown, to count one read (news/static/news/reads.js:
a POST without cookies; readers without script are simply not counted). Each read is a cache
increment; the first read of a story in a minute queues one task for the background worker,
which moves the minute's count into `DailyReads` in one write. The list is the stories with
the most reads over the last days, kept in the cache for MOST_READ_SECONDS; the home page's
cached fragment is renewed as often.

Bounds (anonymous beacons cannot grow storage or move the list at will):
- a beacon for an id that is not a live, public story is dropped before any work: no cache
  key, no task, no query (answered 204 like the others: a 404 would cost the redirects
  lookup and a log line each). The check is against the set of live story ids
  (`live_story_ids`), kept in the cache and in each process for LIVE_IDS_REFRESH seconds,
  forgotten on publication;
- one client address (IPv4 address, IPv6 /64: one subscriber) counts once per story per hour
  (READ_ONCE_SECONDS). What marks it is a keyed hash of address and story, kept one hour; no
  address is stored. So keys are at most two per live story, plus one per (story, address)
  read in the last hour; tasks at most one per live story and minute.
"""

import contextlib
import ipaddress
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Prefetch, Sum
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django_tasks import default_task_backend, task
from wagtail.images import get_image_model

from caching import view_restrictions
from security.client_ip import client_ip

from .models import ArticlePage, DailyReads

FLUSH_SECONDS = 60
WINDOW_DAYS = 7
LIST_LENGTH = 5
PENDING = "reads:pending:{}"
QUEUED = "reads:queued:{}"
LIST_KEY = "news:most-read:{}:{}"
SEEN = "reads:seen:{}:{}"
READ_ONCE_SECONDS = 3600
LIVE_IDS_KEY = "reads:live-ids"
LIVE_IDS_SECONDS = 600  # in the shared cache; forgotten at once on publication
LIVE_IDS_REFRESH = 10  # in each process: a story published elsewhere counts within seconds


class _LiveIds:
    """This process's copy of the live story ids, and when it was read."""

    lock = threading.Lock()
    ids = None
    read_at = 0.0


def live_story_ids():
    """The ids of live, public stories: the only ones a beacon may count."""
    now = time.monotonic()
    if _LiveIds.ids is not None and now - _LiveIds.read_at < LIVE_IDS_REFRESH:
        return _LiveIds.ids
    ids = cache.get(LIVE_IDS_KEY)
    if ids is None:
        ids = frozenset(ArticlePage.objects.live().public().values_list("pk", flat=True))
        cache.set(LIVE_IDS_KEY, ids, LIVE_IDS_SECONDS)
    with _LiveIds.lock:
        _LiveIds.ids, _LiveIds.read_at = ids, now
    return ids


def forget_live_story_ids():
    """A story was published, unpublished, moved or deleted (news/signals.py)."""
    cache.delete(LIVE_IDS_KEY)
    with _LiveIds.lock:
        _LiveIds.ids = None


def reader_network(request):
    """The reader as counted: the IPv4 address, or the IPv6 /64 (one subscriber's network)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def first_read_this_hour(page_id, network):
    """True the first time this network reads this story in READ_ONCE_SECONDS."""
    mark = salted_hmac("news.most_read", f"{page_id}|{network}").hexdigest()[:20]
    return cache.add(SEEN.format(page_id, mark), 1, timeout=READ_ONCE_SECONDS) is not False


def count_read(page_id):
    """One read of a story: a cache increment; a flush queued once a minute per story."""
    key = PENDING.format(page_id)
    if cache.add(key, 1, timeout=24 * 3600) is False:
        try:
            cache.incr(key)
        except ValueError:  # expired in between: start again
            cache.add(key, 1, timeout=24 * 3600)
    if cache.add(QUEUED.format(page_id), 1, timeout=FLUSH_SECONDS):
        flush = flush_reads
        if default_task_backend.supports_defer:
            flush = flush.using(run_after=timezone.now() + timedelta(seconds=FLUSH_SECONDS))
        transaction.on_commit(lambda: flush.enqueue(page_id))


@task()
def flush_reads(page_id):
    """Move a story's counted reads into today's row (one write for the minute's reads)."""
    key = PENDING.format(page_id)
    pending = cache.get(key) or 0
    if not pending:
        return 0
    with contextlib.suppress(ValueError):
        cache.decr(key, pending)  # reads counted meanwhile stay for the next flush
    if not ArticlePage.objects.filter(pk=page_id).exists():
        return 0
    day = timezone.localdate()
    updated = DailyReads.objects.filter(page_id=page_id, day=day).update(count=F("count") + pending)
    if not updated:
        try:
            with transaction.atomic():
                DailyReads.objects.create(page_id=page_id, day=day, count=pending)
        except IntegrityError:  # another worker created it first
            DailyReads.objects.filter(page_id=page_id, day=day).update(count=F("count") + pending)
    return pending


@csrf_exempt
@never_cache
def read_beacon(request, page_id):
    """POST /luot-doc/<id>/ from a story page: 204, nothing set on the reader. Counted only for
    a live story and the reader's first read of it this hour (see the module doc)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if page_id in live_story_ids() and first_read_this_hour(page_id, reader_network(request)):
        count_read(page_id)
    return HttpResponse(status=204)


def list_seconds():
    """How long the list is kept, and how often the home page renews it (MOST_READ_SECONDS)."""
    return getattr(settings, "MOST_READ_SECONDS", 600)


def most_read(limit=LIST_LENGTH, days=WINDOW_DAYS, locale_id=None):
    """The live stories of one edition (`locale_id`; every edition's when None) read most over
    the last days (cached for MOST_READ_SECONDS)."""
    return cache.get_or_set(
        LIST_KEY.format(locale_id or "all", limit),
        lambda: _most_read(limit, days, locale_id),
        list_seconds(),
    )


def _most_read(limit, days, locale_id=None):
    since = timezone.localdate() - timedelta(days=days - 1)
    reads = DailyReads.objects.filter(day__gte=since, page__live=True)
    if locale_id is not None:
        reads = reads.filter(page__locale_id=locale_id)
    ranked = list(
        reads.values("page_id")
        .annotate(total=Sum("count"))
        .order_by("-total", "-page_id")[: limit * 2]
    )
    images = get_image_model().objects.prefetch_renditions(
        "fill-480x270", "fill-480x270|format-webp"
    )
    stories = (
        view_restrictions.readable(ArticlePage.objects.all())
        .filter(pk__in=[row["page_id"] for row in ranked])
        .select_related("featured_image")
        .prefetch_related(Prefetch("featured_image", queryset=images))
        .in_bulk()
    )
    found = []
    for row in ranked:
        story = stories.get(row["page_id"])
        if story is not None:
            story.read_count = row["total"]
            found.append(story)
    return found[:limit]


def most_read_period():
    """The number of the current MOST_READ_SECONDS period: it keys the cached fragments that
    show the list, so the list is renewed without a publication."""
    return int(time.time() // max(list_seconds(), 1))


def home_context(home_page):
    """Read on every home render (HOME_LIVE_PROVIDERS): the period that keys the cached home
    fragment."""
    return {"most_read_period": most_read_period()}
