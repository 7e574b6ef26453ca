"""No stampede between workers (issue 26, item 3): when a hot page goes stale, one request
renders it and the others are served the stale copy; with no copy at all they wait for that
render. Real threads against a real Redis (the production backend on a private server),
counting origin renders by the page cache's own header ("miss" = rendered here)."""

import threading
from collections import Counter

import pytest
from django.test import Client

from caching import page_cache
from tests.conftest import aware

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 8


def state(response):
    return response.headers.get("X-Page-Cache")


def together(url, readers=READERS):
    """`readers` anonymous requests for `url`, released at once; their statuses and states."""
    barrier = threading.Barrier(readers)
    results = []
    lock = threading.Lock()

    def read():
        from django.db import connection

        try:
            barrier.wait()
            response = Client().get(url)
            with lock:
                results.append((response.status_code, state(response)))
        finally:
            connection.close()

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.fixture
def hot_story(redis_cache, make_story):
    return make_story(title="Tin nóng: lũ quét ở Kon Plông", date=aware(2026, 11, 5))


def test_a_stale_hot_page_is_rendered_once(hot_story):
    Client().get(hot_story.url)
    assert state(Client().get(hot_story.url)) == "hit"
    page_cache.purge_paths([hot_story.url])  # stale now: a purge, as after a publication

    results = together(hot_story.url)
    assert all(status == 200 for status, _ in results)
    counts = Counter(found for _, found in results)
    assert counts["miss"] == 1, counts
    assert counts["stale"] + counts["hit"] == READERS - 1, counts
    assert state(Client().get(hot_story.url)) == "hit"


def test_a_missing_hot_page_is_rendered_once_while_the_others_wait(hot_story):
    results = together(hot_story.url)
    assert all(status == 200 for status, _ in results)
    counts = Counter(found for _, found in results)
    assert counts["miss"] == 1, counts
    assert counts["hit"] == READERS - 1, counts


def test_a_lock_left_by_a_dead_worker_expires(hot_story, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_LOCK_SECONDS = 1
    settings.PAGE_CACHE_WAIT_SECONDS = 0.2
    Client().get(hot_story.url)
    page_cache.purge_paths([hot_story.url])
    request = Client().get(hot_story.url).wsgi_request  # renders (takes and frees the lock)
    page_cache.purge_paths([hot_story.url])
    _, _, key, _, _ = page_cache._lookup(request)
    cache.add(page_cache._lock_key(key), 1, timeout=1)  # a worker died holding it
    assert state(Client().get(hot_story.url)) == "stale"
    import time

    time.sleep(1.2)
    assert state(Client().get(hot_story.url)) == "miss"


def test_with_redis_gone_every_reader_gets_the_page(hot_story, redis_cache):
    Client().get(hot_story.url)
    redis_cache.kill()
    results = together(hot_story.url, readers=4)
    assert [status for status, _ in results] == [200] * 4
