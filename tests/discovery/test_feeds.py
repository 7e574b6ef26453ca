"""RSS 2.0 and Atom feeds: validity, dates with the time zone, escaping, enclosures, privacy."""

from datetime import timedelta

import feedparser
import pytest

from tests.conftest import aware

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = "Tin <b>đậm</b> & \"trích dẫn\" 'đơn'"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def test_latest_feed_lists_live_stories_newest_first(client, corpus, make_story):
    make_story(title="Bản nháp chưa duyệt", publish=False)
    response, feed = parse(client, "/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == corpus["hcm"].title
    assert "Bản nháp chưa duyệt" not in titles
    assert len(titles) == len(corpus)
    entry = feed.entries[0]
    assert entry.link.endswith(corpus["hcm"].url)
    assert entry.summary == corpus["hcm"].lead
    assert entry.author == "Trần Văn Hùng"


def test_dates_carry_the_site_time_zone(client, make_story):
    make_story(title="Tin lúc 7 giờ sáng", date=aware(2026, 11, 23, 7))
    response, feed = parse(client, "/rss/")
    assert b"<pubDate>Mon, 23 Nov 2026 07:00:00 +0700</pubDate>" in response.content
    published = feed.entries[0].published_parsed  # feedparser gives UTC
    assert (published.tm_hour, published.tm_mday) == (0, 23)


def test_titles_summaries_and_authors_are_escaped(client, make_story, make_reporter):
    reporter = make_reporter("Lê <i>Văn</i> & Hòa", email="bi-mat@example.invalid")
    make_story(title=HOSTILE_TITLE, lead="Sapo <script>x</script> & hơn", reporters=[reporter])
    for url in ("/rss/", "/rss/atom/"):
        response, feed = parse(client, url)
        assert feed.entries[0].title == HOSTILE_TITLE
        assert b"<b>" not in response.content and b"<script>" not in response.content
        assert "Lê <i>Văn</i> & Hòa" in feed.entries[0].author
        assert b"bi-mat@example.invalid" not in response.content
        assert b"@" not in response.content.replace(b"xmlns", b"")


def test_featured_image_is_media_content_with_its_size(client, make_story, make_image):
    make_story(title="Tin có ảnh", image=make_image("Ảnh đại hội"))
    for url in ("/rss/", "/rss/atom/"):
        _, feed = parse(client, url)
        entry = feed.entries[0]
        assert entry.enclosures == []  # a picture is not an enclosure (those are for podcasts)
        (media,) = entry.media_content
        assert media["medium"] == "image" and media["type"] == "image/jpeg"
        assert (media["width"], media["height"]) == ("1200", "630")
        assert "card-1200x630" in media["url"] and media["url"].startswith("http://localhost/")


def test_tag_and_reporter_feeds(client, corpus):
    _, by_tag = parse(client, "/rss/chu-de/nong-thon-moi/")
    assert {e.title for e in by_tag.entries} == {corpus["rural"].title, corpus["road"].title}
    assert "Nông thôn mới" in by_tag.feed.title
    _, by_reporter = parse(client, "/rss/phong-vien/tran-van-hung/")
    assert len(by_reporter.entries) == len(corpus)
    assert client.get("/rss/chu-de/khong-co/").status_code == 404
    assert client.get("/rss/phong-vien/khong-co/").status_code == 404


def test_atom_feed(client, corpus):
    response, feed = parse(client, "/rss/atom/")
    assert feed.version == "atom10"
    assert response["Content-Type"].startswith("application/atom+xml")
    updated = feed.entries[0].updated
    assert updated.endswith("+07:00")


def test_feed_is_capped_and_query_count_constant(client, make_story, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get("/rss/")
        with CaptureQueriesContext(connection) as ctx:
            client.get("/rss/")
        return len(ctx.captured_queries)

    for n in range(3):
        make_story(title=f"Tin {n}", date=aware(2026, 1, 1) + timedelta(hours=n))
    small = count()
    for n in range(3, 35):
        make_story(title=f"Tin {n}", date=aware(2026, 1, 1) + timedelta(hours=n))
    assert count() == small
    _, feed = parse(client, "/rss/")
    assert len(feed.entries) == 30


def test_pages_advertise_their_feeds(client, corpus):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in home and 'href="/rss/"' in home
    tag_page = client.get("/tin-tuc/chu-de/nong-thon-moi/").content.decode()
    assert 'href="/rss/chu-de/nong-thon-moi/"' in tag_page
    reporter_page = client.get("/tin-tuc/phong-vien/tran-van-hung/").content.decode()
    assert 'href="/rss/phong-vien/tran-van-hung/"' in reporter_page
