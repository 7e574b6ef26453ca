"""200 readers poll a live blog's endpoint every 15 s through Varnish (deploy/varnish's VCL)
while a reporter posts: how many requests reach the site per update, and how long from "post"
to each reader having the update (target ≤ 20 s). Prints the figures; fails over the target.

Runs when varnishd is installed. LIVEBLOG_READERS / LIVEBLOG_UPDATES change the load."""

import os
import random
import re
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.core.signals import request_started
from django.test import Client
from django.urls import reverse

from tests.caching.test_varnish_front import (  # noqa: F401  (fixtures)
    VARNISHD,
    varnish,
    varnish_workdir,
)

pytestmark = [
    pytest.mark.skipif(not VARNISHD, reason="varnishd not installed (apt-get install varnish)"),
    pytest.mark.django_db(transaction=True),
]

READERS = int(os.environ.get("LIVEBLOG_READERS", "200"))
UPDATES = int(os.environ.get("LIVEBLOG_UPDATES", "3"))
POLL = 15
TARGET = 20


class Reader(threading.Thread):
    """A browser tab: polls with If-None-Match (fetch's cache: "no-cache"), notes when each
    update id first appears."""

    def __init__(self, url, stop):
        super().__init__(daemon=True)
        self.url, self.stop = url, stop
        self.etag, self.seen, self.errors, self.requests = None, {}, 0, 0

    def run(self):
        self.stop.wait(random.uniform(0, POLL))  # readers arrive at any moment
        while not self.stop.is_set():
            request = urllib.request.Request(self.url)
            if self.etag:
                request.add_header("If-None-Match", self.etag)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    self.etag = response.headers.get("ETag")
                    body = response.read().decode()
                    now = time.monotonic()
                    for found in re.findall(r'data-update-id="(\d+)"', body):
                        self.seen.setdefault(int(found), now)
            except urllib.error.HTTPError as error:
                if error.code != 304:
                    self.errors += 1
            except OSError:
                self.errors += 1
            self.requests += 1
            self.stop.wait(POLL)


def test_two_hundred_polling_readers_through_varnish(
    varnish,  # noqa: F811
    settings,
    news_index,
    staff_user,
):
    import io

    from django.core.management import call_command

    from liveblog.models import LiveBlogPage

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    call_command("setup_roles", stdout=io.StringIO())
    reporter = Client()
    reporter.force_login(staff_user("phongvien", "Phóng viên"))
    blog = news_index.add_child(instance=LiveBlogPage(title="Bão số 9 đổ bộ"))
    blog.save_revision().publish()
    endpoint = blog.url + "cap-nhat/"

    origin = []
    lock = threading.Lock()

    def count(sender, environ, **kwargs):
        if environ.get("PATH_INFO") == endpoint:
            with lock:
                origin.append(time.monotonic())

    request_started.connect(count, dispatch_uid="liveblog-measure")
    stop = threading.Event()
    readers = [Reader(varnish + endpoint, stop) for _ in range(READERS)]
    try:
        for reader in readers:
            reader.start()
        time.sleep(POLL + 2)  # every reader has polled once
        with urllib.request.urlopen(varnish + endpoint, timeout=10) as response:
            seen_headers = {
                name: response.headers.get(name) for name in ("Cache-Control", "Age", "X-Cache")
            }
        quiet_start, quiet_origin = time.monotonic(), len(origin)
        time.sleep(POLL)
        quiet = (len(origin) - quiet_origin) / (time.monotonic() - quiet_start) * POLL
        posts = []
        for n in range(UPDATES):
            before = len(origin)
            posted_at = time.monotonic()
            answer = reporter.post(
                reverse("liveblog_admin:post", args=[blog.pk]), {"text": f"Cập nhật số {n}"}
            )
            assert answer.status_code == 302
            update = blog.updates.order_by("-pk").first()
            time.sleep(POLL + 5)
            posts.append((update.pk, posted_at, len(origin) - before))
    finally:
        stop.set()
        request_started.disconnect(dispatch_uid="liveblog-measure")
        for reader in readers:
            reader.join(timeout=15)

    delays = sorted(
        reader.seen[pk] - posted_at
        for pk, posted_at, _count in posts
        for reader in readers
        if pk in reader.seen
    )
    missing = READERS * UPDATES - len(delays)
    per_update = [count for _pk, _at, count in posts]
    requests = sum(reader.requests for reader in readers)
    errors = sum(reader.errors for reader in readers)
    print(
        f"\n{READERS} readers polling every {POLL} s, {UPDATES} updates, "
        f"{requests} reader requests ({errors} errors)\n"
        f"origin requests per {POLL} s window without updates: {quiet:.1f}\n"
        f"origin requests in the {POLL + 5} s after each update: {per_update}\n"
        f"post-to-reader: median {delays[len(delays) // 2]:.1f} s, "
        f"p95 {delays[int(len(delays) * 0.95)]:.1f} s, max {delays[-1]:.1f} s; "
        f"{missing} reader-updates never seen\n"
        f"endpoint through Varnish: {seen_headers}; origin requests in all: {len(origin)}"
    )
    assert errors == 0
    assert missing == 0
    assert delays[-1] <= TARGET
    assert max(per_update) <= 10  # Varnish coalesces: a handful, not one per reader
