"""Section pages as readers use them (issue 22, item 8): the menu marks where the reader is,
from cached menu parts too, and each listing has its side column with "Đọc nhiều"."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(news_index):
    from news.models import SectionPage

    made = {}
    for title, slug in (("Thời sự", "thoi-su"), ("Kinh tế", "kinh-te")):
        page = news_index.add_child(
            instance=SectionPage(title=title, slug=slug, show_in_menus=True)
        )
        page.save_revision().publish()
        made[slug] = page
    return made


def marked(html):
    """{link address: aria-current value} of the menu's marked links."""
    menu = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" aria-current="(\w+)"', menu))


def test_the_menu_marks_the_current_section_and_no_other(client, sections, make_story):
    story = make_story(title="Giá cà phê tăng", parent=sections["kinh-te"])
    # Twice each: the second answer comes from the cached menu fragment.
    for _ in range(2):
        assert marked(client.get("/tin-tuc/kinh-te/").content.decode()) == {
            "/tin-tuc/": "true",
            "/tin-tuc/kinh-te/": "page",
        }
        assert marked(client.get("/tin-tuc/thoi-su/").content.decode()) == {
            "/tin-tuc/": "true",
            "/tin-tuc/thoi-su/": "page",
        }
        assert marked(client.get("/tin-tuc/").content.decode()) == {"/tin-tuc/": "page"}
        assert marked(client.get(story.url).content.decode()) == {
            "/tin-tuc/": "true",
            "/tin-tuc/kinh-te/": "true",
        }
        assert marked(client.get("/").content.decode()) == {"/": "page"}


def test_section_pages_and_the_news_have_the_most_read_column(client, sections, make_story):
    from django.utils import timezone

    from news.models import DailyReads

    read = make_story(title="Bài được đọc nhiều nhất", parent=sections["thoi-su"])
    make_story(title="Giá cà phê tăng", parent=sections["kinh-te"], tags=["Nông nghiệp"])
    DailyReads.objects.create(page=read, day=timezone.localdate(), count=40)
    for url in ("/tin-tuc/kinh-te/", "/tin-tuc/thoi-su/", "/tin-tuc/"):
        html = client.get(url).content.decode()
        aside = re.search(r'<aside class="listing-aside">.*?</aside>', html, re.S)
        assert aside, url
        assert 'id="most-read-heading" class="section-title">Đọc nhiều</h2>' in aside.group(0)
        assert f'<a href="{read.url}">Bài được đọc nhiều nhất</a>' in aside.group(0)
        assert "Chủ đề" in aside.group(0) and "Nông nghiệp" in aside.group(0)


def test_tags_are_called_chu_de_on_every_public_page(client, make_story):
    story = make_story(title="Giá cà phê tăng", tags=["Nông nghiệp"])
    story_html = client.get(story.url).content.decode()
    tag_html = client.get("/tin-tuc/chu-de/nong-nghiep/").content.decode()
    home_html = client.get("/").content.decode()
    for html in (story_html, tag_html, home_html):
        assert "Thẻ" not in html
    assert "Chủ đề:" in story_html and "<title>Chủ đề: Nông nghiệp" in tag_html
    assert ">Chủ đề</h2>" in home_html
