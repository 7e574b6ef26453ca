"""A reader on a page served from the page cache moves between editions: the header's edition
links are plain links to the same story in the other language (no form, no CSRF token)."""

import urllib.request

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_edition_links_work_on_a_cached_page(
    page, live_server, make_story, make_edition, translate
):
    story = make_story(title="Biểu dương điển hình tiên tiến")
    make_edition("en", "Kon Tum Online")
    english = translate(story, "en", title="Outstanding examples honoured")
    url = live_server.url + story.url
    urllib.request.urlopen(url).read()  # another reader fills the cache
    with urllib.request.urlopen(url) as response:
        assert response.headers["X-Page-Cache"] == "hit"

    served = page.goto(url)
    assert served.headers["x-page-cache"] == "hit"
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_role("link", name="English").click()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.url == live_server.url + english.url
    assert page.get_by_role("heading", name="Outstanding examples honoured").is_visible()
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_function("() => document.documentElement.lang === 'vi'")
    assert page.url == url
