"""Cached listing aggregates (month list, story count, popular tags) follow publishing."""

import pytest

from tests.conftest import aware

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def test_month_list_count_and_tags_follow_publish_and_unpublish(client, news_index, make_story):
    from news.home import popular_tags

    make_story(title="Tin tháng mười", date=aware(2020, 10, 5), tags=["Thi đua"])
    page = client.get("/tin-tuc/")
    assert [m.month for m in page.context["months"]] == [10]
    assert page.context["stories_page"].paginator.count == 1
    assert [tag.name for tag in popular_tags()] == ["Thi đua"]

    story = make_story(title="Tin tháng mười một", date=aware(2020, 11, 5), tags=["Nông thôn"])
    page = client.get("/tin-tuc/")
    assert [m.month for m in page.context["months"]] == [11, 10]
    assert page.context["stories_page"].paginator.count == 2
    assert {tag.name for tag in popular_tags()} == {"Thi đua", "Nông thôn"}

    story.unpublish()
    page = client.get("/tin-tuc/")
    assert [m.month for m in page.context["months"]] == [10]
    assert page.context["stories_page"].paginator.count == 1
    assert [tag.name for tag in popular_tags()] == ["Thi đua"]


def test_deferred_join_pages_keep_order(client, news_index, make_story):
    for day in range(1, 15):
        make_story(title=f"Tin ngày {day}", date=aware(2020, 3, day))
    page = client.get("/tin-tuc/?page=2").context["stories_page"]
    assert [story.title for story in page] == ["Tin ngày 2", "Tin ngày 1"]
    assert page.paginator.num_pages == 2
    assert client.get("/tin-tuc/?page=999").context["stories_page"].number == 2
