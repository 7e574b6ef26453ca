"""An editor types Vietnamese titles in the admin: the slug, the live URL are right."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLES = {
    "Đắk Glei tuyên dương 20 gương điển hình tiên tiến": (
        "dak-glei-tuyen-duong-20-guong-dien-hinh-tien-tien"
    ),
    "Người dân Đắk Tô hưởng ứng phong trào": "nguoi-dan-dak-to-huong-ung-phong-trao",
    "Đại hội Thi đua yêu nước lần thứ VIII (2015–2020)": (
        "dai-hoi-thi-dua-yeu-nuoc-lan-thu-viii-2015-2020"
    ),
}


def test_typed_titles_give_vietnamese_slugs_and_live_urls(
    page, live_server, admin_login, screenshot_dir
):
    from news.models import ArticlePage

    add_url = live_server.url + reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", admin_login.pk)
    )
    for number, (title, slug) in enumerate(TITLES.items()):
        page.goto(add_url)
        page.locator("#id_title").press_sequentially(title, delay=5)
        page.locator("#id_title").blur()
        page.locator("#id_lead").fill("Sapo của tin.")
        # The browser fills the slug with our rules as the title is typed.
        expect(page.locator("#id_slug")).to_have_value(slug)  # filled after a short debounce
        if number == 0:
            page.screenshot(path=f"{screenshot_dir}/admin-slug.png", full_page=False)
        page.locator("button[name=action-publish]").dispatch_event("click")
        page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
        story = ArticlePage.objects.get(title=title)
        assert story.live and story.slug == slug
        response = page.goto(live_server.url + story.url)
        assert response.status == 200
        assert story.url.endswith(f"/{slug}/")
        assert title in page.locator("h1").inner_text()


def test_a_reporter_typed_in_the_snippet_editor_gets_an_ascii_slug(page, live_server, admin_login):
    from news.models import Reporter

    page.goto(live_server.url + "/admin/snippets/news/reporter/add/")
    page.locator("#id_name").press_sequentially("Đặng Thị Ưng", delay=5)
    page.locator("#id_name").blur()
    expect(page.locator("#id_slug")).to_have_value("dang-thi-ung")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/snippets/news/reporter/(\d+/)?$"))
    assert Reporter.objects.get(name="Đặng Thị Ưng").slug == "dang-thi-ung"


def test_an_editor_typing_ba_na_gia_rai_and_xo_dang_gets_ascii_slugs(page, live_server, editor):
    """The letters of the minority orthographies (tests/language/data), typed as composed
    (NFC) and as decomposed (NFD) text: the browser folds the breve, the horn and ƀ too."""
    from news.models import NewsIndexPage
    from tests.language.orthographies import MINORITY, nfd

    news_index = NewsIndexPage.objects.get()
    add_url = live_server.url + reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk)
    )
    for _code, text, ascii_text in MINORITY[:2] + MINORITY[-1:]:
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
        for typed in (text, nfd(text)):
            page.goto(add_url)
            page.locator("#id_title").press_sequentially(typed, delay=5)
            page.locator("#id_title").blur()
            expect(page.locator("#id_slug")).to_have_value(slug)
