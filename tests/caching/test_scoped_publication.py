"""A publication invalidates what shows it, and nothing else (issue 26, item 1): a story in
Kinh tế leaves the Thể thao section, its stories and tag pages served from the page cache
with no query, while every page listing the new story shows it at once. The same for
unpublishing, retagging, a new title and a move."""

import pytest

from tests.conftest import aware

pytestmark = pytest.mark.django_db


def state(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def site(news_index, make_story, make_reporter):
    from news.models import SectionPage

    sections = {}
    for title, slug in (("Kinh tế", "kinh-te"), ("Thể thao", "the-thao")):
        section = news_index.add_child(instance=SectionPage(title=title, slug=slug))
        section.save_revision().publish()
        sections[slug] = section
    sport_reporter = make_reporter("Lê Văn Thể")
    money_reporter = make_reporter("Phạm Thị Kinh")
    sport = make_story(
        title="Đội bóng Kon Tum thắng trận",
        tags=["Bóng đá"],
        reporters=[sport_reporter],
        parent=sections["the-thao"],
        date=aware(2026, 11, 1),
    )
    sport_two = make_story(
        title="Giải bóng đá thiếu niên khai mạc",
        tags=["Bóng đá"],
        parent=sections["the-thao"],
        date=aware(2026, 11, 2),
    )
    make_story(
        title="Giá cà phê tăng",
        tags=["Giá cả"],
        reporters=[money_reporter],
        parent=sections["kinh-te"],
        date=aware(2026, 11, 3),
    )
    return {
        "news_index": news_index,
        "sections": sections,
        "sport": sport,
        "sport_two": sport_two,
        "sport_reporter": sport_reporter,
        "money_reporter": money_reporter,
    }


def sport_pages(site):
    index = site["news_index"]
    return [
        site["sections"]["the-thao"].url,
        site["sport"].url,
        site["sport_two"].url,
        f"{index.url}chu-de/bong-da/",
        f"{index.url}phong-vien/{site['sport_reporter'].slug}/",
    ]


def sport_stories(site):
    return [site["sport"].url, site["sport_two"].url]


def money_pages(site):
    index = site["news_index"]
    return [
        "/",
        index.url,
        site["sections"]["kinh-te"].url,
        f"{index.url}chu-de/gia-ca/",
        f"{index.url}phong-vien/{site['money_reporter'].slug}/",
    ]


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert state(client.get(url)) == "hit", url


def assert_served_from_cache(client, urls, django_assert_num_queries):
    for url in urls:
        with django_assert_num_queries(0):
            response = client.get(url)
        assert state(response) == "hit", url


def publish_money_story(make_story, site, title="Xuất khẩu cà phê kỷ lục"):
    return make_story(
        title=title,
        tags=["Giá cả"],
        reporters=[site["money_reporter"]],
        parent=site["sections"]["kinh-te"],
        date=aware(2026, 11, 20),
    )


def test_a_story_in_one_section_leaves_the_others_warm(
    client, site, make_story, django_assert_num_queries
):
    warm(client, sport_pages(site) + money_pages(site))
    story = publish_money_story(make_story, site)

    assert_served_from_cache(client, sport_pages(site), django_assert_num_queries)
    for url in money_pages(site):
        response = client.get(url)
        assert state(response) == "miss", url
        assert "Xuất khẩu cà phê kỷ lục" in response.content.decode(), url
    assert "Xuất khẩu cà phê kỷ lục" in client.get(story.url).content.decode()


def test_the_registry_stays_warm(client, site, make_story, django_assert_num_queries):
    from exemplars.models import ExemplarIndexPage

    registry = (
        site["news_index"]
        .get_parent()
        .add_child(instance=ExemplarIndexPage(title="Điển hình tiên tiến", slug="dien-hinh"))
    )
    registry.save_revision().publish()
    warm(client, [registry.url])
    publish_money_story(make_story, site)
    assert_served_from_cache(client, [registry.url], django_assert_num_queries)


def test_the_sitemap_and_the_section_feed_show_it_at_once(client, site, make_story):
    feed = site["sections"]["kinh-te"].specific.feed_url()
    client.get("/sitemap.xml")
    client.get(feed)
    story = publish_money_story(make_story, site)
    assert story.url in client.get("/sitemap.xml").content.decode()
    assert "Xuất khẩu cà phê kỷ lục" in client.get(feed).content.decode()


def test_unpublishing_leaves_its_listings_and_nothing_else(
    client, site, make_story, django_assert_num_queries
):
    story = publish_money_story(make_story, site)
    warm(client, sport_pages(site) + money_pages(site) + [story.url])
    story.unpublish()

    # The other section's stories are untouched; its listings renew only their "Đọc nhiều"
    # column (a story that was live may have ranked there: content_versions.RANKINGS).
    assert_served_from_cache(client, sport_stories(site), django_assert_num_queries)
    assert client.get(story.url).status_code == 404
    for url in money_pages(site):
        assert "Xuất khẩu cà phê kỷ lục" not in client.get(url).content.decode(), url


def test_retagging_updates_the_old_and_the_new_tag(
    client, site, make_story, django_assert_num_queries
):
    story = publish_money_story(make_story, site)
    index = site["news_index"]
    old_tag, new_tag = f"{index.url}chu-de/gia-ca/", f"{index.url}chu-de/xuat-khau/"
    unrelated = sport_stories(site)
    warm(client, [old_tag, *unrelated])

    story = story.specific.get_latest_revision_as_object()
    story.tags.set(["Xuất khẩu"])
    story.title = "Xuất khẩu cà phê lập kỷ lục mới"
    story.save_revision().publish()

    assert "Xuất khẩu cà phê" not in client.get(old_tag).content.decode()
    assert "Xuất khẩu cà phê lập kỷ lục mới" in client.get(new_tag).content.decode()
    assert_served_from_cache(client, unrelated, django_assert_num_queries)


def test_a_new_title_reaches_the_related_column_of_other_stories(client, site):
    sport, other = site["sport"], site["sport_two"]
    assert "Đội bóng Kon Tum thắng trận" in client.get(other.url).content.decode()
    assert state(client.get(other.url)) == "hit"

    story = sport.specific.get_latest_revision_as_object()
    story.title = "Đội bóng Kon Tum vô địch"
    story.save_revision().publish()

    page = client.get(other.url).content.decode()
    assert "Đội bóng Kon Tum vô địch" in page
    assert "Đội bóng Kon Tum thắng trận" not in page


def test_moving_a_story_moves_it_between_section_listings(client, site, make_story):
    story = publish_money_story(make_story, site)
    money, sport = site["sections"]["kinh-te"], site["sections"]["the-thao"]
    warm(client, [money.url, sport.url])
    story.move(sport, pos="last-child")

    assert "Xuất khẩu cà phê kỷ lục" not in client.get(money.url).content.decode()
    assert "Xuất khẩu cà phê kỷ lục" in client.get(sport.url).content.decode()
