"""Anonymous requests cannot grow the page cache without bound (issue 21, item 6).

The page cache keys only the query parameters a page reads: a request with any other
parameter is rendered but not stored, and one page path keeps at most
PAGE_CACHE_VARIANTS_PER_PATH variants (e.g. ?page=1…?page=99999) per generation.
"""

import secrets

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


def page_entries():
    """Stored pages in the local-memory cache (the test settings' default cache)."""
    return [key for key in cache._cache if ":pagecache:page:" in key]


def state(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def story(make_story):
    return make_story(title="Khen thưởng điển hình tiên tiến")


def test_400_random_query_strings_store_no_page(story, news_index):
    reader = Client()

    def fragments():
        return len([key for key in cache._cache if ":frag:" in key])

    def random_round():
        name, value = secrets.token_hex(4), secrets.token_hex(8)
        assert reader.get(f"{story.url}?{name}={value}").status_code == 200
        assert reader.get(f"{news_index.url}?utm_{name}={value}").status_code == 200

    random_round()
    parts_of_two_pages = fragments()
    for _n in range(49):
        random_round()
    assert page_entries() == []  # was 395 entries of 26 kB on main
    # Nor cached parts of them: fragments vary only on the parameters a page reads, so 49 more
    # random query strings add none to the parts of the two pages.
    assert fragments() == parts_of_two_pages
    # The pages themselves are still cached, with the parameters they read.
    assert state(reader.get(story.url)) == "miss"
    assert state(reader.get(story.url)) == "hit"
    assert state(reader.get(f"{news_index.url}?tag=thi-dua&page=1")) == "miss"
    assert state(reader.get(f"{news_index.url}?page=1&tag=thi-dua")) == "hit"  # any order
    assert len(page_entries()) == 2


def test_a_page_keeps_a_bounded_number_of_variants(story, news_index, settings):
    settings.PAGE_CACHE_VARIANTS_PER_PATH = 20
    reader = Client()
    for n in range(60):
        response = reader.get(f"{news_index.url}?page={secrets.randbelow(10**9) + n}")
        assert response.status_code == 200  # the nearest real page, rendered
    assert len(page_entries()) == 20
    # A publication (a new generation) starts a new count.
    story.save_revision().publish()
    assert state(reader.get(f"{news_index.url}?page=2")) == "miss"
    assert state(reader.get(f"{news_index.url}?page=2")) == "hit"


def test_a_parameter_a_page_does_not_read_is_not_stored_but_still_served(story, news_index):
    reader = Client()
    # ?tag= is read by the news listing, not by a story page.
    for _n in range(2):
        response = reader.get(f"{story.url}?tag=thi-dua")
        assert response.status_code == 200 and state(response) is None  # rendered, not stored
    assert state(reader.get(f"{news_index.url}?tag=thi-dua")) == "miss"
    assert state(reader.get(f"{news_index.url}?tag=thi-dua")) == "hit"


def test_random_query_strings_on_the_sitemap_store_nothing(story):
    reader = Client()
    assert reader.get("/sitemap.xml").status_code == 200
    stored = len(cache._cache)
    for _n in range(50):
        response = reader.get(f"/sitemap.xml?{secrets.token_hex(4)}={secrets.token_hex(8)}")
        assert response.status_code == 200 and story.url in response.content.decode()
    assert len(cache._cache) == stored  # was one copy of the sitemap per address, kept 7 days
