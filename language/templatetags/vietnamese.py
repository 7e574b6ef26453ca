from django import template

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


@register.simple_tag
def today_vi():
    """Today in the site's time zone: "Thứ Ba, 24/11/2026"."""
    from django.utils import timezone

    return vietnamese.format_long_date(timezone.localtime())
