from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html

from language import vietnamese

register = template.Library()


@register.filter
def vi_date(value):
    """23/11/2026"""
    return vietnamese.format_date(value)


@register.filter
def vi_long_date(value):
    """Thứ Hai, 23/11/2026"""
    return vietnamese.format_long_date(value)


@register.filter
def vi_datetime(value):
    """Thứ Hai, 23/11/2026 08:30"""
    return vietnamese.format_datetime(value)


@register.filter
def time_datetime(value):
    """The machine-readable value of a <time datetime="…">: 2026-11-23T08:30:00+07:00 for a
    time (local, whole seconds: HTML allows at most three digits of a fraction, and the
    microseconds Django keeps on every publication time are no use to a reader), 2026-11-23
    for a date, "" for nothing."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat() if value else ""


@register.filter
def lang_span(value, language="vi"):
    """<span lang="vi">…</span> around content inside an interface sentence, as in
    {% blocktranslate with number=plan|lang_span %}Plan No. {{ number }}{% endblocktranslate %}:
    with the English interface a screen reader still reads "01/KH-UBND" in Vietnamese."""
    return format_html('<span lang="{}">{}</span>', language or "vi", value)


@register.simple_tag
def today_vi():
    """Today in the site's time zone: "Thứ Ba, 24/11/2026"."""
    return vietnamese.format_long_date(timezone.localtime())
