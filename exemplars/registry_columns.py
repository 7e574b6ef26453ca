"""The registry spreadsheet's columns, declared once: what each reads, checks, fills, empties
and writes. The import (exemplars/spreadsheets.py), its writes (registry_writes.py), the
export, the sample file and the import page all go by ``COLUMNS``.

Each column has a code (``ten``, ``nam_sinh``: short, stable, what scripts write) and the
Vietnamese header a person reads ("Họ và tên", "Năm sinh"). Exports carry the Vietnamese
headers; the import accepts either, whatever the case, tone marks or Unicode form.

A column fills one field of the exemplar (``ExemplarPage``) or of the award record
(``AwardRecord``, ``award=True``). Its ``parse(text, vocabulary)`` turns a non-empty cell into
the field's value or raises ``CellError`` with the message for the row. ``key`` columns
identify a record on re-import and are never overwritten; a ``blankable`` column is emptied
by a "(xóa)" cell (BLANK_MARKERS).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from exemplars.models.choices import AwardingLevel, ExemplarKind
from exemplars.models.pages import AwardRecord
from exemplars.models.places import Place
from exemplars.models.vocabularies import AwardType, EthnicGroup, Sector
from language.vietnamese import fold, slugify_vi


class CellError(ValueError):
    """A cell the import cannot take; the message says why, for the row's error list."""


def vocabulary_key(text):
    """Vocabulary keys: folded; hyphens, apostrophes ignored (Ba-na = Ba Na)."""
    folded = fold(text).replace("-", " ").replace("'", "").replace("\u2019", "")
    return " ".join(folded.split())


class Vocabulary:
    """Every lookup table once, keyed by folded text."""

    def __init__(self):
        self.award_type_objects = {a.pk: a for a in AwardType.objects.all()}
        self.award_types = {vocabulary_key(a.name): a.pk for a in self.award_type_objects.values()}
        self.ethnic_groups = {}
        for group in EthnicGroup.objects.all():
            self.ethnic_groups[vocabulary_key(group.name)] = group.pk
            if group.official_name:
                self.ethnic_groups.setdefault(vocabulary_key(group.official_name), group.pk)
        self.sectors = {vocabulary_key(s.name): s.pk for s in Sector.objects.all()}
        self.places = {}
        self.place_names = {}
        for place in Place.objects.select_related("parent__parent__parent"):
            self.places[vocabulary_key(place.full_name)] = place.pk
            self.place_names.setdefault(vocabulary_key(place.name), set()).add(place.pk)
        # The campaign an award names, through the award's own relation (no campaigns import).
        campaign_model = AwardRecord._meta.get_field("campaign").related_model
        self.campaigns = {}
        for pk, title, number in campaign_model.objects.values_list("pk", "title", "plan_number"):
            self.campaigns[vocabulary_key(title)] = pk
            if number:
                self.campaigns.setdefault(vocabulary_key(number), pk)

    def place(self, text):
        key = vocabulary_key(text)
        if key in self.places:
            return self.places[key], None
        matches = self.place_names.get(key, set())
        if len(matches) == 1:
            return next(iter(matches)), None
        if matches:
            return None, gettext(
                "place “%(value)s” is ambiguous: write it in full (“xã …, huyện …, tỉnh …”)"
            )
        return None, gettext("unknown place “%(value)s”")


# Reading a cell -----------------------------------------------------------------------------
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
DATE_PATTERNS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(value):
    """A date cell, or text in one of DATE_PATTERNS; None when it is neither."""
    if isinstance(value, date):
        return value
    for pattern in DATE_PATTERNS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def parse_year(text, low, high):
    """The number in ``text`` when it lies in [low, high], else None."""
    try:
        number = int(str(text).strip())
    except ValueError:
        return None
    return number if low <= number <= high else None


def text(max_length=None):
    """A free-text cell, cut to the field's length."""
    return lambda value, vocabulary: value[:max_length]


def _name(value, vocabulary):
    name = " ".join(value.split())
    if len(name) > 255:
        raise CellError(gettext("the name is longer than 255 characters"))
    return name


def _record_code(value, vocabulary):
    code = " ".join(str(value).split())
    if len(code) > 40:
        raise CellError(gettext("the record code (ma_ho_so) is longer than 40 characters"))
    return code


def _kind(value, vocabulary):
    kind = KIND_WORDS.get(vocabulary_key(value)) or (
        value if value in ExemplarKind.values else None
    )
    if kind is None:
        raise CellError(
            gettext("unknown kind “%(value)s” (cá nhân, tập thể, hộ gia đình, thôn làng)")
            % {"value": value}
        )
    return kind


def _birth_year(value, vocabulary):
    year = parse_year(value, 1880, 2030)
    if year is None:
        raise CellError(gettext("birth year “%(value)s” is not a year") % {"value": value})
    return year


def _ethnicity(value, vocabulary):
    found = vocabulary.ethnic_groups.get(vocabulary_key(value))
    if found is None:
        raise CellError(gettext("unknown ethnic group “%(value)s”") % {"value": value})
    return found


def _place(value, vocabulary):
    found, message = vocabulary.place(value)
    if message:
        raise CellError(message % {"value": value})
    return found


def _sector(value, vocabulary):
    found = vocabulary.sectors.get(vocabulary_key(value))
    if found is None:
        raise CellError(gettext("unknown field “%(value)s”") % {"value": value})
    return found


def _award_type(value, vocabulary):
    found = vocabulary.award_types.get(vocabulary_key(value))
    if found is None:
        raise CellError(gettext("unknown title or form “%(value)s”") % {"value": value})
    return found


def _level(value, vocabulary):
    level = LEVEL_WORDS.get(vocabulary_key(value)) or (
        value if value in AwardingLevel.values else None
    )
    if level is None:
        raise CellError(gettext("unknown awarding level “%(value)s”") % {"value": value})
    return level


def _decision_date(value, vocabulary):
    found = parse_date(value)
    if found is None:
        raise CellError(
            gettext("decision date “%(value)s” is not a date (dd/mm/yyyy)") % {"value": value}
        )
    return found


def _year(value, vocabulary):
    year = parse_year(value, 1945, 2100)
    if year is None:
        raise CellError(gettext("year “%(value)s” is not a year") % {"value": value})
    return year


def _campaign(value, vocabulary):
    found = vocabulary.campaigns.get(vocabulary_key(value))
    if found is None:
        raise CellError(gettext("unknown campaign “%(value)s”") % {"value": value})
    return found


# Writing a cell -----------------------------------------------------------------------------
def attribute(path):
    """The export of a field shown through a relation: "place.full_name"; "" when unset."""

    def export(obj):
        for name in path.split("."):
            obj = getattr(obj, name)
            if obj is None:
                return ""
        return obj

    return export


# The table ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    code: str
    header: str  # the file format: Vietnamese whatever the reader's language
    meaning: Promise
    aliases: tuple = ()  # other headers people write for it
    field: str = ""  # the ExemplarPage (or, award=True, AwardRecord) field it fills
    parse: Callable = text()  # (non-empty cell, Vocabulary) → value; raises CellError
    empty: object = ""  # the value of an empty cell, and of a field "(xóa)" empties
    award: bool = False  # a column of the award record, else of the exemplar
    key: bool = False  # identifies the record on re-import: never overwritten by one
    blankable: bool = False  # "(xóa)" in the cell empties the field
    required: Promise | None = None  # the error of an empty cell
    personal: bool = False  # exported only where the person consented (or to staff)
    export: Callable | None = None  # (page or award) → cell; default: the field, "" for None
    cell: str = "text"  # "date" or "year": a date or number cell in the export

    def read(self, values, vocabulary):
        """(value, error or None) of this column in a row ({code: cell})."""
        value = values.get(self.code) or ""
        if not value:
            return self.empty, (str(self.required) if self.required else None)
        try:
            return self.parse(value, vocabulary), None
        except CellError as error:
            return None, str(error)

    def write(self, obj, shown=True):
        """The export's cell for the page (or award record)."""
        if self.personal and not shown:
            return ""
        if self.export is not None:
            return self.export(obj)
        value = getattr(obj, self.field)
        return "" if value is None else value

    def typed(self, value):
        """A cell of the sample file (text) as the export writes it: a date, a year number."""
        if self.cell == "date":
            return (parse_date(value) if value else None) or ""
        if self.cell == "year" and value.isdigit():
            return int(value)
        return value


COLUMNS = (
    Column(
        "ma_ho_so",
        "Mã hồ sơ",
        _("Record code: optional; a re-import finds the record by it"),
        field="record_code",
        parse=_record_code,
        key=True,
    ),
    Column(
        "ten",
        "Họ và tên",
        _("Name, in one field; required"),
        ("Tên",),
        field="title",
        parse=_name,
        key=True,
        required=_("the name (ten) is empty"),
    ),
    Column(
        "loai",
        "Loại",
        _("Kind: Cá nhân, Tập thể, Hộ gia đình, Thôn, làng"),
        field="kind",
        parse=_kind,
        empty=ExemplarKind.INDIVIDUAL.value,
        export=lambda page: KIND_EXPORT.get(page.kind, page.kind),
    ),
    Column(
        "danh_xung",
        "Danh xưng",
        _("Honorific: “cô giáo”, “già làng”"),
        field="honorific",
        parse=text(60),
        blankable=True,
    ),
    Column(
        "nam_sinh",
        "Năm sinh",
        _("Birth year, 1880–2030"),
        field="birth_year",
        parse=_birth_year,
        empty=None,
        blankable=True,
        personal=True,
        cell="year",
    ),
    Column(
        "dan_toc",
        "Dân tộc",
        _("Ethnic group, from the vocabulary"),
        field="ethnicity_id",
        parse=_ethnicity,
        empty=None,
        blankable=True,
        personal=True,
        export=attribute("ethnicity.name"),
    ),
    Column("chuc_vu", "Chức vụ", _("Role"), field="role", parse=text(200), blankable=True),
    Column("don_vi", "Đơn vị", _("Unit"), field="unit", parse=text(255), blankable=True),
    Column(
        "dia_ban",
        "Địa bàn",
        _("Place, in full or a name unique in the vocabulary"),
        field="place_id",
        parse=_place,
        empty=None,
        blankable=True,
        export=attribute("place.full_name"),
    ),
    Column(
        "linh_vuc",
        "Lĩnh vực",
        _("Field of achievement, from the vocabulary"),
        field="sector_id",
        parse=_sector,
        empty=None,
        blankable=True,
        export=attribute("sector.name"),
    ),
    Column("tom_tat", "Tóm tắt", _("Achievement summary"), field="summary", blankable=True),
    Column(
        "danh_hieu",
        "Danh hiệu",
        _("Title or form awarded; required for an award row"),
        field="award_type_id",
        parse=_award_type,
        empty=None,
        award=True,
        key=True,
        required=_("the title or form (danh_hieu) is empty"),
        export=attribute("award_type.name"),
    ),
    Column(
        "cap_khen",
        "Cấp khen",
        _("Awarding level: Toàn quốc, Bộ, ngành, Tỉnh, Huyện, Cơ sở"),
        field="level",
        parse=_level,
        award=True,
        blankable=True,
        export=lambda award: LEVEL_EXPORT.get(award.level, ""),
    ),
    Column(
        "so_quyet_dinh",
        "Số quyết định",
        _("Decision number, as written: “163/QĐ-UBND”"),
        field="decision_number",
        parse=text(60),
        award=True,
        key=True,
    ),
    Column(
        "ngay_quyet_dinh",
        "Ngày quyết định",
        _("Decision date: dd/mm/yyyy or a date cell"),
        field="decision_date",
        parse=_decision_date,
        empty=None,
        award=True,
        blankable=True,
        cell="date",
    ),
    Column(
        "co_quan_ban_hanh",
        "Cơ quan ban hành",
        _("Issuing authority"),
        field="issuing_authority",
        parse=text(200),
        award=True,
        blankable=True,
    ),
    Column(
        "nam",
        "Năm",
        _("Year of the award; empty: the decision's year"),
        field="year",
        parse=_year,
        empty=None,
        award=True,
        key=True,
        cell="year",
    ),
    Column(
        "giai_doan",
        "Giai đoạn",
        _("Period: “2015–2020”"),
        field="period",
        parse=text(40),
        award=True,
        blankable=True,
    ),
    Column(
        "phong_trao",
        "Phong trào",
        _("Campaign: its title or plan number"),
        field="campaign_id",
        parse=_campaign,
        empty=None,
        award=True,
        blankable=True,
        export=attribute("campaign.title"),
    ),
    Column(
        "ghi_chu",
        "Ghi chú",
        _("Note"),
        field="note",
        parse=text(255),
        award=True,
        blankable=True,
    ),
)
CODES = [column.code for column in COLUMNS]
HEADERS = [column.header for column in COLUMNS]
EXEMPLAR_COLUMNS = [column for column in COLUMNS if not column.award]
AWARD_COLUMNS = [column for column in COLUMNS if column.award]
# The fields a re-import overwrites (the key columns find the record; they stay as they are).
# An award record's own place (its unit as named on the decision) is not a column: the
# import derives it from the exemplar's (spreadsheets.default_unit).
EXEMPLAR_FIELDS = [column.field for column in EXEMPLAR_COLUMNS if not column.key]
AWARD_FIELDS = [column.field for column in AWARD_COLUMNS if not column.key] + ["place_id"]
EMPTY = {column.field: column.empty for column in COLUMNS}


def header_key(value):
    """A header cell as a comparable key: NFC, case and tone marks do not matter."""
    return slugify_vi(str(value or "")).replace("-", "_")


_BY_KEY = {}
for _column in COLUMNS:
    for _name in (_column.code, _column.header, *_column.aliases):
        _BY_KEY[header_key(_name)] = _column.code


def code_for(header):
    """The column code a header cell names ("Họ và tên", "HO VA TEN", "ten" → "ten"), or
    None when it names no column."""
    return _BY_KEY.get(header_key(header))
