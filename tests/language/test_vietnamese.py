import unicodedata
from datetime import date, datetime

import pytest
from django.utils import translation

from language.vietnamese import (
    fold,
    format_date,
    format_datetime,
    format_long_date,
    nfc,
    normalize_data,
    slugify_vi,
)


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đại hội thi đua", "dai-hoi-thi-dua"),
        ("Đại hội Thi đua yêu nước lần thứ VIII", "dai-hoi-thi-dua-yeu-nuoc-lan-thu-viii"),
        ("Người tốt, việc tốt!", "nguoi-tot-viec-tot"),
        ("ĐẮK GLEI – Ia H'Drai", "dak-glei-ia-h-drai"),
        ("  Xơ Đăng / Ba Na  ", "xo-dang-ba-na"),
        ("Kế hoạch 2297/KH-UBND", "ke-hoach-2297-kh-ubnd"),
        ("Hợp tác xã sâm Ngọc Linh", "hop-tac-xa-sam-ngoc-linh"),
        ("Giai đoạn 2015–2020", "giai-doan-2015-2020"),
        ("“Dân vận khéo” ở Ia H’Drai", "dan-van-kheo-o-ia-h-drai"),
        ("ﬁ ½ Ⅷ", "fi-1-2-viii"),
    ],
)
def test_slugify_vi_makes_ascii_slugs(title, slug):
    assert slugify_vi(title) == slug


def test_nfd_title_gives_the_same_slug():
    title = "Đại hội Thi đua yêu nước lần thứ VIII"
    assert nfd(title) != title
    assert slugify_vi(nfd(title)) == slugify_vi(title)


def test_django_slugify_would_drop_d_but_ours_keeps_it():
    from django.utils.text import slugify

    assert slugify("Đại hội") == "ai-hoi"  # the bug we avoid
    assert slugify_vi("Đại hội") == "dai-hoi"


@pytest.mark.parametrize("query", ["dai hoi", "DAI HOI", "Đại hội", "ĐẠI HỘI", nfd("Đại hội")])
def test_fold_matches_with_or_without_marks(query):
    assert fold(query) == "dai hoi"


def test_nfc_and_normalize_data():
    decomposed = nfd("Thi đua yêu nước")
    assert nfc(decomposed) == "Thi đua yêu nước"
    data = [{"type": "paragraph", "value": f"<p>{decomposed}</p>", "n": 3}]
    assert normalize_data(data) == [
        {"type": "paragraph", "value": "<p>Thi đua yêu nước</p>", "n": 3}
    ]
    assert nfc(None) is None


def test_dates_as_vietnamese_readers_write_them():
    monday = date(2026, 11, 23)
    with translation.override("vi"):
        assert format_date(monday) == "23/11/2026"
        assert format_long_date(monday) == "Thứ Hai, 23/11/2026"
        assert format_long_date(date(2026, 11, 29)) == "Chủ Nhật, 29/11/2026"


def test_datetimes_use_the_ho_chi_minh_time_zone():
    from datetime import UTC

    utc_evening = datetime(2020, 10, 21, 18, 30, tzinfo=UTC)
    with translation.override("vi"):
        # 18:30 UTC is 01:30 the next morning in Kon Tum (UTC+7).
        assert format_datetime(utc_evening) == "Thứ Năm, 22/10/2020 01:30"


def test_dates_in_english():
    with translation.override("en"):
        assert format_long_date(date(2026, 11, 23)) == "Monday, 23/11/2026"
