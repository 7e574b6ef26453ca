"""The development server (`make run`, DEBUG on) shows the site's own 404 page, in
Vietnamese, where Django would show its English technical page (issue 22, item 9)."""

import pytest
from django.test import override_settings

from kontum_site.settings import dev

pytestmark = pytest.mark.django_db


@pytest.fixture
def dev_client(client, home_page):
    with override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE):
        yield client


@pytest.mark.parametrize(
    "address",
    [
        "/khong-co-trang-nay/",  # no such page (Wagtail)
        "/tin-tuc-khong-co/chu-de/x/",  # deeper
        "/khong-co.txt",  # no address pattern at all (the URL resolver)
    ],
)
def test_a_missing_page_in_development_is_the_sites_vietnamese_404(dev_client, address):
    response = dev_client.get(address)
    html = response.content.decode()
    assert response.status_code == 404
    assert "<title>Không tìm thấy trang – " in html
    assert 'class="site-nav"' in html  # the site's header and menu around it
    assert "Page not found" not in html and "Django tried these URL patterns" not in html


def test_a_missing_story_tag_in_development_is_the_sites_404(dev_client, news_index):
    response = dev_client.get(news_index.url + "chu-de/khong-co/")
    assert response.status_code == 404
    assert "<title>Không tìm thấy trang – " in response.content.decode()
