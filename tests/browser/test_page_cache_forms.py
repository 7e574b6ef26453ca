"""A reader on a page served from the page cache can still send its forms (CSRF filled by JS)."""

import urllib.request

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_language_switch_works_on_a_cached_page(page, live_server, make_story):
    story = make_story(title="Biểu dương điển hình tiên tiến")
    url = live_server.url + story.url
    urllib.request.urlopen(url).read()  # another reader fills the cache
    with urllib.request.urlopen(url) as response:
        assert response.headers["X-Page-Cache"] == "hit"

    served = page.goto(url)
    assert served.headers["x-page-cache"] == "hit"
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_role("button", name="EN").click()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.url == url
    # On the English page too, the emptied field is filled from /csrf-token/.
    page.wait_for_function("() => document.querySelector('input[name=csrfmiddlewaretoken]').value")
