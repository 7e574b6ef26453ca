"""A small iCalendar (RFC 5545) writer for the site's feeds (the broadcast schedule,
conferences and campaign milestones): text escaped (§3.3.11), lines folded at 75 octets
without splitting a UTF-8 character (§3.1), CRLF line ends, times in UTC."""

from datetime import UTC, date, datetime

from django.http import HttpResponse
from django.utils import timezone

CONTENT_TYPE = "text/calendar; charset=utf-8"


def escape(text):
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def fold(line):
    """The line cut into parts of at most 75 octets, each after the first starting with a
    space (a continuation), never inside a UTF-8 sequence."""
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [" "], 1, 75
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n".join(parts)


def utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _value(value):
    if isinstance(value, datetime):
        return "", utc(value)
    if isinstance(value, date):
        return ";VALUE=DATE", value.strftime("%Y%m%d")
    return "", escape(value)


def event(uid, start, summary, end=None, description="", url="", location=""):
    """An event's properties, in order; ``start`` a datetime or (all day) a date."""
    properties = [("UID", uid), ("DTSTAMP", timezone.now()), ("DTSTART", start)]
    if end is not None:
        properties.append(("DTEND", end))
    properties.append(("SUMMARY", summary))
    if description:
        properties.append(("DESCRIPTION", description))
    if location:
        properties.append(("LOCATION", location))
    if url:
        properties.append(("URL", url))
    return properties


def calendar(name, events, product="-//Kon Tum Online//Lich//VI"):
    """The whole calendar as text (CRLF lines)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    for properties in events:
        lines.append("BEGIN:VEVENT")
        for prop, value in properties:
            if prop == "URL":
                lines.append(f"URL:{value}")
                continue
            parameters, text = _value(value)
            lines.append(f"{prop}{parameters}:{text}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_response(name, events, filename):
    response = HttpResponse(calendar(name, events), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
