"""A reader on a phone shares a story: the links are there, "copy link" copies the page's
address, and without script the plain links remain."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_copies_a_story_link_on_a_phone(browser, live_server, make_story, screenshot_dir):
    story = make_story(title="Khai mạc Đại hội Thi đua yêu nước lần thứ VIII")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        page = context.new_page()
        page.goto(live_server.url + story.url)
        share = page.locator(".share")
        share.scroll_into_view_if_needed()
        assert share.get_by_role("link", name="Facebook").is_visible()
        assert share.get_by_role("link", name="Zalo").is_visible()
        assert not share.locator(".share__permalink").is_visible()
        share.get_by_role("button", name="Sao chép liên kết").click()
        page.get_by_text("Đã sao chép liên kết.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == story.full_url
        share.screenshot(path=f"{screenshot_dir}/share-390.png")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_without_script_the_share_links_and_the_page_link_remain(browser, live_server, make_story):
    story = make_story(title="Tin không cần script")
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(live_server.url + story.url)
        share = page.locator(".share")
        assert share.get_by_role("link", name="Liên kết tới trang này").is_visible()
        assert not share.get_by_role("button", name="Sao chép liên kết").is_visible()
        assert (
            share.get_by_role("link", name="Zalo")
            .get_attribute("href")
            .startswith("https://sp.zalo.me/share?url=")
        )
    finally:
        context.close()
