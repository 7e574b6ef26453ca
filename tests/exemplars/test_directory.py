"""The directory: every facet, their combination, counts, tone-less names, export, query budgets."""

import csv
import io
import unicodedata

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(make_exemplar, places, vocab, campaign):
    ethnic, sector = vocab["ethnic"], vocab["sector"]
    return {
        "nhi": make_exemplar(
            "Y Nhi",
            kind="individual",
            ethnicity=ethnic["Ba Na"],
            sector=sector["Giáo dục"],
            place=places["dak_bla"],
            awards=[{"type": "Chiến sĩ thi đua cơ sở", "year": 2020, "campaign": campaign}],
        ),
        "duong": make_exemplar(
            "Trần Văn Dương",
            kind="individual",
            ethnicity=ethnic["Kinh"],
            sector=sector["Y tế"],
            place=places["ha_mon"],
            awards=[{"type": "Lao động tiên tiến", "year": 2019}],
        ),
        "htx": make_exemplar(
            "Hợp tác xã Đăk Hà Xanh",
            kind="collective",
            sector=sector["Nông thôn mới"],
            place=places["ha_mon"],
            awards=[
                {"type": "Tập thể lao động xuất sắc", "year": 2020, "campaign": campaign},
                {"type": "Lao động tiên tiến", "year": 2018},
            ],
        ),
        "lang": make_exemplar(
            "Làng Kon Klor", kind="village", ethnicity=ethnic["Ba Na"], place=places["dak_bla"]
        ),
        "draft": make_exemplar("Y Nháp", kind="individual", publish=False),
    }


def names(response):
    return sorted(page.title for page in response.context["exemplars_page"])


def facet(response, name):
    found = next(f for f in response.context["facets"] if f["name"] == name)
    return {str(option["label"]): option["count"] for option in found["options"]}


def test_unfiltered_lists_live_exemplars_with_counts(client, directory, registry):
    response = client.get(directory.url)
    assert names(response) == ["Hợp tác xã Đăk Hà Xanh", "Làng Kon Klor", "Trần Văn Dương", "Y Nhi"]
    assert facet(response, "kind") == {"Cá nhân": 2, "Tập thể": 1, "Thôn, làng": 1}
    assert facet(response, "ethnicity") == {"Ba Na": 2, "Kinh": 1}
    assert facet(response, "year") == {"2020": 2, "2019": 1, "2018": 1}
    assert facet(response, "award")["Lao động tiên tiến"] == 2
    # Places roll up: to the district and province as they were, and to today's province.
    assert facet(response, "place") == {
        "tỉnh Quảng Ngãi": 4,
        "tỉnh Kon Tum": 4,
        "huyện Đăk Hà, tỉnh Kon Tum": 2,
        "thành phố Kon Tum, tỉnh Kon Tum": 2,
        "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum": 2,
        "xã Hà Mòn, huyện Đăk Hà, tỉnh Kon Tum": 2,
    }


@pytest.mark.parametrize(
    ("param", "value", "expected"),
    [
        ("kind", lambda r, v: "collective", ["Hợp tác xã Đăk Hà Xanh"]),
        ("field", lambda r, v: r["duong"].sector_id, ["Trần Văn Dương"]),
        ("place", lambda r, v: r["nhi"].place_id, ["Làng Kon Klor", "Y Nhi"]),
        ("ethnicity", lambda r, v: r["nhi"].ethnicity_id, ["Làng Kon Klor", "Y Nhi"]),
        (
            "award",
            lambda r, v: v["award"]["Lao động tiên tiến"].pk,
            ["Hợp tác xã Đăk Hà Xanh", "Trần Văn Dương"],
        ),
        ("year", lambda r, v: 2020, ["Hợp tác xã Đăk Hà Xanh", "Y Nhi"]),
        (
            "campaign",
            lambda r, v: r["nhi"].awards.first().campaign_id,
            ["Hợp tác xã Đăk Hà Xanh", "Y Nhi"],
        ),
    ],
)
def test_each_facet_filters(client, directory, registry, vocab, param, value, expected):
    response = client.get(directory.url, {param: value(registry, vocab)})
    assert names(response) == expected


def test_facets_combine_and_counts_follow_the_other_filters(client, directory, registry, vocab):
    lao_dong = vocab["award"]["Lao động tiên tiến"].pk
    response = client.get(directory.url, {"award": lao_dong, "kind": "individual"})
    assert names(response) == ["Trần Văn Dương"]
    # The kind facet counts apply the award filter but not the kind filter itself.
    assert facet(response, "kind") == {"Cá nhân": 1, "Tập thể": 1}
    # Award and year on the same record: HTX got "Lao động tiên tiến" in 2018, not 2020.
    response = client.get(directory.url, {"award": lao_dong, "year": 2020})
    assert names(response) == []
    response = client.get(
        directory.url, {"award": lao_dong, "year": 2018, "place": registry["htx"].place_id}
    )
    assert names(response) == ["Hợp tác xã Đăk Hà Xanh"]


@pytest.mark.parametrize("query", ["duong", "Dương", "DUONG", "van duong", "dak ha"])
def test_name_filter_ignores_tone_marks(client, directory, registry, query):
    response = client.get(directory.url, {"q": query})
    assert names(response) in (["Trần Văn Dương"], ["Hợp tác xã Đăk Hà Xanh"])


def test_nfd_query_matches_nfc_name(client, directory, registry):
    response = client.get(directory.url, {"q": unicodedata.normalize("NFD", "Đăk Hà")})
    assert names(response) == ["Hợp tác xã Đăk Hà Xanh"]


@pytest.mark.parametrize(
    "bad",
    [{"kind": "alien"}, {"year": "abc"}, {"place": "-1"}, {"page": "999"}, {"field": "9" * 40}],
)
def test_bad_parameters_never_error(client, directory, registry, bad):
    response = client.get(directory.url, bad)
    assert response.status_code == 200


def test_user_text_is_escaped(client, directory, registry):
    response = client.get(directory.url, {"q": "<script>alert(1)</script>"})
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_pagination(client, directory, make_exemplar):
    from exemplars.directory import PER_PAGE
    from exemplars.models import ExemplarPage
    from exemplars.spreadsheets import bulk_add_exemplars

    bulk_add_exemplars(
        directory, [ExemplarPage(title=f"Người số {n:03d}") for n in range(PER_PAGE + 3)]
    )
    second = client.get(directory.url, {"page": 2})
    assert len(second.context["exemplars_page"]) == 3
    assert second.context["exemplars_page"].paginator.count == PER_PAGE + 3


def test_csv_export_honours_filters(client, directory, registry):
    response = client.get(directory.url + "xuat/csv/", {"kind": "individual"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # The record code first (re-import matches on it), headers in Vietnamese.
    assert rows[0][:2] == ["Mã hồ sơ", "Họ và tên"]
    assert sorted({row[1] for row in rows[1:]}) == ["Trần Văn Dương", "Y Nhi"]


def test_xlsx_export_honours_filters(client, directory, registry):
    from openpyxl import load_workbook

    response = client.get(directory.url + "xuat/xlsx/", {"q": "kon klor"})
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["Làng Kon Klor"]
    assert client.get(directory.url + "xuat/pdf/").status_code == 404


def test_export_neutralises_formulas(client, directory, make_exemplar):
    make_exemplar('=HYPERLINK("http://x")')
    response = client.get(directory.url + "xuat/csv/")
    assert "'=HYPERLINK" in response.content.decode("utf-8-sig")


def test_an_export_says_how_long_the_front_may_keep_it(client, directory, registry):
    """Banned with the listings group on every publication (caching/front_cache.py)."""
    response = client.get(directory.url + "xuat/csv/", {"kind": "individual"})
    assert response.status_code == 200
    assert "s-maxage=" in response["Cache-Control"]
    assert response["X-Front-Group"] == "listings"
