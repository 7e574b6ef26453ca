"""The home page's blocks are cached under what they show (issue 26, item 1): a story's
publication renders the lead and the latest stories again and leaves the exemplars and the
campaigns warm (no query for them); a record's publication renews its own block at once;
"ongoing campaigns" follow the date."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import aware

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(home_page, news_index, make_story, make_exemplar):
    from campaigns.models import CampaignIndexPage, CampaignPage

    make_story(title="Tin đầu tiên", date=aware(2026, 11, 1))
    make_exemplar(title="Y Nhi", featured=True)
    index = home_page.add_child(
        instance=CampaignIndexPage(title="Phong trào thi đua", slug="phong-trao")
    )
    index.save_revision().publish()
    today = timezone.localdate()
    campaign = index.add_child(
        instance=CampaignPage(
            title="Thi đua chào mừng đại hội",
            plan_number="12/KH-UBND",
            start_date=today - timedelta(days=30),
            end_date=today,
        )
    )
    campaign.save_revision().publish()
    return home_page


def tables_read(queries):
    return {
        app
        for query in queries
        for app in ("exemplars_", "campaigns_", "news_")
        if f'"{app}' in query["sql"]
    }


def test_a_story_leaves_the_exemplars_and_campaigns_warm(client, home, make_story):
    first = client.get("/").content.decode()
    assert "Y Nhi" in first and "Thi đua chào mừng đại hội" in first

    make_story(title="Tin mới đăng", date=aware(2026, 11, 30))  # published through Wagtail
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    html = response.content.decode()
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Tin mới đăng" in html
    assert "Y Nhi" in html and "Thi đua chào mừng đại hội" in html
    read = tables_read(queries.captured_queries)
    assert "news_" in read  # the latest stories were read again
    assert not read & {"exemplars_", "campaigns_"}


def test_a_new_featured_record_shows_at_once(client, home, make_exemplar):
    client.get("/")
    make_exemplar(title="A Sáu", featured=True)
    assert "A Sáu" in client.get("/").content.decode()


def test_ongoing_campaigns_follow_the_date(client, home, monkeypatch):
    from caching import page_cache

    assert "Thi đua chào mừng đại hội" in client.get("/").content.decode()
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    page_cache.purge_paths(["/"])  # the whole-page entry lives minutes, not a day
    html = client.get("/").content.decode()
    assert (
        "Thi đua chào mừng đại hội"
        not in html.split('class="home-campaigns"')[1].split("</section>")[0]
    )


def test_a_home_render_from_its_parts_reads_no_story_or_live_blog(client, home, settings):
    """The breaking-news banner and the "Trực tiếp" badge are read on every home render,
    outside the cached blocks: they are kept in the cache under the stamps that move them
    (the home's listing, the site), not asked of the database each time."""
    settings.PAGE_CACHE_ENABLED = False  # a render from the cached parts, every time
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    read = [q["sql"] for q in queries.captured_queries]
    assert not [sql for sql in read if '"news_articlepage"' in sql or "liveblog_" in sql], read


def test_a_render_from_parts_asks_redis_in_a_few_round_trips(client, home, settings, redis_cache):
    """The stamps and fragments a page read last time are asked for together
    (caching/fragment_prefetch.py): a render of the home from its cached parts took one
    round trip per stamp and per fragment (about 20), Redis itself counting the commands."""
    settings.PAGE_CACHE_ENABLED = False  # a render from the cached parts, every time
    redis = redis_cache.client()
    client.get("/")
    client.get("/")

    def commands():
        return redis.info("stats")["total_commands_processed"]

    before = commands()
    html = client.get("/").content.decode()
    used = commands() - before - 1  # the INFO itself
    assert "Y Nhi" in html and "Tin đầu tiên" in html
    assert used <= 8, used
