"""The registry spreadsheet's columns, defined once: the import reads them, the export writes
them, the sample file and the import page list them.

Each column has a code (``ten``, ``nam_sinh``: short, stable, what scripts write) and the
Vietnamese header a person reads ("Họ và tên", "Năm sinh"). Exports carry the Vietnamese
headers; the import accepts either, whatever the case, tone marks or Unicode form.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from language.vietnamese import slugify_vi


@dataclass(frozen=True)
class Column:
    code: str
    header: str  # the file format: Vietnamese whatever the reader's language
    meaning: Promise
    aliases: tuple = ()  # other headers people write for it


COLUMNS = (
    Column("ma_ho_so", "Mã hồ sơ", _("Record code: optional; a re-import finds the record by it")),
    Column("ten", "Họ và tên", _("Name, in one field; required"), ("Tên",)),
    Column("loai", "Loại", _("Kind: Cá nhân, Tập thể, Hộ gia đình, Thôn, làng")),
    Column("danh_xung", "Danh xưng", _("Honorific: “cô giáo”, “già làng”")),
    Column("nam_sinh", "Năm sinh", _("Birth year, 1880–2030")),
    Column("dan_toc", "Dân tộc", _("Ethnic group, from the vocabulary")),
    Column("chuc_vu", "Chức vụ", _("Role")),
    Column("don_vi", "Đơn vị", _("Unit")),
    Column("dia_ban", "Địa bàn", _("Place, in full or a name unique in the vocabulary")),
    Column("linh_vuc", "Lĩnh vực", _("Field of achievement, from the vocabulary")),
    Column("tom_tat", "Tóm tắt", _("Achievement summary")),
    Column("danh_hieu", "Danh hiệu", _("Title or form awarded; required for an award row")),
    Column("cap_khen", "Cấp khen", _("Awarding level: Toàn quốc, Bộ, ngành, Tỉnh, Huyện, Cơ sở")),
    Column("so_quyet_dinh", "Số quyết định", _("Decision number, as written: “163/QĐ-UBND”")),
    Column("ngay_quyet_dinh", "Ngày quyết định", _("Decision date: dd/mm/yyyy or a date cell")),
    Column("co_quan_ban_hanh", "Cơ quan ban hành", _("Issuing authority")),
    Column("nam", "Năm", _("Year of the award; empty: the decision's year")),
    Column("giai_doan", "Giai đoạn", _("Period: “2015–2020”")),
    Column("phong_trao", "Phong trào", _("Campaign: its title or plan number")),
    Column("ghi_chu", "Ghi chú", _("Note")),
)
CODES = [column.code for column in COLUMNS]
HEADERS = [column.header for column in COLUMNS]


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
