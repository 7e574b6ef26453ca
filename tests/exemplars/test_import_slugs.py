"""editorial.slugs through the registry import: namesakes get distinct slugs."""

import csv

import pytest
from django.core.management import call_command
from wagtail.models import Page

from exemplars.models import ExemplarPage
from exemplars.registry_columns import CODES

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(directory, places, campaign, vocab):
    return directory


def write_sheet(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CODES)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_namesakes_in_an_imported_sheet_get_distinct_slugs(ready, tmp_path):
    rows = [
        {"ten": "A Lưu", "dia_ban": "xã Hà Mòn, huyện Đăk Hà, tỉnh Kon Tum"},
        {"ten": "A Lưu", "dia_ban": "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum"},
        {"ten": "A Lưu", "loai": "Hộ gia đình"},
    ]
    call_command("import_exemplars", str(write_sheet(tmp_path / "a.csv", rows)))
    slugs = sorted(ExemplarPage.objects.child_of(ready).values_list("slug", flat=True))
    assert slugs == ["a-luu", "a-luu-2", "a-luu-3"]
    # A later sheet's namesake gets the next free one, after the records already there.
    more = [{"ten": "A Lưu", "loai": "Tập thể"}]
    call_command("import_exemplars", str(write_sheet(tmp_path / "b.csv", more)))
    assert ExemplarPage.objects.get(kind="collective").slug == "a-luu-4"
    assert Page.find_problems() == ([], [], [], [], [])
