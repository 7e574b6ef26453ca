"""Everything per edition (issue 28, item 5): feeds, sitemaps, JSON-LD, search, tags, most
read, related stories, the read API, comments and cached fragments each show the edition being
read, never another edition's stories."""

import json
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

pytestmark = pytest.mark.django_db

HOST = "http://localhost"
VI_TITLE = "Đại hội thi đua yêu nước ở Đăk Tô"
EN_TITLE = "Dak To holds its patriotic emulation congress"
VI_ONLY_TITLE = "Nông thôn mới ở Đăk Tô về đích"


@pytest.fixture
def editions(make_story, make_edition, translate):
    """A Vietnamese story with its English translation, and a Vietnamese-only story sharing
    its tag (an hour old: in the news sitemaps)."""
    when = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    story = make_story(title=VI_TITLE, tags=["Thi đua"], date=when)
    vi_only = make_story(title=VI_ONLY_TITLE, tags=["Thi đua", "Nông thôn"], date=when)
    make_edition("en", "Kon Tum Online")
    english = translate(story, "en", title=EN_TITLE, lead="The province honours its best.")
    return {"vi": story, "vi_only": vi_only, "en": english}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return {entry.title for entry in feedparser.parse(response.content).entries}


def json_ld(response):
    found = []
    for script in soup(response).select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        found.extend(data if isinstance(data, list) else [data])
    return {item["@type"]: item for item in found}


# --- feeds -------------------------------------------------------------------------------


def test_each_edition_has_its_own_feeds(client, editions):
    vi = feedparser.parse(client.get("/rss/").content)
    assert {entry.title for entry in vi.entries} == {VI_TITLE, VI_ONLY_TITLE}
    assert vi.feed.language == "vi"
    assert vi.feed.link == HOST + "/"
    en = feedparser.parse(client.get("/en/rss/").content)
    assert {entry.title for entry in en.entries} == {EN_TITLE}
    assert en.feed.language == "en"
    assert en.feed.link == HOST + "/en/"
    assert en.entries[0].link == HOST + editions["en"].url
    assert editions["en"].url.startswith("/en/")
    # Atom, a tag's and a reporter-less section's feeds too.
    assert titles(client.get("/en/rss/atom/")) == {EN_TITLE}
    assert titles(client.get("/rss/chu-de/thi-dua/")) == {VI_TITLE, VI_ONLY_TITLE}
    assert titles(client.get("/en/rss/chu-de/thi-dua/")) == {EN_TITLE}
    assert feedparser.parse(client.get("/en/rss/chu-de/thi-dua/").content).feed.language == "en"


# --- sitemaps and robots.txt ---------------------------------------------------------------


def test_each_edition_has_its_own_sitemaps(client, editions):
    vi = client.get("/sitemap.xml").content.decode()
    en = client.get("/en/sitemap.xml").content.decode()
    assert HOST + editions["vi"].url in vi and HOST + editions["vi_only"].url in vi
    assert HOST + editions["en"].url not in vi
    assert HOST + editions["en"].url in en and f"<loc>{HOST}/en/</loc>" in en
    assert HOST + editions["vi"].url not in en and HOST + editions["vi_only"].url not in en
    # Served again from the cache: each edition keeps its own.
    assert client.get("/sitemap.xml").content.decode() == vi
    assert client.get("/en/sitemap.xml").content.decode() == en
    # An edition that does not exist has none.
    assert client.get("/jra/sitemap.xml").status_code == 404

    news_vi = client.get("/sitemap-news.xml").content.decode()
    news_en = client.get("/en/sitemap-news.xml").content.decode()
    assert VI_TITLE in news_vi and EN_TITLE not in news_vi
    assert "<news:language>vi</news:language>" in news_vi
    assert EN_TITLE in news_en and VI_TITLE not in news_en
    assert "<news:language>en</news:language>" in news_en
    assert "<news:language>vi</news:language>" not in news_en


def test_robots_txt_lists_every_editions_sitemaps(client, editions):
    robots = client.get("/robots.txt").content.decode()
    for address in ("/sitemap.xml", "/sitemap-news.xml", "/en/sitemap.xml", "/en/sitemap-news.xml"):
        assert f"Sitemap: {HOST}{address}" in robots
    assert "Disallow: /en/tim-kiem/" in robots
    assert "/bdq/" not in robots  # no Ba Na edition yet


# --- JSON-LD -------------------------------------------------------------------------------


def test_json_ld_speaks_the_pages_language(client, editions):
    assert json_ld(client.get(editions["vi"].url))["NewsArticle"]["inLanguage"] == "vi"
    assert json_ld(client.get(editions["en"].url))["NewsArticle"]["inLanguage"] == "en"
    assert json_ld(client.get("/"))["WebSite"]["inLanguage"] == "vi"
    assert json_ld(client.get("/en/"))["WebSite"]["inLanguage"] == "en"


def test_a_live_blogs_feed_and_json_ld_speak_its_language(client, news_index, make_edition):
    from wagtail.models import Locale

    from liveblog.models import FEED, LiveBlogPage

    make_edition("en", "Kon Tum Online")
    blog = news_index.add_child(instance=LiveBlogPage(title="Trực tiếp: bầu cử", slug="bau-cu"))
    blog.save_revision().publish()
    blog.refresh_from_db()
    english = blog.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Live: the election"
    english.save_revision().publish()
    english.refresh_from_db()
    assert json_ld(client.get(english.url))["LiveBlogPosting"]["inLanguage"] == "en"
    assert feedparser.parse(client.get(blog.url + FEED).content).feed.language == "vi"
    assert feedparser.parse(client.get(english.url + FEED).content).feed.language == "en"


# --- search --------------------------------------------------------------------------------


def result_titles(response):
    return {" ".join(h.get_text().split()) for h in soup(response).select(".search-result__title")}


def test_search_finds_only_the_editions_pages(client, editions):
    assert result_titles(client.get("/tim-kiem/", {"q": "dak to"})) == {VI_TITLE, VI_ONLY_TITLE}
    assert result_titles(client.get("/en/tim-kiem/", {"q": "dak to"})) == {EN_TITLE}
    assert result_titles(client.get("/tim-kiem/", {"q": "emulation"})) == set()


def test_search_without_marks_in_a_minority_language_edition(
    client, make_story, make_edition, translate
):
    story = make_story(title="Lễ hội mừng lúa mới ở làng Kon Klor")
    make_edition("bdq", "Kon Tum Online")
    bahnar = translate(story, "bdq", title="Ƀơ̆n et kơpal ba nao đĭ pơlei Kon Klor")
    found = result_titles(client.get("/bdq/tim-kiem/", {"q": "kon klor"}))
    assert found == {bahnar.title}
    found = result_titles(client.get("/tim-kiem/", {"q": "kon klor"}))
    assert found == {story.title}


# --- the home, tags, most read, related stories, the banner --------------------------------


def topics(html):
    return {" ".join(a.get_text().split()) for a in html.select(".home-tags li a")}


def test_homes_show_only_their_editions_stories_and_topics(client, editions):
    from news.models import DailyReads

    for story in editions.values():
        DailyReads.objects.create(page=story, day=timezone.localdate(), count=3)
    vi, en = soup(client.get("/")), soup(client.get("/en/"))
    vi_text, en_text = vi.get_text(" "), en.get_text(" ")
    assert VI_TITLE in vi_text and VI_ONLY_TITLE in vi_text and EN_TITLE not in vi_text
    assert EN_TITLE in en_text and VI_TITLE not in en_text and VI_ONLY_TITLE not in en_text
    most_read_vi = vi.select_one("section.most-read").get_text(" ")
    most_read_en = en.select_one("section.most-read").get_text(" ")
    assert VI_TITLE in most_read_vi and EN_TITLE not in most_read_vi
    assert EN_TITLE in most_read_en and VI_ONLY_TITLE not in most_read_en
    # Tags are shared; the topics list counts the edition's stories only.
    assert topics(vi) == {"Thi đua 2", "Nông thôn 1"}
    assert topics(en) == {"Thi đua 1"}


def test_the_breaking_banner_is_the_editions_own(client, editions):
    from news.models import ArticlePage

    until = timezone.now() + timedelta(hours=2)
    ArticlePage.objects.filter(pk=editions["vi_only"].pk).update(breaking_until=until)
    vi = soup(client.get("/")).select_one(".breaking-banner")
    assert vi is not None and VI_ONLY_TITLE in vi.get_text()
    assert soup(client.get("/en/")).select_one(".breaking-banner") is None


def test_related_stories_are_the_editions_own(client, editions, translate):
    english_other = translate(editions["vi_only"], "en", title="New countryside in Dak To")
    vi = soup(client.get(editions["vi"].url)).get_text(" ")
    assert VI_ONLY_TITLE in vi and english_other.title not in vi
    en = soup(client.get(editions["en"].url)).get_text(" ")
    assert english_other.title in en and VI_ONLY_TITLE not in en


def test_tag_pages_and_cached_fragments_stay_in_their_edition(client, editions, settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    # The Vietnamese home first (its fragments cached), then the English one, then again.
    for _ in range(2):
        vi = soup(client.get("/")).get_text(" ")
        en = soup(client.get("/en/")).get_text(" ")
        assert VI_TITLE in vi and EN_TITLE not in vi
        assert EN_TITLE in en and VI_TITLE not in en
    # The tag page of each edition's news index (tags are shared by every edition).
    text = soup(client.get("/tin-tuc/chu-de/thi-dua/")).get_text(" ")
    assert VI_TITLE in text and VI_ONLY_TITLE in text and EN_TITLE not in text
    text = soup(client.get("/en/tin-tuc/chu-de/thi-dua/")).get_text(" ")
    assert EN_TITLE in text and VI_TITLE not in text and VI_ONLY_TITLE not in text


# --- the read API --------------------------------------------------------------------------


def test_the_read_api_walks_one_edition(client, editions):
    listing = client.get("/api/v2/pages/", {"locale": "en", "type": "news.ArticlePage"}).json()
    assert [item["title"] for item in listing["items"]] == [EN_TITLE]
    for item in listing["items"]:
        detail = client.get(f"/api/v2/pages/{item['id']}/").json()
        assert detail["meta"]["locale"] == "en"
        assert detail["meta"]["html_url"] == HOST + editions["en"].url
    listing = client.get("/api/v2/pages/", {"locale": "vi", "type": "news.ArticlePage"}).json()
    assert {item["title"] for item in listing["items"]} == {VI_TITLE, VI_ONLY_TITLE}
    assert client.get("/api/v2/pages/", {"locale": "xx"}).status_code == 400


# --- comments ------------------------------------------------------------------------------


def post_comment(client, form, ip):
    import time

    from comments.forms import make_token

    page_id = int(form["action"].rstrip("/").rsplit("/", 1)[1])
    data = {
        "name": "Trần Văn Bình",
        "email": f"binh.{ip}@example.invalid",
        "body": "Bài viết rất hay.",
        "token": make_token(page_id, now=time.time() - 60),
        "website": "",
    }
    return client.post(form["action"], data, REMOTE_ADDR=ip, headers={"Accept": "application/json"})


def test_the_comment_form_and_its_messages_speak_the_editions_language(
    client, editions, make_edition, translate
):
    form = soup(client.get(editions["en"].url)).select_one("form#binh-luan-form")
    assert form["action"] == f"/en/binh-luan/gui/{editions['en'].pk}/"
    response = post_comment(client, form, "203.0.113.7")
    assert response.status_code == 201
    assert response.json()["message"] == "Thank you! Your comment is awaiting moderation."

    form = soup(client.get(editions["vi"].url)).select_one("form#binh-luan-form")
    assert form["action"] == f"/binh-luan/gui/{editions['vi'].pk}/"
    # Ba Na: the interface falls back to Vietnamese.
    make_edition("bdq", "Kon Tum Online")
    bahnar = translate(editions["vi_only"], "bdq", title="Pơlei nao đĭ Đăk Tô")
    form = soup(client.get(bahnar.url)).select_one("form#binh-luan-form")
    assert form["action"] == f"/bdq/binh-luan/gui/{bahnar.pk}/"
    message = post_comment(client, form, "198.51.100.9").json()["message"]
    assert message == "Cảm ơn bạn! Bình luận của bạn đang chờ kiểm duyệt."


def test_moderators_filter_the_queue_by_edition(client, editions, staff_user):
    from django.urls import reverse

    from comments.models import Comment, Status
    from tests.conftest import setup_roles

    setup_roles()
    for key, body in (("vi", "Ý kiến tiếng Việt"), ("en", "An English comment")):
        Comment.objects.create(
            page=editions[key],
            status=Status.PENDING,
            author_name="Bạn đọc",
            author_email="reader@example.invalid",
            body=body,
            depth=1,
        )
    client.force_login(staff_user("kiemduyet", "Kiểm duyệt viên"))
    url = reverse("wagtailsnippets_comments_comment:list")
    html = client.get(url, {"edition": "en"}).content.decode()
    assert "An English comment" in html and "Ý kiến tiếng Việt" not in html
    html = client.get(url, {"edition": "vi"}).content.decode()
    assert "Ý kiến tiếng Việt" in html and "An English comment" not in html


# --- menus ---------------------------------------------------------------------------------


def test_each_edition_has_its_own_menu(client, editions):
    """The English news index (made with the English story) is in the English menu."""
    vi = [a["href"] for a in soup(client.get("/")).select("header nav a")]
    en = [a["href"] for a in soup(client.get("/en/")).select("header nav a")]
    assert "/tin-tuc/" in vi and "/en/tin-tuc/" not in vi
    assert "/en/tin-tuc/" in en and "/tin-tuc/" not in en


def test_the_editions_own_titles_are_not_marked_vietnamese(client, editions, settings):
    """Results and the banner are the edition's own: in its language (the page's `lang`)."""
    from news.models import ArticlePage

    until = timezone.now() + timedelta(hours=2)
    ArticlePage.objects.filter(pk=editions["en"].pk).update(breaking_until=until)
    home = soup(client.get("/en/"))
    assert home.html["lang"] == "en"
    banner = home.select_one(".breaking-banner")
    assert EN_TITLE in banner.get_text() and not banner.select('[lang="vi"]')
    cards = home.select(".story-card")
    assert EN_TITLE in " ".join(card.get_text() for card in cards)
    assert not [card for card in cards if card.select('[lang="vi"]')]
    assert soup(client.get("/")).select('.story-card__title[lang="vi"]')  # the Vietnamese home
    results = soup(client.get("/en/tim-kiem/", {"q": "dak to"})).select(".search-result")
    assert results and not [r for r in results if r.find_parent(attrs={"lang": "vi"})]
    assert not [r for r in results if r.select('[lang="vi"]')]


def test_a_campaigns_feed_lists_the_editions_stories(
    client, home_page, make_story, make_edition, translate
):
    """Campaigns are shared: the English translation of a story still names the Vietnamese
    campaign, and is in the campaign's English feed (and only there)."""
    from datetime import date

    from campaigns.models import CampaignIndexPage, CampaignPage

    index = home_page.add_child(instance=CampaignIndexPage(title="Phong trào", slug="phong-trao"))
    index.save_revision().publish()
    campaign = index.add_child(
        instance=CampaignPage(
            title="Thi đua yêu nước 2015–2020",
            plan_number="2297/KH-UBND",
            start_date=date(2015, 10, 1),
            end_date=date(2020, 10, 22),
        )
    )
    campaign.save_revision().publish()
    story = make_story(title="Phát động thi đua yêu nước", campaign=campaign)
    make_edition("en", "Kon Tum Online")
    translate(story, "en", title="The patriotic emulation campaign starts")
    vi = feedparser.parse(client.get(f"/rss/phong-trao/{campaign.slug}/").content)
    en = feedparser.parse(client.get(f"/en/rss/phong-trao/{campaign.slug}/").content)
    assert {entry.title for entry in vi.entries} == {"Phát động thi đua yêu nước"}
    assert {entry.title for entry in en.entries} == {"The patriotic emulation campaign starts"}
    assert en.feed.language == "en"


def test_publishing_in_an_edition_renews_that_editions_home(client, editions, translate, settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    assert EN_TITLE in soup(client.get("/en/")).get_text(" ")
    vi_before = soup(client.get("/")).get_text(" ")
    english = translate(editions["vi_only"], "en", title="New countryside in Dak To")
    en = soup(client.get("/en/")).get_text(" ")
    assert english.title in en and EN_TITLE in en
    vi = soup(client.get("/")).get_text(" ")
    assert english.title not in vi and VI_ONLY_TITLE in vi and VI_ONLY_TITLE in vi_before
