"""A fixed-window counter in the cache: "how many times in this window", one atomic `incr`.

Used by every rate limit of the site (comments per minute, public exports per hour). The key
of each window expires after two windows. With the cache down (the resilient backend
answers None) the count is unknown: callers decide what that means."""

import time

from django.core.cache import cache


def hit(name, window):
    """Count one more hit of `name` in the current window: (count or None, seconds left)."""

    now = time.time()
    left = int(window - now % window) + 1
    key = f"rate:{name}:{int(now // window)}"
    if cache.add(key, 0, timeout=window * 2) is None:
        return None, left
    try:
        return cache.incr(key), left
    except ValueError:  # evicted between the two calls: this is the window's first hit
        return 1, left


def count(name, window):
    """How many hits `name` has in the current window, without adding one: (count or None,
    seconds left). None when the cache cannot tell."""

    now = time.time()
    left = int(window - now % window) + 1
    value = cache.get(f"rate:{name}:{int(now // window)}", 0)
    return (None if value is None else int(value)), left
