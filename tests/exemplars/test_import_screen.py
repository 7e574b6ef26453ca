"""The registry import screen as a registry editor uses it (issue 22, item 7): the dry run's
counts are the import's; unchanged rows change nothing; the sample file and the full column
list on the page; exports with Vietnamese headers, date cells and sheet name that re-import
as they are."""

import csv
import io
import unicodedata
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.models import PageLogEntry, Revision

from editorial.roles import REGISTRY_EDITORS
from exemplars.models import AwardRecord, ExemplarPage
from exemplars.registry_columns import COLUMNS
from tests.exemplars.test_import import SAMPLE

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/exemplars/import/"
DAK_BLA = "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum"
COUNTS = ("rows", "created", "updated", "unchanged", "awards_created", "awards_updated")


@pytest.fixture
def editor(client, directory, places, campaign, vocab, staff_user):
    """Signed in as a registry editor (the group exemplars/roles.py makes), not a superuser."""
    call_command("setup_roles", stdout=io.StringIO())
    user = staff_user("hoso", REGISTRY_EDITORS)
    client.force_login(user)
    return user


def upload(client, name, content, **options):
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content), **options})
    assert response.status_code == 200
    result = response.context["result"]
    assert result is not None and not result.errors, result and result.errors
    return result


def counts(result):
    return {name: getattr(result, name) for name in COUNTS}


def footprint():
    """What an import leaves when it writes: pages, awards, revisions, audit log."""
    return (
        ExemplarPage.objects.count(),
        AwardRecord.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    )


def csv_file(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode()


def test_the_dry_run_counts_what_the_import_then_does(client, editor):
    first = SAMPLE.read_bytes()
    dry = upload(client, "mau.csv", first, dry_run="on")
    assert footprint()[:2] == (0, 0)
    real = upload(client, "mau.csv", first)
    assert counts(dry) == counts(real)
    assert (real.created, real.awards_created) == (2, 3)
    # The same file again: the dry run and the import both find it unchanged.
    again_dry = upload(client, "mau.csv", first, dry_run="on")
    again = upload(client, "mau.csv", first)
    assert counts(again_dry) == counts(again)
    assert (again.unchanged, again.updated, again.awards_created) == (2, 0, 0)
    # A file that changes one record, adds an award to it and adds a record.
    header = ["ma_ho_so", "ten", "dia_ban", "chuc_vu", "danh_hieu", "so_quyet_dinh", "nam"]
    changes = csv_file(
        [
            header,
            ["KT-DH-2019-001", "Y Nhi", DAK_BLA, "Hiệu phó", "Lao động tiên tiến", "9/QĐ", "2021"],
            ["KT-DH-2019-001", "Y Nhi", DAK_BLA, "", "Lao động tiên tiến", "10/QĐ", "2022"],
            ["", "A Blưk", DAK_BLA, "", "Lao động tiên tiến", "11/QĐ", "2022"],
        ]
    )
    dry = upload(client, "sua.csv", changes, dry_run="on")
    before = footprint()
    real = upload(client, "sua.csv", changes)
    assert counts(dry) == counts(real)
    assert (real.created, real.updated, real.unchanged) == (1, 1, 0)
    assert (real.awards_created, real.awards_updated) == (3, 0)
    assert footprint()[:2] == (before[0] + 1, before[1] + 3)


def test_an_unchanged_file_writes_nothing_by_command_or_as_drafts(editor, tmp_path):
    call_command("import_exemplars", str(SAMPLE), stdout=io.StringIO())
    nhi = ExemplarPage.objects.get(title="Y Nhi")
    published = nhi.last_published_at
    before = footprint()
    out = io.StringIO()
    call_command("import_exemplars", str(SAMPLE), "--user", "hoso", stdout=out)
    call_command("import_exemplars", str(SAMPLE), "--drafts", stdout=io.StringIO())
    assert footprint() == before
    assert "0 updated, 2 unchanged" in out.getvalue() or "cập nhật 0" in out.getvalue()
    nhi.refresh_from_db()
    assert nhi.last_published_at == published and not nhi.has_unpublished_changes


@pytest.fixture
def registry(editor, make_exemplar, vocab):
    """Records as editors keep them: an award without a year (its decision's), two decisions
    sharing a number and year, a birth year without consent, a formula-looking note."""
    ba_na = vocab["ethnic"]["Ba Na"]
    make_exemplar(
        "Y Liên",
        record_code="KT-01",
        birth_year=1990,
        ethnicity=ba_na,
        awards=[
            {"decision_number": "100/QĐ-KT", "year": 2020, "decision_date": date(2020, 5, 28)},
            {"decision_number": "100/QĐ-KT", "year": 2020, "decision_date": date(2020, 10, 22)},
            {
                "type": "Lao động tiên tiến",
                "decision_number": "7/QĐ",
                "decision_date": date(2019, 1, 2),
            },  # noqa: E501
        ],
    )
    make_exemplar(
        "Làng Kon Klor",
        kind="village",
        awards=[
            {
                "type": "Thôn, tổ dân phố văn hóa",
                "decision_number": "5/QĐ",
                "year": 2018,
                "note": "=SUM(A1)",
            }
        ],
    )
    make_exemplar("A Thút")  # no award


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_reimports_as_it_is_and_changes_nothing(client, directory, registry, fmt):
    exported = client.get(f"{directory.url}xuat/{fmt}/")
    assert exported.status_code == 200
    before = footprint()
    dry = upload(client, f"xuat.{fmt}", exported.content, dry_run="on")
    real = upload(client, f"xuat.{fmt}", exported.content)
    assert counts(dry) == counts(real)
    assert (real.created, real.updated, real.unchanged) == (0, 0, 3)
    assert (real.awards_created, real.awards_updated) == (0, 0)
    assert footprint() == before


def test_the_xlsx_export_speaks_vietnamese_and_has_date_cells(client, directory, registry):
    from openpyxl import load_workbook

    response = client.get(f"{directory.url}xuat/xlsx/")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.title == "Điển hình tiên tiến"
    header = [cell.value for cell in sheet[1]]
    assert header == [column.header for column in COLUMNS]
    assert {"Mã hồ sơ", "Họ và tên", "Năm sinh", "Ngày quyết định"} <= set(header)
    date_column = header.index("Ngày quyết định") + 1
    dates = [
        row[date_column - 1] for row in sheet.iter_rows(min_row=2) if row[date_column - 1].value
    ]
    assert dates and all(isinstance(cell.value, datetime) for cell in dates)
    assert {cell.number_format for cell in dates} == {"dd/mm/yyyy"}
    assert date(2020, 5, 28) in {cell.value.date() for cell in dates}


def test_the_csv_export_speaks_vietnamese(client, directory, registry):
    response = client.get(f"{directory.url}xuat/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [column.header for column in COLUMNS]
    assert "28/05/2020" in {row[rows[0].index("Ngày quyết định")] for row in rows[1:]}


def test_headers_match_whatever_their_case_marks_or_unicode_form(client, editor):
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    content = csv_file(
        [
            ["HỌ VÀ TÊN", nfd("Năm sinh"), "dia_ban", "Danh hieu", "NAM", "ngày quyết định"],
            ["A Thút", "1980", DAK_BLA, "Lao động tiên tiến", "2020", "03/04/2020"],
        ]
    )
    assert upload(client, "nhap.csv", content).created == 1
    page = ExemplarPage.objects.get(title="A Thút")
    assert page.birth_year == 1980
    assert page.awards.get().decision_date == date(2020, 4, 3)
    unknown = client.post(
        IMPORT_URL, {"file": SimpleUploadedFile("x.csv", "Họ và tên,Quê quán\nA,B\n".encode())}
    )
    assert "Quê quán" in unknown.content.decode() and ExemplarPage.objects.count() == 1


def test_the_page_offers_the_sample_and_lists_every_column(client, editor):
    page = client.get(IMPORT_URL).content.decode()
    for column in COLUMNS:
        assert column.header in page and f"<code>{column.code}</code>" in page
    assert "ma_ho_so" in page and "Tệp mẫu" in page and "Mã hồ sơ: không bắt buộc" in page
    for fmt in ("xlsx", "csv"):
        assert f'href="{IMPORT_URL}mau.{fmt}"' in page
        sample = client.get(f"{IMPORT_URL}mau.{fmt}")
        assert sample.status_code == 200
        result = upload(client, f"mau.{fmt}", sample.content, dry_run="on")
        assert (result.created, result.awards_created) == (2, 3)
    sample = client.get(f"{IMPORT_URL}mau.csv").content.decode("utf-8-sig")
    assert sample.splitlines()[0].split(",")[:3] == ["Mã hồ sơ", "Họ và tên", "Loại"]
    assert client.get(f"{IMPORT_URL}mau.pdf").status_code == 404


def test_the_sample_is_the_importers_alone(client, directory, staff_user):
    client.force_login(staff_user("nobody"))
    assert client.get(f"{IMPORT_URL}mau.csv").status_code in (302, 403)
