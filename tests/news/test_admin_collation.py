"""Admin listings in Vietnamese alphabetical order (issue 22, item 5): "Đức Thắng" before
"Y Nhung", "Ánh" before "Bình" — not code-point order, which puts Đ and Ă after Z."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from language.collation import collation_key

pytestmark = pytest.mark.django_db

NAMES = ["Y Nhung", "Đức Thắng", "Bình", "Ánh", "Dung", "Ăn Khang", "An"]
VIETNAMESE_ORDER = ["An", "Ánh", "Ăn Khang", "Bình", "Dung", "Đức Thắng", "Y Nhung"]


@pytest.fixture
def reporter_client(client, news_index, staff_user):
    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user("phongvien", "Phóng viên"))
    return client


def listed(html, names):
    text = BeautifulSoup(html, "html.parser").select_one("table").get_text()
    return sorted((name for name in names if name in text), key=text.index)


def test_collation_key_orders_the_vietnamese_alphabet():
    assert sorted(NAMES, key=collation_key) == VIETNAMESE_ORDER


def test_reporters_listing_is_in_vietnamese_order(reporter_client, make_reporter):
    for name in NAMES:
        make_reporter(name)
    url = reverse("wagtailsnippets_news_reporter:list")
    assert listed(reporter_client.get(url).content.decode(), NAMES) == VIETNAMESE_ORDER
    descending = reporter_client.get(url, {"ordering": "-name"}).content.decode()
    assert listed(descending, NAMES) == VIETNAMESE_ORDER[::-1]


def test_explorer_sorted_by_title_is_in_vietnamese_order(reporter_client, make_story, news_index):
    for name in NAMES:
        make_story(title=name)
    url = reverse("wagtailadmin_explore", args=(news_index.pk,))
    html = reporter_client.get(url, {"ordering": "title"}).content.decode()
    assert listed(html, NAMES) == VIETNAMESE_ORDER


def test_registry_vocabulary_sorted_by_name_is_in_vietnamese_order(reporter_client):
    from exemplars.models import EthnicGroup

    for name in NAMES:
        EthnicGroup.objects.create(name=name)
    url = reverse("wagtailsnippets_exemplars_ethnicgroup:list")
    html = reporter_client.get(url, {"ordering": "name"}).content.decode()
    assert listed(html, NAMES) == VIETNAMESE_ORDER


def test_users_listing_sorted_by_name_is_in_vietnamese_order(client, staff_user):
    """Only a superuser manages accounts here: no role has the users listing."""
    from django.contrib.auth.models import User

    people = [("Lê Thị", "Yến"), ("Nguyễn Văn", "Đức"), ("Trần", "Ánh"), ("Phạm", "Bình")]
    for index, (family, given) in enumerate(people):
        User.objects.create_user(f"user{index}", first_name=family, last_name=given)
    client.force_login(staff_user("quantri", superuser=True))
    html = client.get(reverse("wagtailusers_users:index"), {"ordering": "name"}).content.decode()
    full_names = [f"{family} {given}" for family, given in people]
    assert listed(html, full_names) == ["Trần Ánh", "Phạm Bình", "Nguyễn Văn Đức", "Lê Thị Yến"]
