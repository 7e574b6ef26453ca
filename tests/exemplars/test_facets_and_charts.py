"""Facets people ask for (issue 15, item 7) and honours as server-side charts (item 8)."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(make_exemplar, places):
    return {
        "nhi": make_exemplar(
            "Y Nhi",
            place=places["dak_bla"],
            awards=[
                {"type": "Chiến sĩ thi đua cơ sở", "year": 2018, "level": "grassroots"},
                {"type": "Bằng khen của Thủ tướng Chính phủ", "year": 2022, "level": "national"},
            ],
        ),
        "duong": make_exemplar(
            "Trần Văn Dương",
            place=places["ha_mon"],
            awards=[{"type": "Lao động tiên tiến", "year": 2020, "level": "grassroots"}],
        ),
        "htx": make_exemplar(
            "Hợp tác xã Đăk Hà Xanh",
            kind="collective",
            place=places["ha_mon"],
            awards=[
                {"type": "Cờ thi đua của bộ, ban, ngành, tỉnh", "year": 2019, "level": "provincial"}
            ],
        ),
    }


def names(client, directory, params):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    return [page.title for page in response.context["exemplars_page"]]


def test_awarding_level_and_category_with_several_values(client, directory, registry):
    assert names(client, directory, {"level": "national"}) == ["Y Nhi"]
    assert names(client, directory, {"level": ["national", "provincial"]}) == [
        "Hợp tác xã Đăk Hà Xanh",
        "Y Nhi",
    ]
    assert names(client, directory, {"category": "emulation_title"}) == [
        "Hợp tác xã Đăk Hà Xanh",
        "Trần Văn Dương",
        "Y Nhi",
    ]
    assert names(client, directory, {"category": "merit"}) == ["Y Nhi"]
    # Counts per level: the facet ignores its own filter, and lists the levels in rank order.
    response = client.get(directory.url, {"level": "national", "sort": "name"})  # uncached
    level = next(f for f in response.context["facets"] if f["name"] == "level")
    assert [(o["value"], o["count"], o["selected"]) for o in level["options"]] == [
        ("national", 1, True),
        ("provincial", 1, False),
        ("grassroots", 2, False),
    ]


def test_a_year_range_and_the_same_record(client, directory, registry):
    assert names(client, directory, {"year_from": 2019, "year_to": 2020}) == [
        "Hợp tác xã Đăk Hà Xanh",
        "Trần Văn Dương",
    ]
    assert names(client, directory, {"year_from": 2021}) == ["Y Nhi"]
    # Reversed bounds are read the right way round.
    assert names(client, directory, {"year_from": 2020, "year_to": 2019}) == [
        "Hợp tác xã Đăk Hà Xanh",
        "Trần Văn Dương",
    ]
    # Level and year on one record: Y Nhi's national honour is from 2022, not 2018.
    assert names(client, directory, {"level": "national", "year_to": 2020}) == []
    assert names(client, directory, {"kind": ["individual", "collective"], "year": 2019}) == [
        "Hợp tác xã Đăk Hà Xanh"
    ]


def test_sort_by_latest_award(client, directory, registry):
    assert names(client, directory, {"sort": "latest"}) == [
        "Y Nhi",
        "Trần Văn Dương",
        "Hợp tác xã Đăk Hà Xanh",
    ]
    assert names(client, directory, {"sort": "bogus"})[0] == "Hợp tác xã Đăk Hà Xanh"


@pytest.mark.parametrize(
    "params",
    [
        {"level": "<script>"},
        {"category": ["x"] * 500},
        {"year_from": "abc", "year_to": "9999999"},
        {"place": ["-1", "0", "1e9"]},
        {"sort": "'; drop table"},
    ],
)
def test_hostile_facet_values_are_ignored(client, directory, registry, params):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[-1].split("</form>")[0]


def chart_tables(html):
    """{caption: {row: number}} from the screen-reader tables that follow each chart."""
    tables = {}
    for caption, body in re.findall(
        r'<figure class="chart".*?<caption>(.*?)</caption>.*?<tbody>(.*?)</tbody>', html, re.S
    ):
        rows = re.findall(r'<th scope="row">(.*?)</th><td>(\d+)</td>', body)
        tables[caption] = {label: int(number) for label, number in rows}
    return tables


def test_the_directory_draws_the_honours_it_lists(client, directory, registry):
    html = client.get(directory.url).content.decode()
    assert '<svg class="chart__svg"' in html and 'aria-hidden="true"' in html
    tables = chart_tables(html)
    by_year = tables["Khen thưởng theo năm"]
    assert by_year == {"2018": 1, "2019": 1, "2020": 1, "2022": 1}
    by_unit = tables["Khen thưởng theo đơn vị (tên gọi khi quyết định)"]
    assert by_unit == {"huyện Đăk Hà, tỉnh Kon Tum": 2, "thành phố Kon Tum, tỉnh Kon Tum": 2}
    # The charts follow the filters.
    filtered = chart_tables(client.get(directory.url, {"kind": "collective"}).content.decode())
    assert filtered["Khen thưởng theo năm"] == {"2019": 1}


def test_a_campaign_page_charts_its_honours_and_updates_when_one_is_added(
    client, campaign, conference, make_exemplar, vocab
):
    from exemplars.models import AwardRecord

    make_exemplar("Y Nhi", awards=[{"year": 2019, "level": "provincial", "campaign": campaign}])
    first = chart_tables(client.get(campaign.url).content.decode())
    assert first["Khen thưởng theo cấp khen"]["Cấp tỉnh"] == 1
    person = make_exemplar("A Thút")
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(
        AwardRecord(exemplar=person, award_type=vocab["award"]["Giấy khen"], level="provincial")
    )
    draft.save_revision().publish()
    again = chart_tables(client.get(campaign.url).content.decode())
    assert again["Khen thưởng theo cấp khen"]["Cấp tỉnh"] == 2
    assert again["Khen thưởng theo năm"] == {"2019": 1, "2020": 1}


def test_chart_labels_are_escaped(client, directory, make_exemplar):
    from exemplars.models import Place

    hostile = Place.objects.create(name="<script>alert(1)</script>", level="district")
    make_exemplar("Y Nhi", place=hostile, awards=[{"year": 2020}])
    html = client.get(directory.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
