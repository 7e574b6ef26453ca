"""Imports are edits (issue 15, item 4): revisions, audit log, search and purge at once; drafts
for approval; the record code (ma_ho_so) matches rows; "(xóa)" empties a field."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageLogEntry

from discovery.search import SearchQuery, site_search
from exemplars.models import ExemplarPage
from tests.exemplars.test_import import write_csv

pytestmark = pytest.mark.django_db
HA_MON = "xã Hà Mòn, huyện Đăk Hà, tỉnh Kon Tum"
DAK_BLA = "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum"


@pytest.fixture
def ready(directory, places, campaign, vocab):
    return directory


def run_import(tmp_path, rows, *args):
    call_command("import_exemplars", str(write_csv(tmp_path, rows)), *args, stdout=io.StringIO())


def test_an_imported_record_is_at_once_searchable_listed_and_in_the_audit_log(
    client, ready, tmp_path, staff_user
):
    importer = staff_user("nhap_lieu")
    assert "Ama Khanh" not in client.get(ready.url).content.decode()  # the directory is cached
    run_import(
        tmp_path,
        [{"ten": "Ama Khanh", "dia_ban": HA_MON, "danh_hieu": "Lao động tiên tiến", "nam": "2021"}],
        "--user",
        "nhap_lieu",
    )
    page = ExemplarPage.objects.get(title="Ama Khanh")
    assert "Ama Khanh" in client.get(ready.url).content.decode()  # purged, listed
    found = site_search(SearchQuery.parse("ama khanh")).ids  # without running update_index
    assert page.pk in found
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", "user")
    )
    assert actions == [("wagtail.create", importer.pk), ("wagtail.publish", importer.pk)]
    draft = page.get_latest_revision_as_object()
    assert page.live_revision_id == page.latest_revision_id
    assert [a.award_type.name for a in draft.awards.all()] == ["Lao động tiên tiến"]
    # An edit by import is a new revision and an "edit" entry.
    run_import(tmp_path, [{"ten": "Ama Khanh", "dia_ban": HA_MON, "chuc_vu": "Trưởng thôn"}])
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().role == "Trưởng thôn"
    assert page.revisions.count() == 2
    assert PageLogEntry.objects.filter(page=page, action="wagtail.edit").count() == 1


def test_the_record_code_tells_namesakes_apart_and_follows_a_move(ready, tmp_path):
    run_import(
        tmp_path,
        [
            {"ma_ho_so": "KT-001", "ten": "Nguyễn Văn An", "dia_ban": HA_MON},
            {"ma_ho_so": "KT-002", "ten": "Nguyễn Văn An", "dia_ban": HA_MON},
        ],
    )
    assert ExemplarPage.objects.filter(title="Nguyễn Văn An").count() == 2
    # KT-001 moved: same code, new place → the same record, updated.
    run_import(tmp_path, [{"ma_ho_so": "kt-001", "ten": "Nguyễn Văn An", "dia_ban": DAK_BLA}])
    moved = ExemplarPage.objects.get(record_code="KT-001")
    assert moved.place.name == "xã Đăk Blà"
    assert ExemplarPage.objects.filter(title="Nguyễn Văn An").count() == 2


def test_a_code_added_later_joins_the_record_imported_without_one(ready, tmp_path):
    run_import(tmp_path, [{"ten": "Y Nhi", "dia_ban": HA_MON}])
    run_import(tmp_path, [{"ma_ho_so": "KT-009", "ten": "Y Nhi", "dia_ban": HA_MON}])
    assert list(ExemplarPage.objects.values_list("title", "record_code")) == [("Y Nhi", "KT-009")]


def test_the_blank_marker_empties_a_field_and_an_empty_cell_keeps_it(ready, tmp_path):
    run_import(
        tmp_path,
        [
            {
                "ma_ho_so": "KT-003",
                "ten": "A Thút",
                "chuc_vu": "Bí thư chi bộ",
                "don_vi": "Thôn Kon Klor",
                "nam_sinh": "1960",
                "danh_hieu": "Lao động tiên tiến",
                "so_quyet_dinh": "12/QĐ-UBND",
                "nam": "2020",
                "ghi_chu": "Ghi chú cũ",
            }
        ],
    )
    run_import(
        tmp_path,
        [
            {
                "ma_ho_so": "KT-003",
                "ten": "A Thút",
                "chuc_vu": "(Xoá)",
                "nam_sinh": "(xóa)",
                "danh_hieu": "Lao động tiên tiến",
                "so_quyet_dinh": "12/QĐ-UBND",
                "nam": "2020",
                "ghi_chu": "(XOA)",
            }
        ],
    )
    page = ExemplarPage.objects.get(record_code="KT-003")
    assert (page.role, page.birth_year, page.unit) == ("", None, "Thôn Kon Klor")
    assert page.awards.get().note == ""
    assert page.get_latest_revision_as_object().role == ""


def test_the_name_cannot_be_blanked(ready, tmp_path):
    from django.core.management import CommandError

    path = write_csv(tmp_path, [{"ten": "(xóa)"}])
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_exemplars", str(path), stdout=io.StringIO(), stderr=errors)
    assert "Dòng 2" in errors.getvalue()


def test_drafts_are_submitted_to_the_registry_workflow(ready, tmp_path, staff_user):
    call_command("setup_roles", stdout=io.StringIO())
    staff_user("phongvien")
    run_import(
        tmp_path,
        [{"ten": "Ama Khanh", "dia_ban": HA_MON, "danh_hieu": "Lao động tiên tiến", "nam": "2021"}],
        "--drafts",
        "--user",
        "phongvien",
    )
    page = ExemplarPage.objects.get(title="Ama Khanh")
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == "Duyệt hồ sơ"
    assert page.get_latest_revision_as_object().awards.count() == 1
