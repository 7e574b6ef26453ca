"""The search terms log cannot grow without bound (issue 21, item 6; discovery/search_log.py)."""

import secrets
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

pytestmark = pytest.mark.django_db

FOUND = ["đại", "hội", "thi", "đua", "yêu", "nước", "đại hội", "thi đua", "yêu nước"]


def rows():
    return Query.objects.count() + QueryDailyHits.objects.count()


def test_random_searches_leave_no_row(make_story):
    make_story(title="Đại hội thi đua yêu nước")
    reader = Client()
    for _n in range(200):
        assert reader.get("/tim-kiem/", {"q": secrets.token_hex(6)}).status_code == 200
    assert rows() == 0  # was one Query and one QueryDailyHits row each, never removed
    reader.get("/tim-kiem/", {"q": "thi đua"})
    reader.get("/tim-kiem/", {"q": "Thi   đua"})
    assert Query.get("thi đua").hits == 2


def test_at_most_so_many_queries_a_day_and_old_days_are_pruned(make_story, settings):
    settings.SEARCH_LOG_QUERIES_PER_DAY = 5
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    make_story(title="Đại hội thi đua yêu nước")
    reader = Client()
    for q in FOUND:
        reader.get("/tim-kiem/", {"q": q})
    assert QueryDailyHits.objects.count() == 5
    reader.get("/tim-kiem/", {"q": FOUND[0]})  # a query logged today still counts
    assert Query.get(FOUND[0]).hits == 2

    # Forty days later: the periodic process removes what is older than 30 days, but keeps a
    # query with promoted results.
    promoted = Query.get("yêu nước")
    SearchPromotion.objects.create(query=promoted, external_link_url="https://example.org/")
    QueryDailyHits.objects.update(date=timezone.now().date() - timedelta(days=40))
    call_command("run_periodic", "--once")
    assert QueryDailyHits.objects.count() == 0
    assert list(Query.objects.values_list("query_string", flat=True)) == ["yêu nước"]
