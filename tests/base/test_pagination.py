"""A listing's page: its rows' keys and their count in one query (base/pagination.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import aware

pytestmark = pytest.mark.django_db


def listed(response):
    page = response.context["stories_page"]
    return page.number, page.paginator.count, [story.title for story in page]


def count_queries(queries):
    return [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(")]


@pytest.mark.parametrize(("asked", "number", "shown"), [("1", 1, 12), ("2", 2, 2), ("7", 2, 2)])
def test_a_tag_page_counts_its_stories_with_their_keys(client, make_story, asked, number, shown):
    for n in range(14):
        make_story(title=f"Tin số {n}", tags=["Giảm nghèo"], date=aware(2020, 1, 1 + n))
    make_story(title="Thẻ khác", tags=["Y tế"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/tin-tuc/chu-de/giam-ngheo/?page={asked}")
    found_number, total, titles = listed(response)
    assert (found_number, total, len(titles)) == (number, 14, shown)
    assert titles[0] == ("Tin số 13" if number == 1 else "Tin số 1")
    # Past the last page the rows are counted on their own, then the last page is read.
    assert len(count_queries(queries.captured_queries)) == (1 if asked == "7" else 0)


def test_an_empty_listing_is_one_empty_page(client, make_story):
    make_story(title="Tin", tags=["Y tế"])
    response = client.get("/tin-tuc/?tag=khong-co&page=3")
    assert response.status_code == 200
    assert listed(response) == (1, 0, [])
