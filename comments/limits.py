"""Flood limits on new comments: per IP network and per email, and per minute per network.

Each limit is claimed with one atomic cache operation *before* the comment is stored
(`add` for "one per N seconds", `incr` for "N per minute"), so a burst of simultaneous posts
gets no more through than the rule allows. When the cache does not answer (the resilient
backend gives None), the same rules are checked against the stored comments instead: slower
and not atomic, but a reader is never refused, or let through unlimited, because Redis died.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from security import rate_window

from .models import Comment


class Limited(Exception):
    def __init__(self, message, retry_after):
        super().__init__(message)
        self.message = message
        self.retry_after = max(1, int(retry_after))


def _flood_key(kind, value):
    return f"comments:flood:{kind}:{value}"


def _claim_interval(kind, value, seconds):
    """True: claimed; False: taken; None: cache unknown."""
    return cache.add(_flood_key(kind, value), 1, timeout=seconds)


def _too_quick(seconds):
    return Limited(_("You are commenting too quickly. Please wait a moment."), seconds)


def _too_many(seconds):
    return Limited(_("Too many comments from your network. Please wait a minute."), seconds)


def _database_check(ip, email, rules):
    now = timezone.now()
    if rules.flood_seconds:
        since = now - timedelta(seconds=rules.flood_seconds)
        recent = Comment.objects.filter(created_at__gte=since, is_staff_reply=False)
        if ip:
            recent = recent.filter(Q(ip_address=ip) | Q(author_email__iexact=email))
        else:
            recent = recent.filter(author_email__iexact=email)
        if recent.exists():
            raise _too_quick(rules.flood_seconds)
    if rules.max_per_minute and ip:
        minute = Comment.objects.filter(
            ip_address=ip, created_at__gte=now - timedelta(seconds=60), is_staff_reply=False
        ).count()
        if minute >= rules.max_per_minute:
            raise _too_many(60)


def claim(ip, email, rules):
    """Take this post's place under every limit, or raise Limited (with Retry-After)."""
    if rules.flood_seconds:
        for kind, value in (("ip", ip), ("email", email)):
            if not value:
                continue
            claimed = _claim_interval(kind, value, rules.flood_seconds)
            if claimed is None:
                return _database_check(ip, email, rules)
            if not claimed:
                raise _too_quick(rules.flood_seconds)
    if rules.max_per_minute and ip:
        count, retry_after = rate_window.hit(f"comments:{ip}", 60)
        if count is None:
            return _database_check(ip, email, rules)
        if count > rules.max_per_minute:
            raise _too_many(retry_after)
    return None
