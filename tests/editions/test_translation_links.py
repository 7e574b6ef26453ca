"""A story and its translations link to each other (issue 28, item 2): "Đọc bằng tiếng…" on
the page (hreflang, and lang for the language the link's text is really in), a new
translation shows on cached pages, and the read API's detail lists them."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def read_in(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    page = BeautifulSoup(response.content, "html.parser")
    return [
        (a["href"], a["hreflang"], a["lang"], a.get_text(strip=True))
        for a in page.select("ul.read-in a")
    ]


@pytest.fixture
def three_versions(make_story, make_edition, translate, news_index):
    story = make_story(title="Lễ hội cồng chiêng ở Kon Plông")
    make_edition("en", "Kon Tum Online")
    make_edition("bdq", "Kon Tum Online")
    english = translate(story, "en", title="Gong festival in Kon Plông")
    ba_na = translate(story, "bdq", title="Yă cing chêng tơ Kon Plông")
    return story, english, ba_na


def test_a_story_links_to_its_translations_in_the_readers_language(client, three_versions):
    story, english, ba_na = three_versions
    assert read_in(client, story.url) == [
        (english.url, "en", "vi", "Đọc bằng tiếng Anh"),
        (ba_na.url, "bdq", "vi", "Đọc bằng tiếng Ba Na"),
    ]
    assert read_in(client, english.url) == [
        (story.url, "vi", "en", "Read in Vietnamese"),
        (ba_na.url, "bdq", "en", "Read in Bahnar"),
    ]
    # The Ba Na interface has no translation of the link yet: it is Vietnamese, marked so.
    assert read_in(client, ba_na.url) == [
        (story.url, "vi", "vi", "Đọc bằng tiếng Việt"),
        (english.url, "en", "vi", "Đọc bằng tiếng Anh"),
    ]


def test_a_story_without_translations_has_no_links(client, make_story, make_edition):
    story = make_story(title="Tin chỉ có tiếng Việt")
    make_edition("en", "Kon Tum Online")
    assert read_in(client, story.url) == []


def test_a_new_translation_shows_on_the_cached_story(client, make_story, make_edition, translate):
    story = make_story(title="Lễ hội cồng chiêng ở Kon Plông")
    make_edition("en", "Kon Tum Online")
    assert read_in(client, story.url) == []
    assert read_in(client, story.url) == []  # now from the page cache
    english = translate(story, "en", title="Gong festival in Kon Plông")
    assert read_in(client, story.url) == [(english.url, "en", "vi", "Đọc bằng tiếng Anh")]
    english.unpublish()
    assert read_in(client, story.url) == []


def test_a_content_page_links_to_its_translation(client, home_page, make_edition, translate):
    from base.models import ContentPage

    page = ContentPage.objects.child_of(home_page).live().first()
    make_edition("en", "Kon Tum Online")
    english = translate(page, "en", title="Personal data policy")
    assert read_in(client, page.url) == [(english.url, "en", "vi", "Đọc bằng tiếng Anh")]


def story_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_links_cost_no_query_per_translation(client, three_versions, make_story, translate):
    story, _english, _ba_na = three_versions
    other = make_story(title="Tin có một bản dịch")
    translate(other, "en", title="A story with one translation")
    story_queries(client, other.url)  # warm what is read once per process
    assert story_queries(client, story.url) == story_queries(client, other.url)


def versions_queries(client, page):
    """The queries of a render of `page` that look for its versions (by its translation key)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    key = str(page.translation_key)
    return [q["sql"] for q in queries if key in q["sql"] or key.replace("-", "") in q["sql"]]


def test_a_site_with_one_edition_does_not_look_for_versions(
    client, make_story, make_edition, translate
):
    story = make_story(title="Lễ hội cồng chiêng ở Kon Plông")
    assert versions_queries(client, story) == []
    assert read_in(client, story.url) == []
    make_edition("en", "Kon Tum Online")
    english = translate(story, "en", title="Gong festival in Kon Plông")
    assert len(versions_queries(client, story)) == 1
    assert read_in(client, story.url) == [(english.url, "en", "vi", "Đọc bằng tiếng Anh")]


def api(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_detail_lists_the_translations(client, three_versions):
    story, english, ba_na = three_versions
    host = "http://localhost"
    data = api(client, f"/api/v2/pages/{story.pk}/")
    assert data["meta"]["locale"] == "vi"
    assert data["meta"]["translations"] == [
        {"id": english.pk, "locale": "en", "title": english.title, "url": host + english.url},
        {"id": ba_na.pk, "locale": "bdq", "title": ba_na.title, "url": host + ba_na.url},
    ]
    data = api(client, f"/api/v2/pages/{ba_na.pk}/")
    assert [item["locale"] for item in data["meta"]["translations"]] == ["vi", "en"]
    # A listing does not carry them; Wagtail's filters find a story's versions.
    listing = api(client, "/api/v2/pages/", translation_of=story.pk)
    assert {item["id"] for item in listing["items"]} == {english.pk, ba_na.pk}
    assert all("translations" not in item["meta"] for item in listing["items"])
    listing = api(client, "/api/v2/pages/", locale="bdq", type="news.ArticlePage")
    assert [item["id"] for item in listing["items"]] == [ba_na.pk]


def test_an_unpublished_translation_is_not_listed(client, three_versions):
    story, english, ba_na = three_versions
    ba_na.unpublish()
    data = api(client, f"/api/v2/pages/{story.pk}/")
    assert [item["id"] for item in data["meta"]["translations"]] == [english.pk]


def test_the_api_detail_costs_one_query_for_all_translations(
    client, three_versions, make_story, translate
):
    story, _english, _ba_na = three_versions
    other = make_story(title="Tin có một bản dịch")
    translate(other, "en", title="A story with one translation")

    def queries(page):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            api(client, f"/api/v2/pages/{page.pk}/")
        return len(captured)

    queries(other)
    assert queries(story) == queries(other)


def test_a_translated_story_is_marked_in_its_own_language(client, three_versions):
    for version, language in zip(three_versions, ("vi", "en", "bdq"), strict=True):
        page = BeautifulSoup(client.get(version.url).content, "html.parser")
        assert page.html["lang"] == language
        assert page.select_one("#article-title")["lang"] == language
        assert page.select_one(".article__lead")["lang"] == language
        assert page.select_one(".article__body")["lang"] == language
