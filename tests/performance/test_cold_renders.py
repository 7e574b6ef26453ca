"""A render from nothing (no page cache, no cached fragment: the bench's "cold" rows, what
every reader gets right after a publication) costs a fixed, small number of round trips.

Served as `make bench` ships it without Redis: Django's database cache, so every cache
read or write is an SQL query and is counted with the rest. Wagtail's `{% picture %}`
asks the cache for each picture and writes each rendition back unless the renditions came
with the image, and each `page.url` without the request asks the cache for the site's root
paths: both grew with the number of cards on a page (191 queries for the bench's home page,
194 for a tag page, 119 for a story).
"""

import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment, Status
from tests.conftest import aware

pytestmark = pytest.mark.django_db

# Editions add 2 to every page: the active locale (Wagtail's routing) and the locales' ids (a
# cache read); the page's versions (hreflang, the edition links, "Đọc bằng tiếng…") one more
# only when a second edition exists, and this site has one.
HOME_BUDGET = 17  # 29 before the per-request reads of issue 26 (stamps, site values)
TAG_BUDGET = 11  # 21 before
STORY_BUDGET = 20  # with or without comments; 32 before


@pytest.fixture(autouse=True)
def _cold_with_the_database_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kontum_cache",
        }
    }
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = False
    yield
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def newsroom(news_index, make_story, make_reporter, make_image, make_exemplar, campaign):
    exemplar = make_exemplar("Y Liên", awards=[{"year": 2020}])
    exemplar.featured = True
    exemplar.save_revision().publish()
    reporter = make_reporter("Trần Văn Bình")
    images = [make_image(f"Ảnh {n}") for n in range(3)]

    def grow_to(total):
        from news.models import ArticlePage

        for n in range(ArticlePage.objects.count(), total):
            make_story(
                title=f"Tuyên dương điển hình số {n}",
                tags=["Thi đua", f"Chủ đề {n % 3}"],
                reporters=[reporter],
                image=images[n % 3],
                date=aware(2020, 1 + n % 12, 1 + n % 28),
                campaign=campaign,
            )
        stories = ArticlePage.objects.order_by("pk")
        return stories.first(), stories.last()

    return grow_to


def comment_on(story, count):
    Comment.objects.bulk_create(
        Comment(
            page=story,
            author_name=f"Bạn đọc {n}",
            author_email=f"b{n}@example.invalid",
            body=f"Ý kiến số {n}",
            body_hash=f"{n:064d}",
            status=Status.APPROVED,
            visible=True,
        )
        for n in range(count)
    )


def cold_render(client, url):
    client.get(url)  # routes, settings and renditions are made once, as on a running site
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [query["sql"] for query in captured.captured_queries]


def test_a_cold_render_costs_the_same_with_4_or_16_stories_on_the_page(client, newsroom):
    _first, last = newsroom(5)
    urls = {"/": HOME_BUDGET, "/tin-tuc/chu-de/thi-dua/": TAG_BUDGET, last.url: STORY_BUDGET}
    small = {url: len(cold_render(client, url)[1]) for url in urls}
    _first, last_large = newsroom(16)
    urls[last_large.url] = urls.pop(last.url)
    large = {url: len(cold_render(client, url)[1]) for url in urls}
    assert all(large[url] <= budget for url, budget in urls.items()), large
    assert sorted(small.values()) == sorted(large.values()), (small, large)


def test_a_cold_render_writes_nothing_to_the_cache(client, newsroom):
    first, last = newsroom(8)
    comment_on(first, 30)
    for url in ("/", "/tin-tuc/chu-de/thi-dua/", first.url, last.url):
        response, sql = cold_render(client, url)
        writes = [q for q in sql if q.startswith(("INSERT", "UPDATE", "DELETE"))]
        assert writes == [], (url, writes)
        assert b"<picture" in response.content, url


def test_a_story_with_comments_costs_one_query_more_than_one_without(client, newsroom):
    first, last = newsroom(6)
    comment_on(first, 200)
    _response, with_comments = cold_render(client, first.url)
    _response, without = cold_render(client, last.url)
    assert len(with_comments) <= STORY_BUDGET
    # The threads' one query, whatever their number; a story without any asks for none.
    assert len(with_comments) == len(without) + 1, (len(with_comments), len(without))


def cache_reads(sql):
    """The keys of each read of the database cache, one list per round trip."""
    import re

    return [
        re.findall(r"'([^']+)'", query.split(" IN ", 1)[1])
        for query in sql
        if query.startswith('SELECT "cache_key", "value", "expires" FROM "kontum_cache"')
    ]


def test_a_cold_render_reads_each_cached_value_once(client, newsroom):
    """Each content stamp, and what is kept under the site stamp (the Site and its root
    page, the site root paths, the settings, the restricted paths, the menus), is asked of
    the cache once per request, those kept under the site stamp together in one round trip.
    Before (issue 26), a render read the site stamp 4-7 times, the restricted paths 2-6 times,
    the settings and the site root paths once per use, and asked the database for the Site,
    the root page and the menus on every page."""
    first, last = newsroom(6)
    for url in ("/", "/tin-tuc/chu-de/thi-dua/", first.url):
        _response, sql = cold_render(client, url)
        reads = cache_reads(sql)
        keys = [key for round_trip in reads for key in round_trip]
        assert len(keys) == len(set(keys)), (url, sorted(keys))
        assert sum(key.endswith(":stamp:site") for key in keys) == 1, (url, keys)
        under_site = [trip for trip in reads if any(":sitevalue:" in key for key in trip)]
        assert len(under_site) == 1, (url, under_site)
        assert not [q for q in sql if 'FROM "wagtailcore_site"' in q], url
        assert not [q for q in sql if 'FROM "wagtailcore_pageviewrestriction"' in q], url


def test_a_long_lived_process_still_reads_the_site_values_in_one_round_trip(client, newsroom):
    """A process remembers the names of the values kept under the site stamp (at most
    MAX_NAMES) to ask for them all at once. One that has seen more names than that (a long
    test run's worker, a process that served many sites) once stopped learning and read each
    newer value alone: eight round trips a render. Now it forgets the oldest names."""
    from caching import site_values

    first, _last = newsroom(4)
    saved = dict(site_values._known)
    try:
        for n in range(site_values.MAX_NAMES + 50):  # names asked for long ago
            site_values._known[f"trang-cu:{n}"] = None
        for url in ("/", first.url):
            _response, sql = cold_render(client, url)
            under_site = [
                trip for trip in cache_reads(sql) if any(":sitevalue:" in key for key in trip)
            ]
            assert len(under_site) == 1, (url, under_site)
        assert len(site_values._known) == site_values.MAX_NAMES
    finally:
        site_values._known.clear()
        site_values._known.update(saved)


def python_calls(client, url):
    """The Python function calls of a render from nothing: its CPU work, counted the same on
    every run for given versions of Python and the packages (a millisecond is about 1,400
    calls on ours)."""
    client.get(url)
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        response = client.get(url)
    finally:
        sys.setprofile(None)
    assert response.status_code == 200, url
    return calls


# The Python work of a render from nothing, pinned: story cards and pictures written without
# a template include each and without Wagtail's lazy escaping, the comment form's widgets
# without templates, page URLs without a reverse each, listings reading the columns their
# cards show, the home's index pages as site values, no thread query without comments, the
# related ranking as one written-out statement (news/models/related.py), the listings and a
# story's own rows as compiled statements (base/statements.py).
# Measured 15,000 / 17,600 / 17,900 in a warm checkout on SQLite (24,600 / 20,800 / 28,000
# before the compiled statements); a fresh clone's `.ci/run` measured some 1,700 more (which
# caches a test process has filled first varies with the order tests run in); PostgreSQL ~3 %
# more. Before (c21247c) 38,100 / 28,600 / 40,300.
CALL_BUDGETS = {"/": 17_500, "/tin-tuc/chu-de/thi-dua/": 20_500, "story": 20_500}


def test_a_cold_render_does_a_pinned_amount_of_python_work(client, newsroom):
    _first, last = newsroom(16)
    found = {url: python_calls(client, last.url if url == "story" else url) for url in CALL_BUDGETS}
    assert all(found[url] <= budget for url, budget in CALL_BUDGETS.items()), found


def test_the_breaking_news_banner_reads_an_index_not_every_story():
    """The first home render after each publication asks for the newest breaking story
    (its cached answer is kept under the home's listing stamp): without an index it scanned
    every story (9 ms at 20,000 on PostgreSQL). Few stories have a time: a partial index."""
    from news.models import ArticlePage

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, ArticlePage._meta.db_table)
    index = constraints.get("news_story_breaking_idx")
    assert index is not None and index["index"] and index["columns"] == ["breaking_until"]
