"""The admin's slug filler, taught Vietnamese.

Wagtail fills the slug from the title in the browser with a transliteration table that has
no Vietnamese: "Đắk Glei" became `djk-glei` (Đ read as Serbian, ắ dropped). Its SlugInput
takes `formatters`, regex replacements applied before that table: we give it one per base
letter, built from our own `strip_marks`, so the browser's slug is the server's
(`slugify_vi`). Registered for every SlugField in the admin (pages and snippets).
"""

import re
import unicodedata
from functools import cache

from django.db import models
from wagtail.admin.forms import models as wagtail_form_models
from wagtail.admin.widgets.slug import SlugInput

from language.vietnamese import slugify_vi, strip_marks

SEPARATORS = "–—‐‑‒―“”‘’«»…/\\:;,.!?()[]{}\"'&+|*#@%=<>~^`$"


def _js_class(chars):
    """A character class valid in both Python and JavaScript's unicode mode, where escaping a
    character that needs none (`\\#`, `\\&`) is a syntax error: escape only \\ ] [ - ^."""
    return "[" + "".join("\\" + ch if ch in "\\][-^" else ch for ch in chars) + "]"


# Latin letters with marks: Latin-1, Latin Extended-A and -B, Latin Extended Additional. They
# hold Vietnamese's letters and those of Ba Na, Xơ Đăng and Gia Rai (ĕ ĭ ŏ ŭ, ƀ, č, ñ).
LATIN_RANGES = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]


@cache
def vietnamese_formatters():
    """[(character class, ASCII letter)] for every marked Latin letter that `strip_marks`
    makes one ASCII letter of (Vietnamese's, the minority orthographies'), both cases."""
    groups = {}
    for start, end in LATIN_RANGES:
        for code in range(start, end + 1):
            letter = chr(code)
            base = strip_marks(letter)
            if len(base) == 1 and base.isascii() and base.isalpha():
                groups.setdefault(base, set()).add(letter)
    # Combining marks left over from text typed in NFD (Unikey's "Unicode tổ hợp"), and the
    # breve the minority orthographies add to a horn or circumflex letter (ơ̆ = ơ + U+0306),
    # which has no precomposed form even in NFC. They go first, before the letters.
    formatters = [("[\u0300-\u036f]", "")]
    for ascii_letter, letters in sorted(groups.items()):
        formatters.append((_js_class("".join(sorted(letters))), ascii_letter))
    # Dashes, quotes and other punctuation separate words, as in `slugify_vi`
    # ("2015–2020" → 2015-2020, not 20152020).
    formatters.append((_js_class(SEPARATORS), " "))
    return formatters


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or vietnamese_formatters(), locale="vi")


# What Wagtail's own table makes of Vietnamese (no Vietnamese map): the Latin-1 letters lose
# their marks, Đ is read as Serbian "Dj", every other marked letter is dropped.
_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂă")


def wagtail_urlify(title):
    """Python twin of the slug Wagtail's browser code fills in without our formatters."""
    chars = []
    for ch in unicodedata.normalize("NFC", title or ""):
        if ch.isascii():
            chars.append(ch)
        elif ch in _LATIN1:
            chars.append(strip_marks(ch))
        elif ch in "Đđ":
            chars.append("Dj" if ch == "Đ" else "dj")
    text = re.sub(r"[^-\w\s]", "", "".join(chars).lower(), flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", text.strip())[:255].rstrip("-")


def repaired(slug, title):
    """The right slug when `slug` is what a browser without our rules made from `title`."""
    right = slugify_vi(title)
    if slug and slug != right and slug == wagtail_urlify(title):
        return right
    return slug


def register():
    """Every SlugField in the admin (pages, snippets) gets the Vietnamese slug filler."""
    wagtail_form_models.register_form_field_override(
        models.SlugField, override={"widget": VietnameseSlugInput}
    )
