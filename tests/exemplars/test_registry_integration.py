"""Exemplar, campaign and conference pages join comments, site search, JSON-LD, API and feeds."""

import json
import re
import time
from datetime import date

import feedparser
import pytest
from django.urls import reverse

from discovery.search import SearchQuery, site_search
from exemplars.models import AwardRecord

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [json.loads(block) for block in JSON_LD.findall(response.content.decode())]


@pytest.fixture
def exemplar(make_exemplar, vocab, campaign, places):
    return make_exemplar(
        title="Y Liên",
        honorific="cô giáo",
        role="Giáo viên",
        unit="Trường Tiểu học Đăk Blà",
        place=places["dak_bla"],
        ethnicity=vocab["ethnic"]["Ba Na"],
        public_details_consent=True,  # the API shows ethnicity only with consent
        summary="Cô giáo người Ba Na dạy chữ ở làng xa.",
        awards=[
            {"type": "Chiến sĩ thi đua cơ sở", "year": 2020, "campaign": campaign},
            {"type": "Chiến sĩ thi đua cơ sở", "year": 2018, "decision_number": "12/QĐ-UBND"},
        ],
    )


# --- comments --------------------------------------------------------------------------------


def post_comment(client, page, body):
    from comments.forms import make_token

    return client.post(
        reverse("comments:post", args=[page.pk]),
        {
            "name": "Trần Văn Bình",
            "email": "binh@example.invalid",
            "body": body,
            "token": make_token(page.pk, now=time.time() - 60),
            "website": "",
        },
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="pytest",
        headers={"Accept": "application/json"},
    )


def test_comment_on_an_exemplar_is_held_then_shown_once_approved(client, exemplar, staff_user):
    from comments.models import Comment, Status
    from comments.moderation import moderate

    html = client.get(exemplar.url).content.decode()
    assert 'id="binh-luan-form"' in html
    response = post_comment(client, exemplar, "Tấm gương rất đáng học tập.")
    assert response.status_code == 201, response.content
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING and comment.page_id == exemplar.pk
    assert "Tấm gương rất đáng học tập." not in client.get(exemplar.url).content.decode()

    assert moderate([comment], "approve", staff_user("mod", superuser=True)) == 1
    assert "Tấm gương rất đáng học tập." in client.get(exemplar.url).content.decode()


def test_campaign_and_conference_take_comments_unless_disabled(client, campaign, conference):
    for page in (campaign, conference):
        assert 'id="binh-luan-form"' in client.get(page.url).content.decode()
    conference.comments_enabled = False
    conference.save_revision().publish()
    assert 'id="binh-luan-form"' not in client.get(conference.url).content.decode()
    response = post_comment(client, conference, "Không được nhận.")
    assert response.status_code >= 400
    from comments.models import Comment

    assert not Comment.objects.exists()


# --- search ----------------------------------------------------------------------------------


def ids_for(query):
    return site_search(SearchQuery.parse(query)).ids


def test_site_search_finds_registry_pages_without_tone_marks(client, exemplar, conference):
    campaign = conference.get_parent().specific
    assert exemplar.pk in ids_for("y lien")
    assert conference.pk in ids_for("dai hoi thi dua yeu nuoc lan thu viii")
    assert campaign.pk in ids_for("thi dua yeu nuoc 2015")
    assert ids_for("y lien") == [exemplar.pk]
    html = client.get(reverse("site_search"), {"q": "y lien"}).content.decode()
    assert exemplar.url in html


def test_unpublished_exemplars_are_not_found(make_exemplar):
    draft = make_exemplar(title="Y Bản Nháp", publish=False)
    assert draft.pk not in ids_for("y ban nhap")


# --- JSON-LD ---------------------------------------------------------------------------------


def test_exemplar_json_ld_is_a_person_with_awards(client, exemplar, make_exemplar):
    data = next(d for d in structured(client, exemplar.url) if d["@type"] == "Person")
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Y Liên"
    assert data["url"].endswith(exemplar.url)
    assert data["award"] == ["Chiến sĩ thi đua cơ sở (2020)", "Chiến sĩ thi đua cơ sở (2018)"]
    assert data["jobTitle"] == "Giáo viên"
    collective = make_exemplar(title="Trường Tiểu học Hà Mòn", kind="collective")
    data = structured(client, collective.url)
    assert "Organization" in [d["@type"] for d in data]


def test_conference_json_ld_is_an_event(client, conference):
    data = next(d for d in structured(client, conference.url) if d["@type"] == "Event")
    assert data["name"] == conference.title
    assert data["startDate"] == "2020-10-22"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["addressLocality"] == "xã Đăk Blà"
    assert data["url"].endswith(conference.url)


def test_campaign_json_ld_is_an_event_over_its_period(client, campaign):
    data = next(d for d in structured(client, campaign.url) if d["@type"] == "Event")
    assert (data["startDate"], data["endDate"]) == ("2015-10-01", "2020-10-22")


# --- API -------------------------------------------------------------------------------------


def api(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_api_exposes_exemplar_fields_and_award_records(client, exemplar, make_exemplar):
    from comments.models import Comment

    Comment.objects.create(
        page=exemplar,
        status="approved",
        depth=1,
        author_name="Bạn đọc",
        author_email="bi-mat@example.invalid",
        body="Hay",
    )
    draft = make_exemplar(title="Y Nháp", publish=False)
    data = api(client, "/api/v2/pages/", type="exemplars.ExemplarPage", fields="*")
    assert [item["id"] for item in data["items"]] == [exemplar.pk]
    item = data["items"][0]
    assert item["honorific"] == "cô giáo"
    assert item["ethnicity_name"] == "Ba Na"
    assert item["place_name"].startswith("xã Đăk Blà")
    assert [(r["award"], r["year"]) for r in item["award_records"]] == [
        ("Chiến sĩ thi đua cơ sở", 2020),
        ("Chiến sĩ thi đua cơ sở", 2018),
    ]
    assert item["award_records"][0]["campaign"] == "Thi đua yêu nước 2015–2020"
    # Each award's unit as named on the decision, and what it is now.
    assert item["award_records"][0]["unit"].startswith("xã Đăk Blà")
    assert item["award_records"][0]["unit_then_and_now"].endswith("(nay thuộc tỉnh Quảng Ngãi)")
    detail = client.get(f"/api/v2/pages/{exemplar.pk}/")
    assert b"bi-mat@example.invalid" not in detail.content
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_api_exposes_campaign_and_conference_fields(client, conference, exemplar, vocab):
    AwardRecord.objects.create(
        conference=conference,
        exemplar=exemplar,
        award_type=vocab["award"]["Chiến sĩ thi đua cơ sở"],
    )
    campaign = conference.get_parent().specific
    data = api(client, f"/api/v2/pages/{campaign.pk}/")
    assert data["plan_number"] == "2297/KH-UBND"
    assert (data["start_date"], data["end_date"]) == ("2015-10-01", "2020-10-22")
    assert data["status"] == "ended"
    data = api(client, f"/api/v2/pages/{conference.pk}/")
    assert data["form_name"] == "Đại hội thi đua yêu nước lần thứ VIII"
    assert data["date"] == "2020-10-22"
    assert data["honourees_list"][0]["exemplar"] == "Y Liên"
    assert data["honourees_list"][0]["received"] == "Chiến sĩ thi đua cơ sở"
    draft = campaign.add_child(
        instance=conference.__class__(title="Hội nghị nháp", level="district", live=False)
    )
    listing = api(client, "/api/v2/pages/", type="campaigns.ConferencePage")
    assert [item["id"] for item in listing["items"]] == [conference.pk]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


# --- campaign feed ---------------------------------------------------------------------------


def test_campaign_feed_lists_its_stories_and_is_advertised(client, conference, make_story):
    campaign = conference.get_parent().specific
    make_story(title="Phát động thi đua yêu nước", campaign=campaign)
    make_story(title="Khai mạc Đại hội thi đua", conference=conference)
    make_story(title="Tin không liên quan")
    make_story(title="Bản nháp thi đua", publish=False, campaign=campaign)

    url = reverse("feeds:campaign", args=[campaign.slug])
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert campaign.title in feed.feed.title
    assert {entry.title for entry in feed.entries} == {
        "Phát động thi đua yêu nước",
        "Khai mạc Đại hội thi đua",
    }
    assert client.get(reverse("feeds:campaign_atom", args=[campaign.slug])).status_code == 200
    assert client.get(reverse("feeds:campaign", args=["khong-co"])).status_code == 404

    html = client.get(campaign.url).content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert f'href="{url}"' in html


@pytest.mark.parametrize(
    ("page_type", "fields"),
    [
        ("exemplars.ExemplarPage", "award_records,place_name,ethnicity_name,sector_name"),
        ("campaigns.ConferencePage", "honourees_list,place_name"),
        ("campaigns.CampaignPage", "timeline,status"),
    ],
)
def test_api_listing_queries_do_not_grow_with_pages(
    client,
    django_assert_max_num_queries,
    make_exemplar,
    conference,
    places,
    vocab,
    page_type,
    fields,
):
    from campaigns.models import ConferencePage

    campaign = conference.get_parent().specific
    award = vocab["award"]["Chiến sĩ thi đua cơ sở"]

    def add(n, start):
        for i in range(start, start + n):
            person = make_exemplar(
                title=f"Người số {i}",
                place=places["ha_mon"],
                ethnicity=vocab["ethnic"]["Ba Na"],
                awards=[{"year": 2020}, {"year": 2021, "campaign": campaign}],
            )
            meeting = campaign.add_child(
                instance=ConferencePage(
                    title=f"Hội nghị số {i}", level="commune", place=places["ha_mon"]
                )
            )
            AwardRecord.objects.create(conference=meeting, exemplar=person, award_type=award)
        campaign.milestones.create(date=date(2016, 1, start), title=f"Mốc {start}")

    params = {"type": page_type, "fields": fields, "limit": 20}
    add(2, 1)
    api(client, "/api/v2/pages/", **params)  # warm-up: the site's values are kept after it
    with django_assert_max_num_queries(30) as small:
        small_count = len(api(client, "/api/v2/pages/", **params)["items"])
    add(6, 10)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        large_count = len(api(client, "/api/v2/pages/", **params)["items"])
    assert large_count > small_count or page_type == "campaigns.CampaignPage"
    assert len(large.captured_queries) == len(small.captured_queries)
