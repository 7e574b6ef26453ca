"""The admin writes dates day first in English too (WAGTAIL_DATE_FORMAT): see ../vi/formats.py."""

from language.formats.vi.formats import (
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    TIME_INPUT_FORMATS,
)

__all__ = ["DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS", "TIME_INPUT_FORMATS"]
