"""Registry fixtures: places (with the 2025 merger), a directory, campaigns and conferences."""

from datetime import date

import pytest


@pytest.fixture
def places(db):
    from exemplars.models import Place, PlaceSuccession

    new_province = Place.objects.create(
        name="tỉnh Quảng Ngãi", level="province", valid_from=date(2025, 7, 1)
    )
    province = Place.objects.create(
        name="tỉnh Kon Tum", level="province", valid_until=date(2025, 6, 30)
    )
    PlaceSuccession.objects.create(
        predecessor=province, successor=new_province, date=date(2025, 7, 1), act="202/2025/QH15"
    )
    district = Place.objects.create(
        name="huyện Đăk Hà", level="district", parent=province, valid_until=date(2025, 6, 30)
    )
    city = Place.objects.create(
        name="thành phố Kon Tum", level="district", parent=province, valid_until=date(2025, 6, 30)
    )
    return {
        "province": province,
        "new_province": new_province,
        "district": district,
        "ha_mon": Place.objects.create(name="xã Hà Mòn", level="commune", parent=district),
        "dak_bla": Place.objects.create(name="xã Đăk Blà", level="commune", parent=city),
    }


@pytest.fixture
def vocab(db):
    from exemplars.models import AwardType, EthnicGroup, Sector
    from exemplars.vocabulary import seed

    seed(AwardType, EthnicGroup, Sector)  # transactional (browser) tests flush the migration's rows
    return {
        "award": {a.name: a for a in AwardType.objects.all()},
        "ethnic": {e.name: e for e in EthnicGroup.objects.all()},
        "sector": {s.name: s for s in Sector.objects.all()},
    }


@pytest.fixture
def directory(home_page):
    from exemplars.models import ExemplarIndexPage

    page = home_page.add_child(
        instance=ExemplarIndexPage(title="Điển hình tiên tiến", slug="dien-hinh")
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def campaign(home_page):
    from campaigns.models import CampaignIndexPage, CampaignPage

    index = home_page.add_child(
        instance=CampaignIndexPage(title="Phong trào thi đua", slug="phong-trao")
    )
    index.save_revision().publish()
    page = index.add_child(
        instance=CampaignPage(
            title="Thi đua yêu nước 2015–2020",
            plan_number="2297/KH-UBND",
            start_date=date(2015, 10, 1),
            end_date=date(2020, 10, 22),
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def conference(campaign, places):
    from campaigns.models import ConferencePage

    page = campaign.add_child(
        instance=ConferencePage(
            title="Đại hội Thi đua yêu nước tỉnh lần thứ VIII",
            level="provincial",
            ordinal="VIII",
            date=date(2020, 10, 22),
            place=places["dak_bla"],
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def make_exemplar(directory, vocab):
    from exemplars.models import AwardRecord, ExemplarPage

    def make(title="Y Nhi", awards=(), publish=True, **fields):
        page = ExemplarPage(title=title, live=False, **fields)
        for order, award in enumerate(awards):
            award = dict(award)
            award["award_type"] = vocab["award"][award.pop("type", "Chiến sĩ thi đua cơ sở")]
            page.awards.add(AwardRecord(sort_order=order, **award))
        directory.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    return make
