"""Page tree rules, the profile (awards, place then and now), campaign and conference pages."""

from datetime import date

import pytest

from base.models import HomePage
from campaigns.models import CampaignIndexPage, CampaignPage, ConferencePage
from exemplars.models import ExemplarIndexPage, ExemplarPage
from news.models import ArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert CampaignIndexPage.clean_parent_page_models() == [HomePage]
    assert CampaignPage.clean_parent_page_models() == [CampaignIndexPage]
    assert ConferencePage.clean_parent_page_models() == [CampaignPage]
    assert CampaignPage.clean_subpage_models() == [ConferencePage]
    assert ConferencePage.clean_subpage_models() == []
    assert ExemplarIndexPage.clean_parent_page_models() == [HomePage]
    assert ExemplarPage.clean_parent_page_models() == [ExemplarIndexPage]
    assert ExemplarPage.clean_subpage_models() == []
    assert NewsIndexPage not in ExemplarPage.clean_parent_page_models()
    assert ExemplarIndexPage not in ArticlePage.clean_parent_page_models()


def test_admin_can_add_an_exemplar_under_the_directory_only(
    client, staff_user, directory, campaign
):
    client.force_login(staff_user("boss", superuser=True))
    ok = client.get(f"/admin/pages/add/exemplars/exemplarpage/{directory.pk}/")
    assert ok.status_code == 200
    refused = client.get(f"/admin/pages/add/exemplars/exemplarpage/{campaign.pk}/")
    assert refused.status_code in (302, 403)


def test_profile_shows_award_history_and_place_then_and_now(
    client, make_exemplar, places, vocab, campaign
):
    exemplar = make_exemplar(
        "A Thút",
        kind="individual",
        birth_year=1952,
        ethnicity=vocab["ethnic"]["Xơ Đăng"],
        place=places["ha_mon"],
        awards=[
            {"type": "Chiến sĩ thi đua cơ sở", "decision_number": "163/QĐ-UBND", "year": 2019},
            {
                "type": "Bằng khen của Thủ tướng Chính phủ",
                "decision_number": "666/QĐ-TTg",
                "decision_date": date(2020, 5, 4),
                "campaign": campaign,
            },
        ],
    )
    html = client.get(exemplar.url).content.decode()
    assert "163/QĐ-UBND" in html and "666/QĐ-TTg" in html
    assert "04/05/2020" in html
    assert html.index("666/QĐ-TTg") < html.index("163/QĐ-UBND")  # newest first (year from date)
    assert "xã Hà Mòn, huyện Đăk Hà, tỉnh Kon Tum" in html
    assert "tỉnh Quảng Ngãi" in html
    assert campaign.url in html


def test_conference_form_follows_its_level(conference):
    assert conference.form_name == "Đại hội thi đua yêu nước lần thứ VIII"
    assert ConferencePage(level="commune").form_name == "Hội nghị biểu dương người tốt việc tốt"
    assert ConferencePage(level="district").form_name == "Hội nghị tuyên dương điển hình tiên tiến"
    assert "lao động sáng tạo" in ConferencePage(level="enterprise").form_name


def test_campaign_status_comes_from_dates():
    today = date.today()
    assert CampaignPage(start_date=date(today.year + 1, 1, 1)).status == "upcoming"
    assert CampaignPage(start_date=date(2015, 1, 1), end_date=date(2020, 1, 1)).status == "ended"
    assert (
        CampaignPage(start_date=date(2015, 1, 1), end_date=date(today.year + 2, 1, 1)).status
        == "ongoing"
    )


def test_campaign_page_gathers_conferences_honourees_and_coverage(
    client, campaign, conference, make_exemplar, make_story, vocab
):
    from exemplars.models import AwardRecord

    exemplar = make_exemplar("Y Blông")
    hidden = make_exemplar("Bản nháp", publish=False)
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(AwardRecord(exemplar=exemplar, award_type=vocab["award"]["Giấy khen"]))
    draft.honourees.add(AwardRecord(exemplar=hidden, award_type=vocab["award"]["Giấy khen"]))
    draft.save_revision().publish()
    make_story(title="Tin về đại hội", conference=conference)
    make_story(title="Tin chưa đăng", conference=conference, publish=False)
    html = client.get(campaign.url).content.decode()
    assert conference.title in html
    assert "Y Blông" in html and "Giấy khen" in html
    assert "Bản nháp" not in html
    assert "Tin về đại hội" in html and "Tin chưa đăng" not in html
    conference_html = client.get(conference.url).content.decode()
    assert "Y Blông" in conference_html and "Tin về đại hội" in conference_html
    assert "xã Đăk Blà" in conference_html


def test_story_shows_its_campaign_conference_and_exemplars(
    client, make_story, make_exemplar, conference
):
    from news.models import ArticleExemplar

    exemplar = make_exemplar("Y Nhi")
    story = make_story(
        title="Khai mạc đại hội", conference=conference, campaign=conference.get_parent().specific
    )
    draft = story.get_latest_revision_as_object()
    draft.exemplar_links.add(ArticleExemplar(exemplar=exemplar))
    draft.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert exemplar.url in html
    assert conference.url in html


def test_home_page_shows_ongoing_campaigns_featured_exemplars_and_conferences(
    client, home_page, campaign, conference, make_exemplar
):
    ongoing = campaign.get_parent().add_child(
        instance=CampaignPage(
            title="Thi đua 2026–2030", start_date=date(2026, 1, 1), end_date=date(2030, 12, 31)
        )
    )
    ongoing.save_revision().publish()
    make_exemplar("Y Nhi nổi bật", featured=True)
    make_exemplar("Không nổi bật")
    html = client.get("/").content.decode()
    assert "Thi đua 2026–2030" in html
    assert campaign.title not in html  # ended
    assert "Y Nhi nổi bật" in html and "Không nổi bật" not in html
    assert conference.title in html


def test_admin_screens_open(client, staff_user, make_exemplar, conference, make_story, places):
    exemplar = make_exemplar("Y Nhi", place=places["ha_mon"], awards=[{"year": 2020}])
    story = make_story(conference=conference)
    client.force_login(staff_user("boss", superuser=True))
    for page in (exemplar, conference, conference.get_parent(), story):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    for model in ("awardtype", "place", "ethnicgroup", "sector"):
        assert client.get(f"/admin/snippets/exemplars/{model}/").status_code == 200
    listing = client.get("/admin/snippets/exemplars/awardtype/?p=2")
    assert listing.status_code == 200
    assert client.get("/admin/exemplars/import/").status_code == 200
    assert (
        client.get(f"/admin/snippets/exemplars/place/edit/{places['ha_mon'].pk}/").status_code
        == 200
    )


def test_a_place_cannot_succeed_itself(places):
    from django.core.exceptions import ValidationError

    from exemplars.models import PlaceSuccession

    place = places["ha_mon"]
    with pytest.raises(ValidationError):
        PlaceSuccession(predecessor=place, successor=place).full_clean()


def test_conference_honourees_are_paginated(client, conference, directory, vocab):
    from campaigns.models import HONOUREES_PER_PAGE
    from exemplars.models import AwardRecord, ExemplarPage
    from exemplars.spreadsheets import bulk_add_exemplars

    pages = [ExemplarPage(title=f"Người số {n:03d}") for n in range(HONOUREES_PER_PAGE + 2)]
    bulk_add_exemplars(directory, pages)
    award = vocab["award"]["Giấy khen"]
    AwardRecord.objects.bulk_create(  # listed by title, then by name
        AwardRecord(conference=conference, exemplar_id=page.pk, award_type=award)
        for page in reversed(pages)
    )
    second = client.get(conference.url, {"page": 2})
    assert [h.exemplar.title for h in second.context["honouree_list"]] == [
        "Người số 048",
        "Người số 049",
    ]


def test_a_headline_starts_with_a_capital_and_the_record_keeps_what_was_typed(
    client, make_exemplar
):
    page = make_exemplar("Y Liên", honorific="cô giáo")
    html = client.get(page.url).content.decode()
    assert '<span class="honorific">Cô giáo</span> Y Liên</h1>' in html
    page.refresh_from_db()
    assert page.honorific == "cô giáo"
