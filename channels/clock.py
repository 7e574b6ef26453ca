"""The time the channels app reads: every view and the periodic job ask here, so a test
sets the clock in one place (`monkeypatch.setattr(clock, "now", …)`)."""

from django.utils import timezone


def now():
    return timezone.now()
