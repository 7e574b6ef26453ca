"""Readers search for a story by who wrote it: "nghia ha" and "Nghĩa Hà" find the byline's
stories, tone marks or not."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["nghia ha", "Nghĩa Hà", "NGHIA HA"])
def test_site_search_finds_stories_by_byline(client, make_story, make_reporter, query):
    signed = make_story(title="Mùa cà phê ở Đăk Hà", reporters=[make_reporter("Nghĩa Hà")])
    other = make_story(title="Lễ hội cồng chiêng", reporters=[make_reporter("Đức Thắng")])

    html = client.get(reverse("site_search"), {"q": query}).content.decode()

    assert signed.url in html
    assert other.url not in html


def test_a_renamed_reporter_is_found_under_the_new_name(client, make_story, make_reporter):
    reporter = make_reporter("Nghĩa Hà")
    story = make_story(title="Mùa cà phê ở Đăk Hà", reporters=[reporter])
    reporter.name = "Trọng Nghĩa"
    reporter.save()

    html = client.get(reverse("site_search"), {"q": "trong nghia"}).content.decode()

    assert story.url in html
