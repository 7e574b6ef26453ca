"""The demo has an English and a Ba Na edition: their own homes, menus, translated stories
linked to their Vietnamese sources, and a programme each with its podcast feed."""

from io import StringIO

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(("prefix", "menu_item"), [("/en/", "News"), ("/bdq/", "Hơ̆nam pơlei")])
def test_each_edition_has_its_own_home_and_menu(client, demo, prefix, menu_item):
    page = html(client, prefix)
    assert page.html["lang"] == prefix.strip("/")
    menu = [a.get_text(strip=True) for a in page.select(".site-nav__list a")]
    assert menu_item in menu
    assert "Tin tức" not in menu  # the Vietnamese sections stay in the Vietnamese edition
    assert page.select_one(".brand")["href"] == prefix


def test_translated_stories_link_to_their_sources(client, demo):
    from news.models import ArticlePage

    english = ArticlePage.objects.filter(locale__language_code="en").live()
    ba_na = ArticlePage.objects.filter(locale__language_code="bdq").live()
    assert english.count() == 3 and ba_na.count() == 2
    for story in [*english, *ba_na]:
        source = story.get_translation(_vi())
        links = {
            link["hreflang"]: link["href"]
            for link in html(client, story.url).select('link[rel="alternate"][hreflang]')
        }
        assert links["vi"].endswith(source.url) and links["x-default"].endswith(source.url)
        code = story.locale.language_code
        assert links[code].endswith(story.url)


def _vi():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="vi")


@pytest.mark.parametrize("code", ["en", "bdq"])
def test_each_edition_has_a_programme_with_a_podcast_in_its_language(client, demo, code):
    from programmes.models import EpisodePage, ProgrammePage

    programme = ProgrammePage.objects.get(locale__language_code=code)
    assert programme.url.startswith(f"/{code}/")
    assert EpisodePage.objects.child_of(programme).live().exists()
    feed = feedparser.parse(client.get(programme.podcast_url()).content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == code
    assert feed.entries


def test_the_demo_editions_are_made_once(client, demo):
    from wagtail.models import Page

    before = Page.objects.filter(locale__language_code__in=["en", "bdq"]).count()
    call_command("load_demo", stdout=StringIO())
    assert Page.objects.filter(locale__language_code__in=["en", "bdq"]).count() == before


def test_a_programme_made_in_an_edition_is_in_its_language(home_page, make_edition):
    from programmes.models import ProgrammeIndexPage, ProgrammePage

    jarai = make_edition("jra", "Kon Tum Online")
    index = jarai.add_child(instance=ProgrammeIndexPage(title="Chương trình", slug="ct"))
    programme = index.add_child(
        instance=ProgrammePage(title="Chương trình Gia Rai", slug="gia-rai", description="…")
    )
    assert programme.locale.language_code == "jra" and programme.language == "jra"
