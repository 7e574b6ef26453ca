"""Import and export of the exemplar registry as CSV or XLSX (format: exemplars/samples/README.md).

One row per award record; an exemplar with three awards takes three rows (its own columns
repeated, or left empty after the first). Every row is checked before anything is written;
any error and nothing is imported. Re-importing updates: an exemplar is the same when its
folded name, kind and place match; an award record when its title, decision number and
year match.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from exemplars.models.choices import AwardingLevel, ExemplarKind
from exemplars.models.index import ExemplarIndexPage
from exemplars.models.pages import AwardRecord, ExemplarPage
from exemplars.models.places import Place
from exemplars.models.vocabularies import AwardType, EthnicGroup, Sector
from language.vietnamese import fold, nfc, slugify_vi

from .registry_columns import CODES, HEADERS, code_for

COLUMNS = CODES
AWARD_COLUMNS = COLUMNS[11:]
EXEMPLAR_FIELDS = [
    "kind",
    "honorific",
    "birth_year",
    "ethnicity_id",
    "role",
    "unit",
    "place_id",
    "sector_id",
    "summary",
]
AWARD_FIELDS = [
    "level",
    "decision_date",
    "issuing_authority",
    "period",
    "campaign_id",
    "note",
    "place_id",
]
# A cell holding this (any case, with or without tone marks) empties the field on re-import;
# an empty cell leaves what the registry has.
BLANK_MARKERS = {"(xoa)", "(trong)"}
BLANKABLE = {
    "danh_xung": "honorific",
    "nam_sinh": "birth_year",
    "dan_toc": "ethnicity_id",
    "chuc_vu": "role",
    "don_vi": "unit",
    "dia_ban": "place_id",
    "linh_vuc": "sector_id",
    "tom_tat": "summary",
    "cap_khen": "level",
    "ngay_quyet_dinh": "decision_date",
    "co_quan_ban_hanh": "issuing_authority",
    "giai_doan": "period",
    "phong_trao": "campaign_id",
    "ghi_chu": "note",
}
EMPTY = {"birth_year": None, "ethnicity_id": None, "place_id": None, "sector_id": None}
EMPTY.update({"decision_date": None, "campaign_id": None})
KIND_WORDS = {
    "ca nhan": "individual",
    "tap the": "collective",
    "ho gia dinh": "household",
    "gia dinh": "household",
    "thon": "village",
    "lang": "village",
    "thon lang": "village",
    "thon, lang": "village",
    "to dan pho": "village",
}
KIND_EXPORT = {
    "individual": "Cá nhân",
    "collective": "Tập thể",
    "household": "Hộ gia đình",
    "village": "Thôn, làng",
}
LEVEL_WORDS = {
    "toan quoc": "national",
    "trung uong": "national",
    "nha nuoc": "national",
    "bo": "ministry",
    "bo, nganh": "ministry",
    "tinh": "provincial",
    "huyen": "district",
    "co so": "grassroots",
}
LEVEL_EXPORT = {
    "national": "Toàn quốc",
    "ministry": "Bộ, ngành",
    "provincial": "Tỉnh",
    "district": "Huyện",
    "grassroots": "Cơ sở",
}
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")
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


def _key(text):
    """Vocabulary keys: folded; hyphens, apostrophes ignored (Ba-na = Ba Na)."""
    folded = fold(text).replace("-", " ").replace("'", "").replace("\u2019", "")
    return " ".join(folded.split())


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
        values = {}
        for key, cell in zip(keys, cells, strict=False):
            if not key:
                continue
            if isinstance(cell, datetime):
                cell = cell.date()
            if isinstance(cell, date):
                values[key] = cell
            elif isinstance(cell, float) and cell.is_integer():
                values[key] = str(int(cell))
            else:
                values[key] = _unsafe(nfc("" if cell is None else str(cell)).strip())
        if any(values.values()):
            result.append((number, values))
    return result


def _unsafe(text):
    """Undo the export's guard against formulas (see _safe): "'=x" was "=x"."""
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


class Vocabulary:
    """Every lookup table once, keyed by folded text."""

    def __init__(self):
        self.award_type_objects = {a.pk: a for a in AwardType.objects.all()}
        self.award_types = {_key(a.name): a.pk for a in self.award_type_objects.values()}
        self.ethnic_groups = {}
        for group in EthnicGroup.objects.all():
            self.ethnic_groups[_key(group.name)] = group.pk
            if group.official_name:
                self.ethnic_groups.setdefault(_key(group.official_name), group.pk)
        self.sectors = {_key(s.name): s.pk for s in Sector.objects.all()}
        self.places = {}
        self.place_names = {}
        for place in Place.objects.select_related("parent__parent__parent"):
            self.places[_key(place.full_name)] = place.pk
            self.place_names.setdefault(_key(place.name), set()).add(place.pk)
        # The campaign an award names, through the award's own relation (no campaigns import).
        campaign_model = AwardRecord._meta.get_field("campaign").related_model
        self.campaigns = {}
        for pk, title, number in campaign_model.objects.values_list("pk", "title", "plan_number"):
            self.campaigns[_key(title)] = pk
            if number:
                self.campaigns.setdefault(_key(number), pk)

    def place(self, text):
        key = _key(text)
        if key in self.places:
            return self.places[key], None
        matches = self.place_names.get(key, set())
        if len(matches) == 1:
            return next(iter(matches)), None
        if matches:
            return None, _(
                "place “%(value)s” is ambiguous: write it in full (“xã …, huyện …, tỉnh …”)"
            )
        return None, _("unknown place “%(value)s”")


def _parse_int(text, low, high):
    if text in ("", None):
        return None, False
    try:
        number = int(str(text).strip())
    except ValueError:
        return None, True
    return (number, False) if low <= number <= high else (None, True)


def _parse_date(value):
    if value in ("", None):
        return None, False
    if isinstance(value, date):
        return value, False
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date(), False
        except ValueError:
            continue
    return None, True


def _blanked(values):
    """Take the blank markers out of the row: {field names to empty}, errors."""
    blank, errors = set(), []
    for column, value in list(values.items()):
        if isinstance(value, str) and " ".join(fold(value).split()) in BLANK_MARKERS:
            values[column] = ""
            if column in BLANKABLE:
                blank.add(BLANKABLE[column])
            else:
                errors.append(
                    _("the column “%(column)s” cannot be emptied with “(xóa)”") % {"column": column}
                )
    return blank, errors


def validate_row(values, vocabulary):
    """Return (exemplar fields, award fields or None, errors)."""
    values = dict(values)
    blank, errors = _blanked(values)
    name = " ".join((values.get("ten") or "").split())
    if not name:
        errors.append(_("the name (ten) is empty"))
    elif len(name) > 255:
        errors.append(_("the name is longer than 255 characters"))
    kind_text = values.get("loai", "")
    kind = ExemplarKind.INDIVIDUAL.value
    if kind_text:
        kind = KIND_WORDS.get(_key(kind_text)) or (
            kind_text if kind_text in ExemplarKind.values else None
        )
        if kind is None:
            errors.append(
                _("unknown kind “%(value)s” (cá nhân, tập thể, hộ gia đình, thôn làng)")
                % {"value": kind_text}
            )
    birth_year, bad = _parse_int(values.get("nam_sinh"), 1880, 2030)
    if bad:
        errors.append(_("birth year “%(value)s” is not a year") % {"value": values.get("nam_sinh")})
    code = " ".join(str(values.get("ma_ho_so", "")).split())
    if len(code) > 40:
        errors.append(_("the record code (ma_ho_so) is longer than 40 characters"))
    exemplar = {
        "record_code": code[:40],
        "title": name,
        "kind": kind,
        "honorific": values.get("danh_xung", "")[:60],
        "birth_year": birth_year,
        "role": values.get("chuc_vu", "")[:200],
        "unit": values.get("don_vi", "")[:255],
        "summary": values.get("tom_tat", ""),
        "ethnicity_id": None,
        "place_id": None,
        "sector_id": None,
    }
    if values.get("dan_toc"):
        exemplar["ethnicity_id"] = vocabulary.ethnic_groups.get(_key(values["dan_toc"]))
        if exemplar["ethnicity_id"] is None:
            errors.append(_("unknown ethnic group “%(value)s”") % {"value": values["dan_toc"]})
    if values.get("dia_ban"):
        exemplar["place_id"], message = vocabulary.place(values["dia_ban"])
        if message:
            errors.append(message % {"value": values["dia_ban"]})
    if values.get("linh_vuc"):
        exemplar["sector_id"] = vocabulary.sectors.get(_key(values["linh_vuc"]))
        if exemplar["sector_id"] is None:
            errors.append(_("unknown field “%(value)s”") % {"value": values["linh_vuc"]})

    exemplar["blank"] = {name for name in blank if name in EXEMPLAR_FIELDS}
    award = None
    if any(values.get(column) for column in AWARD_COLUMNS) or blank - exemplar["blank"]:
        award = {
            "decision_number": values.get("so_quyet_dinh", "")[:60],
            "issuing_authority": values.get("co_quan_ban_hanh", "")[:200],
            "period": values.get("giai_doan", "")[:40],
            "note": values.get("ghi_chu", "")[:255],
            "level": "",
            "campaign_id": None,
        }
        title = values.get("danh_hieu", "")
        award["award_type_id"] = vocabulary.award_types.get(_key(title)) if title else None
        if not title:
            errors.append(_("the title or form (danh_hieu) is empty"))
        elif award["award_type_id"] is None:
            errors.append(_("unknown title or form “%(value)s”") % {"value": title})
        elif kind:  # the law says who may receive it
            refusal = vocabulary.award_type_objects[award["award_type_id"]].refusal(kind)
            if refusal:
                errors.append(refusal)
        level_text = values.get("cap_khen", "")
        if level_text:
            award["level"] = LEVEL_WORDS.get(_key(level_text)) or (
                level_text if level_text in AwardingLevel.values else None
            )
            if award["level"] is None:
                errors.append(_("unknown awarding level “%(value)s”") % {"value": level_text})
                award["level"] = ""
        award["decision_date"], bad = _parse_date(values.get("ngay_quyet_dinh"))
        if bad:
            errors.append(
                _("decision date “%(value)s” is not a date (dd/mm/yyyy)")
                % {"value": values.get("ngay_quyet_dinh")}
            )
        award["year"], bad = _parse_int(values.get("nam"), 1945, 2100)
        if bad:
            errors.append(_("year “%(value)s” is not a year") % {"value": values.get("nam")})
        if award["year"] is None and award["decision_date"]:
            award["year"] = award["decision_date"].year
        if values.get("phong_trao"):
            award["campaign_id"] = vocabulary.campaigns.get(_key(values["phong_trao"]))
            if award["campaign_id"] is None:
                errors.append(_("unknown campaign “%(value)s”") % {"value": values["phong_trao"]})
        award["place_id"] = None  # the exemplar's place as named on the decision (see _write)
        award["blank"] = {name for name in blank if name in AWARD_FIELDS and name != "place_id"}
    return exemplar, award, errors


def exemplar_key(fields):
    """The registry's code when the row has one, else the name, kind and place."""
    if fields.get("record_code"):
        return ("code", fields["record_code"].casefold())
    return ("name", fold(fields["title"]), fields["kind"], fields["place_id"])


def award_key(fields):
    return (fields["award_type_id"], fold(fields["decision_number"]), fields["year"])


def stored_award_key(award):
    """award_key of an AwardRecord: a record without a year has its decision's, as a row
    without ``nam`` does."""
    year = award.year or (award.decision_date.year if award.decision_date else None)
    return (award.award_type_id, fold(award.decision_number), year)


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
            record = records.setdefault(
                exemplar_key(exemplar), {"fields": {}, "awards": {}, "blank": set()}
            )
            # Later rows fill in what earlier rows left empty; only the marker blanks a value.
            record["blank"] |= exemplar.pop("blank")
            for name, value in exemplar.items():
                if value not in ("", None) or name not in record["fields"]:
                    record["fields"][name] = value
            if award:
                _add_award(record["awards"], award)
        if progress and position % PROGRESS_EVERY == 0:
            progress(position, len(rows))
    if result.errors:
        return result
    from .registry_writes import publish_imported, submit_imported_drafts

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


class Existing:
    """The directory's records, found by code or (rows without a code) name, kind and place."""

    def __init__(self, index_page, fields=()):
        self.by_code, self.by_name = {}, {}
        for page in ExemplarPage.objects.child_of(index_page).only(
            "pk", "title", "kind", "place_id", "record_code", *fields
        ):
            if page.record_code:
                self.by_code[page.record_code.casefold()] = page
            self.by_name.setdefault((fold(page.title), page.kind, page.place_id), page)

    def find(self, key, fields):
        if key[0] == "code":
            page = self.by_code.get(key[1])
            if page is not None:
                return page
            # A record imported before it had a code: the same name, kind and place, no code.
            namesake = self.by_name.get((fold(fields["title"]), fields["kind"], fields["place_id"]))
            return namesake if namesake is not None and not namesake.record_code else None
        return self.by_name.get(key[1:])


def _existing(index_page):
    return Existing(index_page, EXEMPLAR_FIELDS)


def existing_awards(exemplar_ids):
    """{(exemplar id, *award key, occurrence): award}: awards sharing a title, number and year
    are told apart by their order, as the export writes them."""
    found = {}
    for chunk in range(0, len(exemplar_ids), 500):
        awards = AwardRecord.objects.filter(exemplar_id__in=exemplar_ids[chunk : chunk + 500])
        for award in sorted(awards, key=lambda a: (a.year or 0, a.sort_order or 0, a.pk)):
            base = (award.exemplar_id, *stored_award_key(award))
            occurrence = 0
            while (*base, occurrence) in found:
                occurrence += 1
            found[(*base, occurrence)] = award
    return found


@dataclass
class ImportPlan:
    """What an import would write; the dry run stops here."""

    new_pages: list = field(default_factory=list)
    changed_pages: list = field(default_factory=list)  # existing records the file changes
    awards_to_create: list = field(default_factory=list)  # (page, award)
    awards_to_update: list = field(default_factory=list)


def apply_fields(target, fields, names, blank):
    """Set the row's non-empty values, and empty the fields it marked (BLANK_MARKERS)."""
    for name in names:
        if name in blank:
            setattr(target, name, EMPTY.get(name, ""))
        elif fields.get(name) not in ("", None):
            setattr(target, name, fields[name])


def plan_import(records, index_page, result):
    """Compare the file with the registry, in memory: new records, changed records and awards,
    and the counts in ``result``. Nothing is written; a record whose values are all as the
    registry has them is marked unchanged (``record["unchanged"]``)."""
    from .units import graph as unit_graph

    plan = ImportPlan()
    existing = _existing(index_page)
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
                _default_unit(award, page, units)
                plan.awards_to_create.append((page, award))
                changed_ids.add(page.pk)
                continue
            before = [getattr(award, name) for name in AWARD_FIELDS]
            apply_fields(award, values, AWARD_FIELDS, blank)
            _default_unit(award, page, units)
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


def _default_unit(award, page, units):
    """An award without a unit gets the exemplar's place as named on the decision date."""
    if award.place_id is None and page.place_id:
        decided = award.decision_date or (date(award.year, 12, 31) if award.year else None)
        award.place_id = units.as_of(page.place_id, decided)


def bulk_add_exemplars(parent, pages):
    """Add many live ExemplarPages under ``parent`` in a handful of queries.

    Wagtail's add_child costs a dozen queries a page; a 5,000-row file needs bulk inserts.
    We compute the tree paths ourselves (treebeard's materialised path), insert the Page rows,
    then the ExemplarPage rows. No revisions: the page itself is the live content until an
    editor saves it in the admin.
    """
    if not pages:
        return
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    taken = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
            "slug", flat=True
        )
    )
    content_type = ContentType.objects.get_for_model(ExemplarPage)
    now = timezone.now()
    base_pages = []
    for page in pages:
        position += 1
        base = slugify_vi(page.title)[:200] or "dien-hinh"
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        page.slug = slug
        page.path = Page._get_path(parent.path, parent.depth + 1, position)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
        page.name_folded = fold(page.title)
        base_pages.append(
            Page(
                **{
                    f.attname: getattr(page, f.attname)
                    for f in Page._meta.concrete_fields
                    if f.attname != "id"
                }
            )
        )
    Page.objects.bulk_create(base_pages, batch_size=BATCH)
    if base_pages[0].pk is None:  # a database that does not return ids from bulk inserts
        ids = dict(
            Page.objects.filter(path__in=[p.path for p in base_pages]).values_list("path", "pk")
        )
        for base_page in base_pages:
            base_page.pk = ids[base_page.path]
    local_fields = [f for f in ExemplarPage._meta.local_concrete_fields]
    for page, base_page in zip(pages, base_pages, strict=True):
        page.pk = page.page_ptr_id = base_page.pk
        page.id = base_page.pk
    for start in range(0, len(pages), BATCH):
        ExemplarPage._base_manager._insert(
            pages[start : start + BATCH], fields=local_fields, using="default"
        )
    for page in pages:
        page._state.adding = False
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


def directory_for_import():
    return ExemplarIndexPage.objects.order_by("path").first()


# Export ----------------------------------------------------------------------------------------
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
        common = [
            page.record_code,
            page.title,
            KIND_EXPORT.get(page.kind, page.kind),
            page.honorific,
            (page.birth_year or "") if shown else "",
            (page.ethnicity.name if page.ethnicity else "") if shown else "",
            page.role,
            page.unit,
            page.place.full_name if page.place else "",
            page.sector.name if page.sector else "",
            page.summary,
        ]
        awards = sorted(page.awards.all(), key=lambda a: (a.year or 0, a.sort_order or 0))
        if not awards:
            yield common + [""] * len(AWARD_COLUMNS)
        for award in awards:
            yield common + [
                award.award_type.name,
                LEVEL_EXPORT.get(award.level, ""),
                award.decision_number,
                award.decision_date or "",
                award.issuing_authority,
                award.year or "",
                award.period,
                award.campaign.title if award.campaign else "",
                award.note,
            ]


SHEET_TITLE = "Điển hình tiên tiến"
DATE_FORMAT = "dd/mm/yyyy"


SAMPLE = Path(__file__).resolve().parent / "samples" / "mau-nhap.csv"


def sample_rows():
    """The sample file's rows in the registry's columns, as an export writes them."""
    with open(SAMPLE, "rb") as handle:
        rows = read_rows(handle, SAMPLE.name)
    for _number, values in rows:
        row = []
        for code in COLUMNS:
            value = values.get(code, "")
            if code == "ngay_quyet_dinh":
                value = _parse_date(value)[0] or ""
            elif code in ("nam", "nam_sinh") and value.isdigit():
                value = int(value)
            row.append(value)
        yield row


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
