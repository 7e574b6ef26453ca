"""Import and export of the exemplar registry as CSV or XLSX (format: exemplars/samples/README.md).

One row per award record; an exemplar with three awards takes three rows (its own columns
repeated, or left empty after the first). Every row is checked before anything is written;
any error and nothing is imported. Re-importing updates: an exemplar is the same when its
folded name, kind and place match; an award record when its title, decision number and
year match. What each column reads, checks and writes is declared once, in
exemplars/registry_columns.py.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.page_tree import bulk_insert_pages
from exemplars.models.index import ExemplarIndexPage
from exemplars.models.pages import AwardRecord, ExemplarPage
from exemplars.registry_export import FORMULA_STARTS
from exemplars.registry_records import (
    Existing,
    apply_fields,
    award_key,
    exemplar_key,
    existing_awards,
)
from exemplars.registry_writes import publish_imported, submit_imported_drafts
from language.vietnamese import fold, nfc, slugify_vi

from .registry_columns import (
    AWARD_COLUMNS,
    AWARD_FIELDS,
    COLUMNS,
    EXEMPLAR_COLUMNS,
    EXEMPLAR_FIELDS,
    Vocabulary,
    code_for,
)
from .units import graph as unit_graph

# A cell holding this (any case, with or without tone marks) empties the field on re-import;
# an empty cell leaves what the registry has.
BLANK_MARKERS = {"(xoa)", "(trong)"}
PROGRESS_EVERY = 500
BATCH = 200


class ImportFileError(Exception):
    """The file cannot be read at all (wrong type, encoding, no header)."""


@dataclass
class ImportResult:
    rows: int = 0
    errors: list = field(default_factory=list)  # (row number, message)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    awards_created: int = 0
    awards_updated: int = 0
    submitted: int = 0
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors


def read_rows(uploaded, filename):
    """Yield (row number, {column: text}) from a CSV or XLSX file."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        return _read_xlsx(uploaded)
    if name.endswith(".csv"):
        return _read_csv(uploaded)
    raise ImportFileError(_("Upload a .csv or .xlsx file."))


def _read_csv(uploaded):
    raw = uploaded.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The CSV file is not UTF-8 text. Save it as “CSV UTF-8”.")
        ) from error
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return _rows_from(csv.reader(io.StringIO(text), dialect))


def _read_xlsx(uploaded):
    # openpyxl takes ~90 ms to import, only for .xlsx: the site starts without it
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The Excel file cannot be read.")) from error
    sheet = workbook.worksheets[0]
    return _rows_from(sheet.iter_rows(values_only=True))


def _rows_from(iterator):
    rows = iter(iterator)
    try:
        header = next(rows)
    except StopIteration as error:
        raise ImportFileError(_("The file is empty.")) from error
    header = [nfc("" if cell is None else str(cell)).strip() for cell in header]
    keys = [code_for(cell) if cell else None for cell in header]
    if "ten" not in keys:
        raise ImportFileError(
            _("The first row must name the columns; the column “Họ và tên” (ten) is missing.")
        )
    unknown = [cell for cell, key in zip(header, keys, strict=True) if cell and key is None]
    if unknown:
        raise ImportFileError(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    result = []
    for number, cells in enumerate(rows, start=2):
        values = {key: _cell(cell) for key, cell in zip(keys, cells, strict=False) if key}
        if any(values.values()):
            result.append((number, values))
    return result


def _cell(cell):
    """A cell's value: a date for a date cell, else its text (NFC, trimmed)."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return _unsafe(nfc("" if cell is None else str(cell)).strip())


def _unsafe(text):
    """Undo the export's guard against formulas (see _safe): "'=x" was "=x"."""
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def blanked(values):
    """Take the blank markers out of the row: the columns to empty, errors."""
    by_code = {column.code: column for column in COLUMNS}
    blank, errors = set(), []
    for code, value in list(values.items()):
        if isinstance(value, str) and " ".join(fold(value).split()) in BLANK_MARKERS:
            values[code] = ""
            if code in by_code and by_code[code].blankable:
                blank.add(by_code[code])
            else:
                errors.append(
                    _("the column “%(column)s” cannot be emptied with “(xóa)”") % {"column": code}
                )
    return blank, errors


def read_columns(columns, values, vocabulary, errors):
    """{field: value} of the row's cells in ``columns``, each read by its column's parser;
    the cells it cannot read add their messages to ``errors``."""
    fields = {}
    for column in columns:
        fields[column.field], error = column.read(values, vocabulary)
        if error:
            errors.append(error)
    return fields


def check_award(exemplar, award, vocabulary, errors):
    """The rules across columns: a year from the decision's date, the kinds the law allows."""
    if award["year"] is None and award["decision_date"]:
        award["year"] = award["decision_date"].year
    if exemplar["kind"] and award["award_type_id"] is not None:
        award_type = vocabulary.award_type_objects[award["award_type_id"]]
        refusal = award_type.refusal(exemplar["kind"])
        if refusal:
            errors.append(refusal)


def validate_row(values, vocabulary):
    """Return (exemplar fields, award fields or None, errors). Each cell is read by its
    column (registry_columns.COLUMNS); a row has an award record when any award column is
    filled (or emptied with a blank marker)."""
    values = dict(values)
    blank, errors = blanked(values)
    exemplar = read_columns(EXEMPLAR_COLUMNS, values, vocabulary, errors)
    exemplar["blank"] = {column.field for column in blank if not column.award}
    award_blank = {column.field for column in blank if column.award}
    award = None
    if award_blank or any(values.get(column.code) for column in AWARD_COLUMNS):
        award = read_columns(AWARD_COLUMNS, values, vocabulary, errors)
        award["place_id"] = None  # the exemplar's place as named on the decision: default_unit
        award["blank"] = award_blank
        check_award(exemplar, award, vocabulary, errors)
    return exemplar, award, errors


def _add_award(awards, award):
    """Key the row's award in ``awards``: a second row with the same title, number and year but
    other contents is a second award record (matched in order on re-import), an identical
    one the same."""
    occurrence = 0
    while awards.get((*award_key(award), occurrence), award) != award:
        occurrence += 1
    awards[(*award_key(award), occurrence)] = award


def import_exemplars(rows, index_page, dry_run=False, progress=None, user=None, drafts=False):
    """Validate every row, plan the changes, then write them in one transaction (or nothing).

    The dry run computes the same plan (plan_import) and stops before writing, so its counts
    are the real run's. Written as Wagtail writes an edit: each created or changed record gets
    a revision and audit-log entries (by ``user``), goes into the search index and the cached
    pages are purged, all at once; a record the file leaves as it is gets none of that. With
    ``drafts`` the changed records are saved as drafts and submitted to the directory's
    workflow (Duyệt hồ sơ) instead of going live."""
    result = ImportResult(rows=len(rows), dry_run=dry_run)
    vocabulary = Vocabulary()
    records = {}  # exemplar key → {"fields": ..., "awards": {award key: fields}}
    for position, (number, values) in enumerate(rows, start=1):
        exemplar, award, errors = validate_row(values, vocabulary)
        for message in errors:
            result.errors.append((number, message))
        if not errors:
            _merge(records, exemplar, award)
        if progress and position % PROGRESS_EVERY == 0:
            progress(position, len(rows))
    if result.errors:
        return result
    with transaction.atomic():
        plan = plan_import(records, index_page, result)
        if dry_run:
            return result
        if drafts:
            submit_imported_drafts(records, index_page, result, user)
        else:
            _write(plan, index_page)
            publish_imported(plan.new_pages, plan.changed_pages, user)
    return result


def _merge(records, exemplar, award):
    """Add a valid row to ``records``: later rows of an exemplar fill in what earlier rows
    left empty; only the blank marker empties a value."""
    record = records.setdefault(
        exemplar_key(exemplar), {"fields": {}, "awards": {}, "blank": set()}
    )
    record["blank"] |= exemplar.pop("blank")
    for name, value in exemplar.items():
        if value not in ("", None) or name not in record["fields"]:
            record["fields"][name] = value
    if award:
        _add_award(record["awards"], award)


@dataclass
class ImportPlan:
    """What an import would write; the dry run stops here."""

    new_pages: list = field(default_factory=list)
    changed_pages: list = field(default_factory=list)  # existing records the file changes
    awards_to_create: list = field(default_factory=list)  # (page, award)
    awards_to_update: list = field(default_factory=list)


def plan_import(records, index_page, result):
    """Compare the file with the registry, in memory: new records, changed records and awards,
    and the counts in ``result``. Nothing is written; a record whose values are all as the
    registry has them is marked unchanged (``record["unchanged"]``)."""
    plan = ImportPlan()
    existing = Existing(index_page)
    page_fields = [*EXEMPLAR_FIELDS, "record_code"]
    for key, record in records.items():
        fields = record["fields"]
        page = existing.find(key, fields)
        if page is None:
            page = ExemplarPage(**fields)
            page.name_folded = fold(page.title)
            plan.new_pages.append(page)
            record["page"] = page
            continue
        record["page"] = page
        before = [getattr(page, name) for name in page_fields]
        # The code is the key: a record that has one keeps it as it was written.
        names = EXEMPLAR_FIELDS if page.record_code else page_fields
        apply_fields(page, fields, names, record["blank"])
        if [getattr(page, name) for name in page_fields] != before:
            plan.changed_pages.append(page)
    units = unit_graph()
    current = existing_awards([r["page"].pk for r in records.values() if r["page"].pk])
    changed_ids = {page.pk for page in plan.changed_pages}
    for record in records.values():
        page = record["page"]
        for order, (key, fields) in enumerate(record["awards"].items()):
            blank = fields.get("blank", set())
            values = {k: v for k, v in fields.items() if k != "blank"}
            award = current.get((page.pk, *key)) if page.pk else None
            if award is None:
                award = AwardRecord(sort_order=order, **values)
                default_unit(award, page, units)
                plan.awards_to_create.append((page, award))
                changed_ids.add(page.pk)
                continue
            before = [getattr(award, name) for name in AWARD_FIELDS]
            apply_fields(award, values, AWARD_FIELDS, blank)
            default_unit(award, page, units)
            if [getattr(award, name) for name in AWARD_FIELDS] != before:
                plan.awards_to_update.append(award)
                changed_ids.add(page.pk)
    changed_ids.discard(None)
    plan.changed_pages = [
        r["page"] for r in records.values() if r["page"].pk and r["page"].pk in changed_ids
    ]
    for record in records.values():
        record["unchanged"] = record["page"].pk is not None and record["page"].pk not in changed_ids
    result.created = len(plan.new_pages)
    result.updated = len(plan.changed_pages)
    result.unchanged = len(records) - result.created - result.updated
    result.awards_created = len(plan.awards_to_create)
    result.awards_updated = len(plan.awards_to_update)
    return plan


def _write(plan, index_page):
    """Write the plan in bulk (publish_imported then adds revisions, log and purge)."""
    page_fields = [*EXEMPLAR_FIELDS, "record_code"]
    bulk_add_exemplars(index_page, plan.new_pages)
    if plan.changed_pages:
        ExemplarPage.objects.bulk_update(plan.changed_pages, page_fields, batch_size=BATCH)
    for page, award in plan.awards_to_create:
        award.exemplar_id = page.pk
    AwardRecord.objects.bulk_create(
        [award for _page, award in plan.awards_to_create], batch_size=BATCH
    )
    if plan.awards_to_update:
        AwardRecord.objects.bulk_update(plan.awards_to_update, AWARD_FIELDS, batch_size=BATCH)


def default_unit(award, page, units):
    """An award without a unit gets the exemplar's place as named on the decision date."""
    if award.place_id is None and page.place_id:
        decided = award.decision_date or (date(award.year, 12, 31) if award.year else None)
        award.place_id = units.as_of(page.place_id, decided)


def bulk_add_exemplars(parent, pages):
    """Add many live ExemplarPages under ``parent`` in a handful of queries
    (editorial.page_tree.bulk_insert_pages): a 5,000-row file cannot take Wagtail's dozen
    queries a page. Slugs from the names; no revisions: the import's publish_imported adds
    them, elsewhere the page itself is the live content until an editor saves it."""
    now = timezone.now()
    for page in pages:
        page.slug = slugify_vi(page.title)[:200] or "dien-hinh"
        page.live = True
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
        page.name_folded = fold(page.title)
    bulk_insert_pages(parent, pages)


def directory_for_import():
    return ExemplarIndexPage.objects.order_by("path").first()


SAMPLE = Path(__file__).resolve().parent / "samples" / "mau-nhap.csv"


def sample_rows():
    """The sample file's rows in the registry's columns, as an export writes them."""
    with open(SAMPLE, "rb") as handle:
        rows = read_rows(handle, SAMPLE.name)
    for _number, values in rows:
        yield [column.typed(values.get(column.code, "")) for column in COLUMNS]
