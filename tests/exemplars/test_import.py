"""Spreadsheet import: good file, bad rows (nothing written), NFD, re-import, 5,000 rows, admin."""

import csv
import io
import time
import unicodedata
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from exemplars.models import AwardRecord, ExemplarPage
from exemplars.registry_columns import CODES as COLUMNS

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[2] / "exemplars" / "samples" / "mau-nhap.csv"


def write_csv(tmp_path, rows, name="nhap.csv"):
    path = tmp_path / name
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


@pytest.fixture
def ready(directory, places, campaign, vocab):
    return directory


def test_sample_file_imports(ready):
    call_command("import_exemplars", str(SAMPLE), stdout=io.StringIO())
    nhi = ExemplarPage.objects.get(title="Y Nhi")
    assert nhi.live and nhi.birth_year == 1995 and nhi.ethnicity.name == "Ba Na"
    assert nhi.place.name == "xã Đăk Blà"
    assert sorted(nhi.awards.values_list("decision_number", flat=True)) == [
        "1020/QĐ-UBND",
        "163/QĐ-UBND",
    ]
    assert ExemplarPage.objects.get(title="Hợp tác xã Đăk Hà Xanh").kind == "collective"


def test_imported_pages_are_served_and_listed(client, ready):
    call_command("import_exemplars", str(SAMPLE), stdout=io.StringIO())
    nhi = ExemplarPage.objects.get(title="Y Nhi")
    assert client.get(nhi.url).status_code == 200
    assert "1020/QĐ-UBND" in client.get(nhi.url).content.decode()
    assert "Y Nhi" in client.get(ready.url).content.decode()


def test_bad_rows_are_reported_by_number_and_nothing_is_written(ready, tmp_path):
    path = write_csv(
        tmp_path,
        [
            {"ten": "Người tốt", "danh_hieu": "Chiến sĩ thi đua cơ sở", "nam": "2020"},
            {"ten": "", "danh_hieu": "Chiến sĩ thi đua cơ sở"},
            {"ten": "A Lâm", "danh_hieu": "Huân chương Không có", "ngay_quyet_dinh": "32/13/2020"},
            {
                "ten": "Y Hoa",
                "dan_toc": "Sao Hỏa",
                "dia_ban": "xã Không Tồn Tại",
                "nam_sinh": "abc",
            },
        ],
    )
    errors = io.StringIO()
    with pytest.raises(CommandError, match="không có gì được nhập|nothing was imported"):
        call_command("import_exemplars", str(path), stdout=io.StringIO(), stderr=errors)
    report = errors.getvalue()
    assert "Dòng 3" in report or "Row 3" in report
    assert "Huân chương Không có" in report and "32/13/2020" in report
    assert "Sao Hỏa" in report and "xã Không Tồn Tại" in report
    assert ("Dòng 2" not in report) and ("Row 2" not in report)
    assert ExemplarPage.objects.count() == 0 and AwardRecord.objects.count() == 0


def test_dry_run_writes_nothing(ready):
    out = io.StringIO()
    call_command("import_exemplars", str(SAMPLE), "--dry-run", stdout=out)
    assert ExemplarPage.objects.count() == 0
    assert "2" in out.getvalue()


def test_nfd_text_is_stored_as_nfc_and_matches_vocabularies(ready, tmp_path):
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    path = write_csv(
        tmp_path,
        [
            {
                "ten": nfd("Đinh Thị Hồng"),
                "dan_toc": nfd("Mường"),
                "dia_ban": nfd("xã Hà Mòn, huyện Đăk Hà, tỉnh Kon Tum"),
                "danh_hieu": nfd("Lao động tiên tiến"),
                "nam": "2019",
            }
        ],
    )
    call_command("import_exemplars", str(path), stdout=io.StringIO())
    page = ExemplarPage.objects.get()
    assert page.title == unicodedata.normalize("NFC", "Đinh Thị Hồng")
    assert page.ethnicity.name == "Mường" and page.awards.get().year == 2019


def test_reimport_updates_instead_of_duplicating(ready, tmp_path):
    call_command("import_exemplars", str(SAMPLE), stdout=io.StringIO())
    call_command("import_exemplars", str(SAMPLE), stdout=io.StringIO())
    assert ExemplarPage.objects.count() == 2 and AwardRecord.objects.count() == 3
    changed = write_csv(
        tmp_path,
        [
            {
                "ten": "y nhi",  # other case, same person (same kind and place)
                "dia_ban": "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum",
                "chuc_vu": "Tổ trưởng chuyên môn",
                "danh_hieu": "Chiến sĩ thi đua cơ sở",
                "so_quyet_dinh": "163/QĐ-UBND",
                "nam": "2019",
                "ghi_chu": "Sửa ghi chú",
            }
        ],
    )
    call_command("import_exemplars", str(changed), stdout=io.StringIO())
    nhi = ExemplarPage.objects.get(title="Y Nhi")
    assert nhi.role == "Tổ trưởng chuyên môn" and nhi.birth_year == 1995
    assert ExemplarPage.objects.count() == 2 and AwardRecord.objects.count() == 3
    assert nhi.awards.get(decision_number="163/QĐ-UBND").note == "Sửa ghi chú"


def test_reimport_keeps_admin_revisions_in_step(ready, tmp_path):
    call_command("import_exemplars", str(SAMPLE), stdout=io.StringIO())
    nhi = ExemplarPage.objects.get(title="Y Nhi")
    nhi.save_revision().publish()  # an editor saved it in the admin
    changed = write_csv(
        tmp_path,
        [
            {
                "ten": "Y Nhi",
                "dia_ban": "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum",
                "don_vi": "Trường mới",
            }
        ],
    )
    call_command("import_exemplars", str(changed), stdout=io.StringIO())
    nhi.refresh_from_db()
    assert nhi.get_latest_revision_as_object().unit == "Trường mới"


def test_five_thousand_rows_import_in_seconds(ready, tmp_path):
    rows = [
        {
            "ten": f"Điển hình số {n // 2}",
            "loai": "Cá nhân",
            "dia_ban": "xã Hà Mòn, huyện Đăk Hà, tỉnh Kon Tum",
            "dan_toc": "Xơ Đăng",
            "danh_hieu": "Lao động tiên tiến" if n % 2 else "Chiến sĩ thi đua cơ sở",
            "so_quyet_dinh": f"{n}/QĐ-UBND",
            "nam": str(2016 + n % 5),
        }
        for n in range(5000)
    ]
    path = write_csv(tmp_path, rows)
    out = io.StringIO()
    started = time.monotonic()
    call_command("import_exemplars", str(path), stdout=out)
    elapsed = time.monotonic() - started
    assert ExemplarPage.objects.count() == 2500 and AwardRecord.objects.count() == 5000
    assert "5000" in out.getvalue()  # progress lines
    assert elapsed < 30
    assert len({page.slug for page in ExemplarPage.objects.only("slug")}) == 2500


def test_xlsx_upload_in_the_admin(client, staff_user, ready):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tên", "Loại", "Dân tộc", "Địa bàn", "Danh hiệu", "Năm"])
    sheet.append(["A Thút", "Cá nhân", "Xơ-đăng", "xã Hà Mòn", "Chiến sĩ thi đua cơ sở", 2020])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(staff_user("boss", superuser=True))
    upload = SimpleUploadedFile("nhap.xlsx", buffer.getvalue())
    response = client.post("/admin/exemplars/import/", {"file": upload})
    assert response.status_code == 200
    page = ExemplarPage.objects.get(title="A Thút")
    assert page.ethnicity.name == "Xơ Đăng" and page.awards.get().year == 2020


def test_admin_upload_lists_errors_and_writes_nothing(client, staff_user, ready):
    client.force_login(staff_user("boss", superuser=True))
    upload = SimpleUploadedFile("nhap.csv", "ten,danh_hieu\nA Thút,Không có\n".encode())
    response = client.post("/admin/exemplars/import/", {"file": upload})
    assert response.status_code == 200
    assert "Không có" in response.content.decode()
    assert ExemplarPage.objects.count() == 0
    bad_type = client.post(
        "/admin/exemplars/import/", {"file": SimpleUploadedFile("x.pdf", b"%PDF")}
    )
    assert bad_type.status_code == 200 and ExemplarPage.objects.count() == 0
    not_utf8 = client.post(
        "/admin/exemplars/import/",
        {"file": SimpleUploadedFile("x.csv", "ten\nĐăk".encode("cp1258"))},
    )
    assert not_utf8.status_code == 200


def test_import_needs_permission(client, staff_user, ready):
    client.force_login(staff_user("nobody"))
    assert client.get("/admin/exemplars/import/").status_code in (302, 403)


def test_editors_keep_the_vocabularies_and_may_import(client, staff_user, ready):
    from django.core.management import call_command

    from editorial.roles import EDITORS

    call_command("setup_roles", stdout=io.StringIO())
    call_command("setup_roles", stdout=io.StringIO())  # idempotent
    client.force_login(staff_user("bientap", EDITORS))
    assert client.get("/admin/exemplars/import/").status_code == 200
    assert client.get("/admin/snippets/exemplars/place/").status_code == 200
    assert client.get("/admin/snippets/exemplars/awardtype/add/").status_code == 200
