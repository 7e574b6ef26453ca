"""Guessing passwords is limited per account and per network (staff sign-in, page passwords).

Only failures are counted, in fixed windows of the cache (`rate_window`, one atomic `incr`,
shared by every web node through Redis): colleagues signing in behind one office network do
not stop each other by succeeding. Once an account (or a protected page) or a network has
used up its failures for the window, the password is not even checked until the window ends:
no hashing, and no sign-in even with the right password. The network is the reader's /24
(IPv4) or /48 (IPv6) as `client_ip` sees it behind the trusted proxies, so one attacker
cannot rotate addresses within a network to get more tries.

With the cache down the counts are unknown and passwords are checked as usual (the
password hash still costs each guess its time); the outage is logged by the cache itself.
"""

import hashlib
import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from security import rate_window
from security.client_ip import client_ip, network


def _setting(name, default):
    return int(getattr(settings, name, default))


class PasswordGuard:
    """The failure counters of one kind of password ("sign-in", "page-password") for one
    account and the requester's network."""

    def __init__(self, kind, account, request):
        self.window = _setting("PASSWORD_GUARD_WINDOW_SECONDS", 900)
        digest = hashlib.sha256(str(account).strip().casefold().encode()).hexdigest()[:32]
        reader = network(client_ip(request)) if request is not None else ""
        self.counters = [
            (f"guard:{kind}:account:{digest}", _setting("PASSWORD_GUARD_FAILURES_PER_ACCOUNT", 5)),
            (
                f"guard:{kind}:network:{reader or 'unknown'}",
                _setting("PASSWORD_GUARD_FAILURES_PER_NETWORK", 20),
            ),
        ]

    def seconds_locked(self):
        """0 while a password may be tried, else the seconds until it may be again."""
        longest = 0
        for name, limit in self.counters:
            count, left = rate_window.count(name, self.window)
            if limit and count is not None and count >= limit:
                longest = max(longest, left)
        return longest

    def failed(self):
        for name, _limit in self.counters:
            rate_window.hit(name, self.window)

    def locked_error(self, seconds):
        minutes = max(1, math.ceil(seconds / 60))
        message = ngettext(
            "Too many wrong passwords for this account or from your network. "
            "Please wait %(minutes)d minute and try again.",
            "Too many wrong passwords for this account or from your network. "
            "Please wait %(minutes)d minutes and try again.",
            minutes,
        ) % {"minutes": minutes}
        return ValidationError(message, code="too_many_attempts")
