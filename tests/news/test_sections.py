"""Sections of the news (issue 16, item 3): each has its page, feed and menu place; a story
belongs to one; breadcrumbs, JSON-LD and feeds follow."""

import json
import re

import feedparser
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(news_index):
    from news.models import SectionPage

    page = news_index.add_child(
        instance=SectionPage(title="Kinh tế", intro="Tin kinh tế.", show_in_menus=True)
    )
    page.save_revision().publish()
    return page


def test_a_story_in_a_section_lists_there_and_in_the_news(client, news_index, section, make_story):
    story = make_story(title="Giá cà phê tăng", parent=section)
    make_story(title="Tin không chuyên mục")
    assert section.url == "/tin-tuc/kinh-te/" and story.url == "/tin-tuc/kinh-te/gia-ca-phe-tang/"
    listing = client.get(section.url).content.decode()
    assert "Giá cà phê tăng" in listing and "Tin không chuyên mục" not in listing
    news = client.get(news_index.url).content.decode()
    assert "Giá cà phê tăng" in news and "Tin không chuyên mục" in news


def test_breadcrumbs_json_ld_and_menu_name_the_section(client, section, make_story):
    story = make_story(title="Giá cà phê tăng", parent=section)
    html = client.get(story.url).content.decode()
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    flat = json.dumps(data, ensure_ascii=False)
    assert '"articleSection": "Kinh tế"' in flat
    assert '"name": "Kinh tế"' in flat  # a breadcrumb
    assert re.search(r'class="site-nav__sub".*?href="/tin-tuc/kinh-te/"', html, re.S)


def test_a_section_has_its_feed(client, section, make_story, news_index):
    make_story(title="Giá cà phê tăng", parent=section)
    make_story(title="Tin không chuyên mục")
    response = client.get("/rss/chuyen-muc/kinh-te/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Giá cà phê tăng"]
    assert feed.entries[0].tags[0].term == "Kinh tế"
    assert client.get("/rss/chuyen-muc/khong-co/").status_code == 404
    assert 'href="/rss/chuyen-muc/kinh-te/"' in client.get(section.url).content.decode()
    # The site-wide feed names the section of each story in it.
    latest = feedparser.parse(client.get("/rss/").content)
    by_title = {entry.title: entry for entry in latest.entries}
    assert by_title["Giá cà phê tăng"].tags[0].term == "Kinh tế"


def test_editors_can_add_sections_in_the_admin(client, staff_user, news_index):
    from django.urls import reverse

    from news.models import SectionPage

    client.force_login(staff_user("bientap", superuser=True))
    url = reverse("wagtailadmin_pages:add", args=("news", "sectionpage", news_index.pk))
    response = client.get(url)
    assert response.status_code == 200
    from tests.conftest import admin_form_data

    data = admin_form_data(client, url)
    data.update({"title": "Quốc phòng – An ninh", "slug": "", "action-publish": "publish"})
    response = client.post(url, data)
    assert response.status_code == 302
    section = SectionPage.objects.get()
    assert section.slug == "quoc-phong-an-ninh" and section.live


def test_the_read_api_names_a_story_s_section_and_kind(client, section, make_story):
    story = make_story(title="Giá cà phê tăng", parent=section, kind="bai", kicker="Thị trường")
    data = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert (data["section_name"], data["kind"], data["kicker"]) == ("Kinh tế", "bai", "Thị trường")
    listing = client.get("/api/v2/pages/", {"type": "news.ArticlePage", "fields": "*"}).json()
    assert [item["section_name"] for item in listing["items"]] == ["Kinh tế"]
