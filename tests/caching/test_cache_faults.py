"""Redis is an optimisation, never a single point of failure (a private redis-server only).

Pages render uncached when Redis is gone, comments are accepted and answered correctly, the
outage costs milliseconds and is logged once, and the site writes no key that never expires.
"""

import logging
import statistics
import time

import pytest
from django.test import Client
from django.urls import reverse

from caching import resilient_cache
from comments.forms import make_token
from comments.models import Comment
from tests.conftest import resilient_cache_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(make_story, make_reporter):
    reporter = make_reporter("Trần Văn Bình", slug="tran-van-binh")
    story = make_story(title="Đại hội thi đua yêu nước", tags=["Thi đua"], reporters=[reporter])
    return story


def public_urls(story):
    index = story.get_parent().url
    return [
        "/",
        index,
        story.url,
        f"{index}chu-de/thi-dua/",
        f"{index}phong-vien/tran-van-binh/",
        "/tim-kiem/?q=thi+dua",
        "/rss/",
        "/rss/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/",
        f"/api/v2/pages/{story.pk}/",
        reverse("comments:token", args=[story.pk]),
        "/healthz/",
        "/csrf-token/",
    ]


def comment_data(story, n=1, token=None):
    return {
        "name": f"Bạn đọc {n}",
        "email": f"reader{n}@example.invalid",
        "body": f"Ý kiến số {n}",
        "token": token or make_token(story.pk, now=time.time() - 60),
    }


def post(client, story, data, ip="203.0.113.7"):
    return client.post(
        reverse("comments:post", args=[story.pk]),
        data,
        REMOTE_ADDR=ip,
        headers={"Accept": "application/json"},
    )


def test_with_redis_killed_every_public_url_answers_and_comments_are_kept(
    site, redis_cache, caplog
):
    client = Client()
    urls = public_urls(site)
    healthy = {url: client.get(url).status_code for url in urls}
    assert set(healthy.values()) == {200}, healthy
    assert client.get(site.url).headers["X-Page-Cache"] == "hit"  # the cache works meanwhile

    redis_cache.kill()
    caplog.set_level(logging.WARNING, logger="caching.resilient_cache")
    dead = {url: client.get(url).status_code for url in urls}
    assert dead == healthy
    response = client.get(site.url)
    assert "Đại hội thi đua yêu nước" in response.content.decode()
    assert response.headers["X-Page-Cache"] == "miss"

    # A comment is stored once and answered as stored; a retry of the same form is not
    # stored again; the flood limit still holds (the database decides).
    data = comment_data(site)
    first = post(client, site, data)
    assert first.status_code == 201, first.content
    retry = post(client, site, data)
    assert retry.status_code == 201
    assert Comment.objects.count() == 1
    again = post(client, site, comment_data(site, n=2))
    assert again.status_code == 429
    assert int(again["Retry-After"]) >= 1
    assert Comment.objects.count() == 1
    # The outage is logged once, not once per request.
    outages = [r for r in caplog.records if "Cache unavailable" in r.getMessage()]
    assert len(outages) == 1

    health = client.get("/healthz/")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"


def test_a_dead_redis_costs_milliseconds(site, settings):
    # Nothing listens on this port: every call would wait for a refused connection.
    settings.CACHES = resilient_cache_settings("redis://127.0.0.1:9/0")
    resilient_cache._Breaker.down_since = None
    client = Client()
    settings.PAGE_CACHE_ENABLED = False
    client.get(site.url)
    baseline = statistics.median(_timed(client, site.url) for _ in range(7))
    settings.PAGE_CACHE_ENABLED = True
    dead = statistics.median(_timed(client, site.url) for _ in range(7))
    # The same render, plus at most a few milliseconds of cache calls that fail fast.
    # About what an uncached render costs: the breaker skips Redis after the first failure.
    assert dead < baseline * 2 + 0.1, (dead, baseline)


def _timed(client, url):
    started = time.perf_counter()
    assert client.get(url).status_code == 200
    return time.perf_counter() - started


def test_redis_back_means_cache_back(site, redis_cache, monkeypatch):
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.2)
    client = Client()
    redis_cache.kill()
    assert client.get(site.url).status_code == 200
    redis_cache.start()
    time.sleep(0.3)
    assert client.get(site.url).headers["X-Page-Cache"] == "miss"
    assert client.get(site.url).headers["X-Page-Cache"] == "hit"
    assert client.get("/healthz/").json()["status"] == "ok"


def test_made_up_paths_leave_no_keys_and_every_key_expires(site, redis_cache):
    client = Client()
    for url in public_urls(site):
        client.get(url)
        client.get(url)
    redis = redis_cache.client()
    before = redis.dbsize()
    for n in range(1000):
        assert client.get(f"/khong-co-trang-nay-{n}/").status_code == 404
    assert redis.dbsize() <= before  # 1,000 made-up paths: not one key more
    generation_keys = list(redis.scan_iter("*pagecache:gen:*"))
    assert 1 < len(generation_keys) <= len(public_urls(site)) + 1
    # Every key the site wrote expires.
    assert redis.dbsize() > 5
    immortal = [key for key in redis.scan_iter("*") if redis.ttl(key) == -1]
    assert immortal == []


def test_a_hanging_redis_costs_one_timeout_then_nothing(site, settings):
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)  # accepts connections, never answers
    port = silent.getsockname()[1]
    settings.CACHES = resilient_cache_settings(f"redis://127.0.0.1:{port}/0")
    resilient_cache._Breaker.down_since = None
    client = Client()
    first = _timed(client, site.url)
    assert first < 3  # one read timeout (0.5 s), not a hung worker
    later = statistics.median(_timed(client, site.url) for _ in range(5))
    assert later < 0.5  # the breaker is open: Redis is not asked again for a while
    silent.close()
    resilient_cache._Breaker.down_since = None


def test_without_redis_every_change_shows_at_once_and_nothing_is_answered_304_unseen(
    site, redis_cache
):
    """No cache, no cached parts and no early 304: each reader gets a fresh render."""
    from comments.models import Status

    client = Client()
    etag = client.get(site.url)["ETag"]
    redis_cache.kill()
    Comment.objects.create(
        page=site,
        author_name="Bạn đọc",
        author_email="b@example.invalid",
        body="Ý kiến khi Redis vắng mặt",
        status=Status.APPROVED,
    )
    response = client.get(site.url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Ý kiến khi Redis vắng mặt" in response.content.decode()


def test_what_changed_during_an_outage_shows_once_redis_is_back(site, redis_cache, monkeypatch):
    """Redis unreachable (paused), a story renamed meanwhile: its purge and stamp bump are
    lost, so on recovery everything cached before the outage is dropped."""
    import threading

    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.2)
    client = Client()
    assert client.get(site.url).headers["X-Page-Cache"] == "miss"
    assert client.get(site.url).headers["X-Page-Cache"] == "hit"
    redis = redis_cache.client()
    redis.execute_command("CLIENT", "PAUSE", "1500", "ALL")  # answers nothing for 1.5 s
    site.title = "Đại hội thi đua (đã sửa tên)"
    site.save_revision().publish()  # its purges time out: lost
    threading.Event().wait(1.7)
    response = client.get(site.url)
    assert "Đại hội thi đua (đã sửa tên)" in response.content.decode()
    assert response.headers["X-Page-Cache"] == "miss"


def test_a_page_makes_one_redis_client_not_one_per_cache_call(site, redis_cache, monkeypatch):
    """Django's Redis backend built a `redis.Redis` (and its table of response callbacks)
    for every cache call: 10–20 per page. One per connection pool is kept now, and it
    reconnects when Redis comes back."""
    import redis

    made = []
    original = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting)
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.2)
    client = Client()
    client.get(site.url)
    made.clear()
    for url in public_urls(site)[:5]:
        assert client.get(url).status_code == 200, url
    assert len(made) <= 1
    redis_cache.kill()
    redis_cache.start()
    time.sleep(0.3)
    client.get(site.url)
    assert client.get(site.url).headers["X-Page-Cache"] == "hit"
