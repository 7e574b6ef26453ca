"""The station's broadcast schedule from a spreadsheet (CSV or XLSX), as the planning desk
keeps it: one row per slot, columns "Kênh", "Ngày", "Giờ", "Chương trình" (any case, tone
marks optional; a first row naming them is required).

Every row is checked before anything is written; any error and nothing is imported, each
error given with its row number (the spreadsheet's, header = row 1). The file is the whole
schedule of every (channel, day) it names: re-importing it changes nothing; a corrected
file updates titles, adds slots and removes the ones no longer listed on those days. Days
the file does not name are left alone. Slots are linked to their programme (and the episode
aired at that time) by name: channels/matching.py.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import transaction
from django.utils.translation import gettext as _

from language.vietnamese import fold, nfc

from .matching import ProgrammeMatcher
from .models import Channel, ScheduleDay, ScheduleSlot
from .signals import schedule_changed

MAX_ROWS = 5000
COLUMNS = {
    "kenh": "channel",
    "channel": "channel",
    "ngay": "date",
    "date": "date",
    "gio": "time",
    "gio phat": "time",
    "bat dau": "time",
    "time": "time",
    "start": "time",
    "chuong trinh": "title",
    "ten chuong trinh": "title",
    "tieu de": "title",
    "title": "title",
}
REQUIRED = ("channel", "date", "time", "title")
DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)
TIME_PATTERN = re.compile(r"^(?P<h>\d{1,2})\s*[:hg]\s*(?P<m>\d{2})?(?::\d{2})?$")


class ImportFileError(Exception):
    """The file cannot be read at all (wrong type, encoding, no header)."""


@dataclass
class ImportResult:
    rows: int = 0
    errors: list = field(default_factory=list)  # (row number, message)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    linked: int = 0

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        return _(
            "%(rows)s rows: %(created)s slots added, %(updated)s changed, %(unchanged)s "
            "unchanged, %(removed)s removed; %(linked)s linked to a programme."
        ) % vars(self)


def read_rows(uploaded, filename):
    """[(row number, {column: value})] from a CSV or XLSX file."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        return _rows_from(_xlsx(uploaded))
    if name.endswith(".csv"):
        return _rows_from(_csv(uploaded))
    raise ImportFileError(_("Upload a .csv or .xlsx file."))


def _csv(uploaded):
    raw = uploaded.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The CSV file is not UTF-8 text. Save it as “CSV UTF-8”.")
        ) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def _xlsx(uploaded):
    from openpyxl import load_workbook  # only for .xlsx: the site starts without it

    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The Excel file cannot be read.")) from error
    return workbook.worksheets[0].iter_rows(values_only=True)


def _header_key(cell):
    return COLUMNS.get(" ".join(fold(nfc(str(cell or ""))).lower().split()))


def _rows_from(iterator):
    rows = iter(iterator)
    try:
        header = next(rows)
    except StopIteration as error:
        raise ImportFileError(_("The file is empty.")) from error
    keys = [_header_key(cell) for cell in header]
    missing = [column for column in REQUIRED if column not in keys]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns “Kênh”, “Ngày”, “Giờ” and “Chương trình”.")
        )
    result = []
    for number, cells in enumerate(rows, start=2):
        values = {key: _cell(cell) for key, cell in zip(keys, cells, strict=False) if key}
        if any(value not in ("", None) for value in values.values()):
            result.append((number, values))
        if len(result) > MAX_ROWS:
            raise ImportFileError(_("At most %(count)s rows in one file.") % {"count": MAX_ROWS})
    return result


def _cell(cell):
    if isinstance(cell, (datetime, date, time)):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return nfc("" if cell is None else str(cell)).strip()


def _date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for pattern in DATE_PATTERNS:
        found = pattern.match(value or "")
        if found:
            try:
                return date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                return None
    return None


def _time(value):
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    found = TIME_PATTERN.match((value or "").lower())
    if not found:
        return None
    hour, minute = int(found["h"]), int(found["m"] or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _channels():
    by_key = {}
    for channel in Channel.objects.all():
        by_key[channel.slug] = channel
        by_key[" ".join(fold(channel.name).lower().split())] = channel
    return by_key


def check_rows(rows, result):
    """{(channel, date): {time: (row number, title)}} and the rows' errors, in row order."""
    channels = _channels()
    days, seen = {}, {}
    for number, values in rows:
        result.rows += 1
        name = str(values.get("channel") or "")
        channel = channels.get(" ".join(fold(name).lower().split())) or channels.get(name)
        day = _date(values.get("date"))
        at = _time(values.get("time"))
        title = str(values.get("title") or "")
        problems = []
        if not name:
            problems.append(_("the channel is missing"))
        elif channel is None:
            problems.append(_("no channel “%(name)s”") % {"name": name})
        if day is None:
            problems.append(
                _("the date “%(value)s” is not a day (dd/mm/yyyy)")
                % {"value": values.get("date") or ""}
            )
        if at is None:
            problems.append(
                _("the time “%(value)s” is not a time (hh:mm)")
                % {"value": values.get("time") or ""}
            )
        if not title:
            problems.append(_("the programme is missing"))
        elif len(title) > 200:
            problems.append(_("the programme name is longer than 200 characters"))
        if not problems:
            key = (channel, day)
            if at in days.setdefault(key, {}):
                problems.append(
                    _("the same channel, day and time as row %(row)s") % {"row": seen[(key, at)]}
                )
            else:
                days[key][at] = title
                seen[(key, at)] = number
        for problem in problems:
            result.errors.append((number, problem))
    return days


def import_schedule(rows, dry_run=False):
    """Check every row; when all are right (and not ``dry_run``), write the days they name."""
    result = ImportResult()
    days = check_rows(rows, result)
    if result.errors or dry_run:
        return result
    matcher = ProgrammeMatcher()
    with transaction.atomic():
        for (channel, day_date), wanted in days.items():
            day, _created = ScheduleDay.objects.get_or_create(channel=channel, date=day_date)
            existing = {slot.start_time: slot for slot in day.slots.all()}
            for at, title in sorted(wanted.items()):
                slot = existing.pop(at, None)
                if slot is not None and slot.title == title:
                    result.unchanged += 1
                    continue
                if slot is None:
                    slot = ScheduleSlot(day=day, start_time=at, title=title)
                    result.created += 1
                else:
                    slot.title = title
                    slot.programme_id = slot.episode_id = None
                    result.updated += 1
                slot.set_starts_at()
                matcher.link(slot)
                slot.matched = True
                slot.save()
                result.linked += slot.programme_id is not None
            for slot in existing.values():
                slot.delete()
                result.removed += 1
        if result.created or result.updated or result.removed:
            schedule_changed()
    return result


def error_lines(result):
    """The errors as the desk reads them: "Dòng 4: …"."""
    return [
        _("Row %(row)s: %(error)s.") % {"row": row, "error": error} for row, error in result.errors
    ]
