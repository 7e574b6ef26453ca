"""Run by `manage.py run_periodic` (PERIODIC_JOBS): at a slot's start (or midnight) the pages
showing now/next are purged, so a page cached before the boundary is not served after it.
The live page also says so itself (max-age until the boundary); the home page, kept by the
page cache, relies on this job (within its period, 10 s)."""

from django.core.cache import cache
from django.utils import timezone

from . import clock
from .on_air import on_air
from .signals import refresh_pages

KEY = "channels:refreshed-at"


def refresh_at_boundaries():
    now = clock.now()
    answer = on_air(now)
    started = answer.last_start.isoformat() if answer.last_start else "-"
    token = f"{started}|{timezone.localdate(now).isoformat()}"
    if cache.get(KEY) == token:
        return False
    refresh_pages()
    cache.set(KEY, token, None)
    return True
