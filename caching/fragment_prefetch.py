"""One round trip for a page's parts: the stamps and fragments its last render read.

A page assembled from cached parts asked the cache once per content stamp and once per
fragment, one after another as the template reached them: 15–20 round trips for the home
page. Each process remembers, per address, the scopes and fragment keys its last render of
that address read (a bounded table, in memory only); the next render of the address asks for
all of them in one `get_many` when its first fragment is reached, and every fragment whose
key is unchanged (the key holds the stamps and what it varies on) is taken from there. A key
that changed since is simply asked for again, so nothing stale can come of it; a page-cache
hit never reaches a fragment and costs nothing more.
"""

import threading
from collections import OrderedDict

from django.core.cache import cache

from caching import content_versions

MAX_ADDRESSES = 2000
_hints = OrderedDict()  # (host, path, query) → (scopes, fragment keys)
_lock = threading.Lock()  # gunicorn's threads share the table


def _address(request):
    return (request.get_host(), request.path, request.META.get("QUERY_STRING", ""))


def _memo():
    return content_versions._memo.get()


def prefetch_once(request):
    """Before the request's first fragment: read what the last render of this address read,
    in one round trip, into the request's memo."""
    memo = _memo()
    if memo is None or "fragments" in memo:
        return
    memo["fragments"] = {}
    memo["used_fragments"] = []
    with _lock:
        hint = _hints.get(_address(request))
    if hint is None:
        return
    scopes, fragment_keys = hint
    stamps = memo["stamps"]
    wanted_scopes = [name for name in scopes if name not in stamps]
    keys = [content_versions._key(name) for name in wanted_scopes] + list(fragment_keys)
    if not keys:
        return
    found = cache.get_many(keys) or {}
    for name in wanted_scopes:
        value = found.get(content_versions._key(name))
        if value is not None:  # a missing stamp is left to `stamps` (it sets one)
            stamps[name] = value
    for key in fragment_keys:
        if key in found:
            memo["fragments"][key] = found[key]


def cached_fragment(key):
    """The fragment's HTML if this request's prefetch brought it, else None; notes the key."""
    memo = _memo()
    if memo is None or "fragments" not in memo:
        return None
    memo["used_fragments"].append(key)
    return memo["fragments"].get(key)


def remember(request):
    """After a render that used fragments: what to read at once next time."""
    memo = _memo()
    if not memo or not memo.get("used_fragments"):
        return
    address = _address(request)
    hint = (tuple(memo["stamps"]), tuple(dict.fromkeys(memo["used_fragments"])))
    with _lock:
        _hints[address] = hint
        _hints.move_to_end(address)
        while len(_hints) > MAX_ADDRESSES:
            _hints.popitem(last=False)
