"""The admin's search (page explorer, page chooser, reporter snippets) ignores tone marks."""

import unicodedata

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user("bientap", superuser=True))
    return client


@pytest.mark.parametrize("query", ["dai hoi thi dua", "Đại hội", "DAI HOI"])
def test_page_explorer_search(admin_client, corpus, query):
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert corpus["congress"].title in html
    assert corpus["doctor"].title not in html


def test_page_explorer_search_typed_in_nfd(admin_client, corpus):
    """A query typed on a Mac or with Unikey's "Unicode tổ hợp" (NFD) finds the NFC title,
    on PostgreSQL too (discovery/search_backend.py)."""
    query = unicodedata.normalize("NFD", "Đại hội thi đua")
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    html = response.content.decode()
    assert corpus["congress"].title in html
    assert corpus["doctor"].title not in html


def test_page_chooser_search(admin_client, corpus):
    response = admin_client.get(reverse("wagtailadmin_choose_page_search"), {"q": "dien hinh tien"})
    assert response.status_code == 200
    assert corpus["honouring"].title in response.content.decode()


def test_reporter_snippet_search(admin_client, make_reporter):
    make_reporter("Nguyễn Thị Hồng Nhung")
    make_reporter("Trần Văn Hùng")
    url = reverse("wagtailsnippets_news_reporter:list")
    html = admin_client.get(url, {"q": "nguyen thi hong"}).content.decode()
    assert "Nguyễn Thị Hồng Nhung" in html and "Trần Văn Hùng" not in html
    assert "Trần Văn Hùng" in admin_client.get(url, {"q": "Trần"}).content.decode()
