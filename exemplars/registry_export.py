"""The registry as a spreadsheet (CSV or XLSX): the public and the full export, and the
sample file. The columns are exemplars/registry_columns.py's."""

import csv
import io
from datetime import date

from django.http import HttpResponse
from django.utils import timezone

from exemplars.registry_columns import (
    COLUMNS,
    HEADERS,
)

SHEET_TITLE = "Điển hình tiên tiến"
DATE_FORMAT = "dd/mm/yyyy"
# A cell starting so is a formula to a spreadsheet (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def _safe(value):
    """No spreadsheet formulas from user text (CSV/formula injection)."""
    text = "" if value is None else str(value)
    if text[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def export_rows(pages, full=False):
    """Rows of the export; `full` (staff) keeps birth year and ethnicity, else only where the
    person consented."""
    pages = pages.select_related(
        "ethnicity", "sector", "place__parent__parent__parent"
    ).prefetch_related("awards__award_type", "awards__campaign")
    for page in pages:
        shown = full or page.public_details_consent
        awards = sorted(page.awards.all(), key=lambda a: (a.year or 0, a.sort_order or 0))
        for award in awards or [None]:
            yield export_row(page, award, shown)


def export_row(page, award, shown):
    """One row: the exemplar's cells (its personal ones only when ``shown``), the award's."""
    return [
        ("" if award is None else column.write(award))
        if column.award
        else column.write(page, shown)
        for column in COLUMNS
    ]


def export_response(pages, fmt, full=False):
    stamp = timezone.localdate().strftime("%Y%m%d")
    return table_response(export_rows(pages, full=full), fmt, f"dien-hinh-{stamp}")


def table_response(rows, fmt, filename):
    """The registry's columns (Vietnamese headers) and ``rows`` as a CSV or XLSX download that
    the import reads back as it is: dates are date cells in XLSX, dd/mm/yyyy in CSV."""
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
        writer = csv.writer(response)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])
        return response
    # openpyxl takes ~90 ms to import, only for .xlsx: the site starts without it
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                cells.append(cell)
            else:
                cells.append(value if isinstance(value, int) else _safe(value))
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _csv_cell(value):
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return _safe(value)
