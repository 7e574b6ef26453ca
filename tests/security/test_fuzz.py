"""Fuzzing (Hypothesis): generated query parameters on every public URL pattern and API
endpoint, and generated comment posts, never produce a 5xx — on SQLite and PostgreSQL.

Example counts are small enough for the whole file to run in well under two minutes.
"""

import os
import time
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comments.forms import make_token

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "250")),  # more for a long local hunt
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # no example database in the checkout
)

# Every parameter name a public view or the API reads, and a few it does not.
PARAM_NAMES = [
    "q", "tag", "month", "page", "tra-loi", "trang-binh-luan", "thu-tu", "binh-luan",
    "kind", "field", "place", "ethnicity", "award", "year", "campaign", "status",
    "loai", "nam", "the", "offset", "limit", "search", "search_operator", "fields", "order",
    "type", "child_of", "descendant_of", "ancestor_of", "id", "html_path", "format",
    "rich_text_format", "locale", "translation_of", "site", "show_in_menus", "slug", "title",
    "utm_source", "next",
]  # fmt: skip
NASTY = [
    "", "²", "٣", "１２", "-1", "0", "1e9", "1_000", "99999999999999999999",
    "-99999999999999999999",
    "\x00", "a\x00b", "\x07", "\u202e", "'", '"', "<script>alert(1)</script>", "%", "\\", "*",
    "2020-13", "2020-²", "9999-1", "and", "or", "xx", "random", "-title", "title,", ",", "../",
    "/tin-tuc/", "//evil.example", "javascript:alert(1)", "đ" * 300, "thi đua", "true", "null",
]  # fmt: skip
values = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.text(max_size=40),
)
params = st.dictionaries(
    st.one_of(st.sampled_from(PARAM_NAMES), st.text(min_size=1, max_size=12)),
    st.one_of(values, st.lists(values, min_size=1, max_size=3)),
    max_size=5,
)


@pytest.fixture
def site(make_story, make_reporter, home_page):
    """One page of every public type, so every URL pattern has a real target."""
    from campaigns.models import CampaignIndexPage, CampaignPage, ConferencePage
    from comments.models import Comment, Status
    from exemplars.models import ExemplarIndexPage, ExemplarPage

    reporter = make_reporter("Trần Văn Bình", slug="tran-van-binh")
    story = make_story(title="Đại hội thi đua", tags=["Thi đua"], reporters=[reporter])
    root = Comment.objects.create(
        page=story, author_name="A", author_email="a@x.invalid", body="Gốc", status=Status.APPROVED
    )
    Comment.objects.create(
        page=story,
        parent=root,
        thread=root,
        depth=2,
        author_name="B",
        author_email="b@x.invalid",
        body="Trả lời",
        status=Status.APPROVED,
    )
    directory = home_page.add_child(instance=ExemplarIndexPage(title="Điển hình", slug="dh"))
    directory.save_revision().publish()
    exemplar = directory.add_child(instance=ExemplarPage(title="Y Liên"))
    exemplar.save_revision().publish()
    campaigns = home_page.add_child(instance=CampaignIndexPage(title="Phong trào", slug="pt"))
    campaigns.save_revision().publish()
    campaign = campaigns.add_child(
        instance=CampaignPage(title="Thi đua 2015–2020", start_date=date(2015, 1, 1))
    )
    campaign.save_revision().publish()
    conference = campaign.add_child(
        instance=ConferencePage(title="Đại hội VIII", level="provincial", date=date(2020, 10, 22))
    )
    conference.save_revision().publish()
    index = story.get_parent().url
    return {
        "story": story,
        "urls": [
            "/",
            index,
            story.url,
            f"{index}chu-de/thi-dua/",
            f"{index}phong-vien/tran-van-binh/",
            directory.url,
            f"{directory.url}xuat/csv/",
            exemplar.url,
            campaigns.url,
            campaign.url,
            conference.url,
            "/tim-kiem/",
            "/rss/",
            "/rss/atom/",
            "/rss/chu-de/thi-dua/",
            "/rss/phong-vien/tran-van-binh/",
            f"/rss/phong-trao/{campaign.slug}/",
            "/sitemap.xml",
            "/robots.txt",
            "/healthz/",
            "/csrf-token/",
            reverse("comments:token", args=[story.pk]),
            "/api/v2/pages/",
            f"/api/v2/pages/{story.pk}/",
            "/api/v2/pages/find/",
            "/api/v2/images/",
            "/khong-co-trang-nay/",
        ],
    }


def test_generated_query_parameters_never_give_a_5xx(site, settings_override):
    client = Client()
    urls = site["urls"]

    @FUZZ
    @given(url=st.sampled_from(urls), query=params)
    def check(url, query):
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    check()


@pytest.fixture
def settings_override(settings):
    settings.EXEMPLARS_PUBLIC_EXPORTS_PER_HOUR = 0  # the export is fuzzed, not rate-limited


text = st.one_of(st.sampled_from(NASTY), st.text(max_size=120))


def test_generated_comment_posts_never_give_a_5xx(site):
    from wagtail.models import Site

    from comments.models import CommentSettings

    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.flood_seconds = rules.max_per_minute = rules.min_seconds = 0
    rules.save()
    client = Client()
    story = site["story"]
    url = reverse("comments:post", args=[story.pk])

    @FUZZ
    @given(
        name=text,
        email=st.one_of(st.emails(), text),
        body=text,
        parent=st.one_of(st.none(), values),
        token=st.one_of(st.just("fresh"), values),
        notify=st.one_of(st.none(), values),
        website=st.one_of(st.just(""), text),
        json=st.booleans(),
        extra=params,
    )
    def check(name, email, body, parent, token, notify, website, json, extra):
        data = {**extra, "name": name, "email": email, "body": body, "website": website}
        data["token"] = make_token(story.pk, now=time.time() - 60) if token == "fresh" else token
        if parent is not None:
            data["parent"] = parent
        if notify is not None:
            data["notify_replies"] = notify
        headers = {"Accept": "application/json"} if json else {}
        response = client.post(url, data, headers=headers)
        assert response.status_code < 500, data

    check()
