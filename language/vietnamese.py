"""Vietnamese text handling shared by every app: NFC, accent folding, ASCII slugs, dates.

Text reaches us in NFC or NFD (macOS, Unikey's "Unicode tổ hợp", Word paste). We store NFC.
"đ/Đ" has no Unicode decomposition, so folding maps it explicitly, and so does "ƀ/Ƀ" (b with
stroke, in Ba Na and Gia Rai). The minority orthographies' letters with no code point of their
own (`ơ̆` = U+01A1 U+0306) stay two code points in NFC and fold like the rest ("ơ̆" → "o").
"""

import re
import unicodedata

from django.utils import timezone
from django.utils.translation import pgettext

_D_MAP = str.maketrans({"đ": "d", "Đ": "D", "ƀ": "b", "Ƀ": "B"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text):
    """Return ``text`` in Unicode NFC; non-strings pass through unchanged."""
    if isinstance(text, str):
        return unicodedata.normalize("NFC", text)
    return text


def strip_marks(text):
    """Remove tone and vowel marks and map đ→d, ƀ→b, keeping case: "Đại hội" → "Dai hoi"."""
    decomposed = unicodedata.normalize("NFD", text or "").translate(_D_MAP)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def fold(text):
    """Search key: NFC, case-folded, marks stripped, đ→d. "ĐẠI Hội" → "dai hoi"."""
    return strip_marks(nfc(text or "").casefold())


def slugify_vi(text, max_length=255):
    """Lowercase ASCII slug with hyphens: "Đại hội thi đua" → "dai-hoi-thi-dua"."""
    ascii_text = strip_marks(text or "").lower()
    ascii_text = strip_marks(unicodedata.normalize("NFKC", ascii_text))
    # Anything still outside ASCII (dashes, curly quotes, symbols) separates words.
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")


def normalize_data(value):
    """NFC-normalise every string inside nested lists/dicts (StreamField raw data, JSON)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [normalize_data(item) for item in value]
    if isinstance(value, dict):
        return {key: normalize_data(item) for key, item in value.items()}
    return value


def _weekday_names():
    return [
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    ]


def _local(value):
    if hasattr(value, "hour") and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value):
    """ "23/11/2026": day/month/year, as Vietnamese readers write it."""
    if not value:
        return ""
    value = _local(value)
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_long_date(value):
    """ "Thứ Hai, 23/11/2026" (English: "Monday, 23/11/2026")."""
    if not value:
        return ""
    value = _local(value)
    return f"{_weekday_names()[value.weekday()]}, {format_date(value)}"


def format_datetime(value):
    """ "Thứ Hai, 23/11/2026 08:30" in Asia/Ho_Chi_Minh."""
    if not value:
        return ""
    value = _local(value)
    return f"{format_long_date(value)} {value.hour:02d}:{value.minute:02d}"
