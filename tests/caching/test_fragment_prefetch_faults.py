"""Redis gone, slow or back while the pages' parts are asked for in one round trip
(caching/fragment_prefetch.py), on a private redis-server through the production backend.

The prefetch remembers per address which stamps and fragments the last render read and asks
for them together at the first `{% fragment %}`: a dead or hanging Redis there must cost one
short timeout at most and give a render from the database, never a 500 or a hang; once Redis
is back the parts are cached again, and nothing the hint remembers from before the outage is
shown in place of what was published meanwhile.
"""

import logging
import time

import pytest
from django.conf import settings as django_settings
from django.test import Client

from caching import fragment_prefetch, resilient_cache
from tests.conftest import aware, resilient_cache_settings

pytestmark = pytest.mark.django_db

NEWEST = "Đại hội thi đua yêu nước tỉnh Kon Tum"
OLDER = "Mùa cà phê Đăk Hà"
# A page answers within one socket timeout (the first cache call that meets the fault; the
# circuit breaker spares the others) plus the render itself, on a busy shared machine.
RENDER_MARGIN = 1.0
# Long enough that a page making a handful of cache calls, each waiting for its own
# timeout, could not answer within the bound.
PAUSE_MS = 4000
SITE_STAMP_KEY = "kontum:1:stamp:site"  # KEY_PREFIX:VERSION:key (caching/content_versions.py)


@pytest.fixture
def newsroom(make_story):
    older = make_story(title=OLDER, tags=["Thi đua"], date=aware(2026, 11, 1))
    newest = make_story(title=NEWEST, tags=["Thi đua"], date=aware(2026, 11, 30))
    return {"older": older, "newest": newest}


@pytest.fixture
def redis(newsroom, private_redis, settings):
    """The production cache backend and its options, on a private Redis (built after the
    stories: the cache starts empty, as after a deploy)."""
    caches = resilient_cache_settings(private_redis.url)
    caches["default"]["OPTIONS"]["health_check_interval"] = 30  # as in settings/base.py
    settings.CACHES = caches
    settings.FRAGMENT_CACHE_ENABLED = True
    resilient_cache._Breaker.down_since = None
    resilient_cache._Breaker.retry_at = 0.0
    yield private_redis
    resilient_cache._Breaker.down_since = None
    resilient_cache._Breaker.retry_at = 0.0


def pages(newsroom):
    """Address → what a reader must find there."""
    newest = newsroom["newest"]
    index = newest.get_parent().url
    return {"/": NEWEST, newest.url: NEWEST, f"{index}chu-de/thi-dua/": OLDER}


def timeout_bound():
    options = django_settings.CACHES["default"]["OPTIONS"]
    return options["socket_connect_timeout"] + options["socket_timeout"] + RENDER_MARGIN


def timed_get(client, url):
    started = time.perf_counter()
    response = client.get(url)  # the test client re-raises whatever the view raised
    return response, time.perf_counter() - started


def lead(html):
    return html.split('class="home-lead"', 1)[1].split("</section>", 1)[0]


def commands(redis_client):
    """Commands Redis has run, the INFO asking for it left out."""
    return redis_client.info("stats")["total_commands_processed"]


def warm(client, urls):
    """Each page rendered twice: its parts are in Redis and its address's hint remembers them."""
    for url in urls:
        for _ in range(2):
            assert client.get(url).status_code == 200, url
    assert set(urls) <= {path for _host, path, _query in fragment_prefetch._hints}


def test_redis_gone_with_the_hint_warm_pages_answer_from_the_database(newsroom, redis, caplog):
    client = Client()
    expected = pages(newsroom)
    warm(client, expected)
    redis.kill()

    caplog.set_level(logging.WARNING)
    for url, text in expected.items():
        response, elapsed = timed_get(client, url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
        assert elapsed < 2.0, (url, elapsed)
    assert NEWEST in lead(client.get("/").content.decode())
    assert not [r for r in caplog.records if r.name == "django.request"]
    outages = [r for r in caplog.records if "Cache unavailable" in r.getMessage()]
    assert len(outages) == 1


def test_redis_paused_pages_answer_within_one_timeout(newsroom, redis, settings):
    """Redis accepts connections and answers nothing (CLIENT PAUSE): the first cache call
    waits for the socket timeout, the breaker spares the rest of the page and the next pages."""
    client = Client()
    expected = pages(newsroom)
    warm(client, expected)
    redis.client().execute_command("CLIENT", "PAUSE", str(PAUSE_MS), "ALL")
    paused_at = time.monotonic()

    for url, text in expected.items():
        response, elapsed = timed_get(client, url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
        assert elapsed < timeout_bound(), (url, elapsed)
    assert time.monotonic() - paused_at < PAUSE_MS / 1000  # all answered during the pause


def _fault_at_first_fragment(monkeypatch, fault, then=None):
    """Meet `fault()` just as the render reaches its first fragment, i.e. in the prefetch's
    own round trip (every cache call before it in the request worked), then `then()` if
    given; returns a list that says, for the faulted request, whether the prefetch met the
    fault (the breaker opened)."""
    original = fragment_prefetch.prefetch_once
    met = []

    def prefetch_once(request):
        memo = fragment_prefetch._memo()
        if met or memo is None or "fragments" in memo:
            return original(request)
        assert resilient_cache._Breaker.down_since is None  # Redis worked until now
        fault()
        original(request)
        met.append(resilient_cache._Breaker.down_since is not None)
        if then is not None:
            then()

    monkeypatch.setattr(fragment_prefetch, "prefetch_once", prefetch_once)
    return met


@pytest.mark.parametrize("fault", ["killed", "paused"])
def test_redis_failing_at_the_first_fragment_costs_one_timeout(
    newsroom, redis, settings, monkeypatch, fault
):
    """The prefetch's `get_many` meets the fault: the page is rendered from the database."""
    settings.PAGE_CACHE_ENABLED = False  # every request renders from the parts
    client = Client()
    expected = pages(newsroom)
    warm(client, expected)

    def break_redis():
        if fault == "killed":
            redis.kill()
        else:
            redis.client().execute_command("CLIENT", "PAUSE", str(PAUSE_MS), "ALL")

    met = _fault_at_first_fragment(monkeypatch, break_redis)
    for url, text in expected.items():
        response, elapsed = timed_get(client, url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
        assert elapsed < timeout_bound(), (url, elapsed)
    assert met == [True]
    assert NEWEST in lead(client.get("/").content.decode())


def test_redis_back_in_the_middle_of_a_render_the_page_is_whole(
    newsroom, redis, settings, monkeypatch
):
    """Redis fails at the first fragment (after the request read the site stamp) and is back
    before the render's next stamp read: that read ends the outage, and the recovery (every
    cached part renewed: a new site stamp) happens inside it. The page is still whole and
    reads the new site stamp: no 500 (it was a KeyError on the site stamp)."""
    settings.PAGE_CACHE_ENABLED = False  # every request renders from the parts
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.2)
    client = Client()
    expected = pages(newsroom)
    warm(client, expected)
    site_stamp = redis.client().get(SITE_STAMP_KEY)
    assert site_stamp is not None

    def outage():
        redis.client().save()  # it comes back with what it held
        redis.kill()

    def back():
        redis.start()
        time.sleep(0.3)  # the render goes on past the breaker's pause

    met = _fault_at_first_fragment(monkeypatch, outage, then=back)
    response = client.get("/")
    assert response.status_code == 200
    assert met == [True]
    assert NEWEST in lead(response.content.decode())
    assert redis.client().get(SITE_STAMP_KEY) != site_stamp  # every part renewed
    for url, text in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_redis_back_the_parts_are_cached_again_and_nothing_stale_is_shown(
    newsroom, redis, settings, monkeypatch
):
    """Redis comes back from its last snapshot, holding the stamps and parts from before
    the outage; a story published meanwhile lost its stamp bumps. The recovery renews every
    part, so the home shows the story at once, then renders from the cache again."""
    from news.models import ArticlePage

    settings.PAGE_CACHE_ENABLED = False  # every request renders from the parts
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.2)
    client = Client()
    expected = pages(newsroom)
    warm(client, expected)
    redis.client().save()  # what Redis will come back with
    redis.kill()
    assert NEWEST in lead(client.get("/").content.decode())

    index = newsroom["newest"].get_parent()
    story = index.add_child(instance=ArticlePage(title="Tin đăng khi Redis vắng", lead="Sapo."))
    story.save_revision().publish()  # as the admin publishes: its bumps and purges are lost
    html = client.get("/").content.decode()
    assert "Tin đăng khi Redis vắng" in lead(html)  # no cache: rendered from the database

    redis.start()  # reloads the snapshot: the old stamps and the old home parts
    time.sleep(0.3)  # the breaker lets Redis be asked again
    stored = redis.client()
    assert any(b"frag:home-lead" in key for key in stored.scan_iter("*frag:*"))
    response = client.get("/")
    assert response.status_code == 200
    assert "Tin đăng khi Redis vắng" in lead(response.content.decode())
    assert NEWEST in response.content.decode()

    # The parts are cached again: a render of each page asks Redis in a few commands.
    for url in expected:
        client.get(url)
    before = commands(stored)
    html = client.get("/").content.decode()
    used = commands(stored) - before - 1
    assert "Tin đăng khi Redis vắng" in lead(html)
    assert used <= 8, used

    # Published now, with Redis up: the warm hint does not keep the old home.
    second = index.add_child(instance=ArticlePage(title="Tin đăng sau khi Redis về", lead="Sapo."))
    second.save_revision().publish()
    assert "Tin đăng sau khi Redis về" in lead(client.get("/").content.decode())
    for url, text in expected.items():
        assert text in client.get(url).content.decode(), url
