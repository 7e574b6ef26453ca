"""Stamps of when what a page is built from last changed, kept in the cache.

Kinds of scope:
- `SITE`: the site's structure or a site-wide setting changed (everything
  `page_cache.purge_all` covers: a section published or moved, a setting, a renamed tag, a
  page type that declares no narrower scopes). Every stamp read includes it (`stamps`), so
  a bump of `SITE` renews every cached part.
- `PUBLISHED`: any page published, unpublished or deleted: what lists the whole site (the
  sitemap, search results, "Đọc nhiều" and the popular tags).
- `RANKINGS`: a page that may rank in a site-wide list ("Đọc nhiều", the popular tags) left
  it or changed what it shows there (unpublished, deleted, retitled, retagged). A new story
  has no reads yet; those lists also renew with their period (news/most_read.py).
- `page_scope(page_id)`: that page itself changed (its publication, a comment approved or
  removed on it).
- `scope(kind, key)`: a listing — `scope("listing", page_id)` the stories under a page (home,
  news index, section), `scope("tag", tag_id)`, `scope("reporter", reporter_id)`,
  `REGISTRY` the exemplar registry. A page says which listings show it with
  `content_scopes()` (news.ArticlePage); a publication bumps those before and after
  (page_cache.py), so a story in one section leaves the other sections, the other stories'
  bodies and the registry warm.

A stamp is the time it was set (Unix seconds, microsecond precision), so it is both a
version for cache keys (`caching.templatetags.fragments`) and a Last-Modified date for
HTTP validators (`http_validators`). When the cache does not answer (Redis down), there are
no stamps: fragments are rendered every time and no early 304 is given, never a stale page.
"""

import contextvars
import hashlib
import time
from contextlib import contextmanager
from datetime import datetime
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from caching import release

SITE = "site"
PUBLISHED = "published"
RANKINGS = "rankings"
REGISTRY = "registry"
KEY_PREFIX = "stamp"
# Stamps expire like every key (a lost stamp only means one more render everywhere).
TIMEOUT = 7 * 24 * 3600
REQUEST_ATTRIBUTE = "_content_stamps"


def page_scope(page_id):
    return f"page:{page_id}"


def scope(kind, key):
    """A listing's scope: `scope("tag", 5)` is "tag:5"."""
    return f"{kind}:{key}"


# The stamps read while a response is rendered (page_cache.py records them with the page:
# the page is stale when one of them moves).
_reading = contextvars.ContextVar("content_stamps_read", default=None)


def start_recording():
    """Collect every stamp read from here on in this context; returns a token for `stop`."""
    return _reading.set({})


def stop_recording(token):
    """{scope: stamp} read since `start_recording`."""
    found = _reading.get() or {}
    _reading.reset(token)
    return found


# What one request has read (`request_memo`, entered by page_cache.PageCacheMiddleware around
# every request): each stamp once, and the values kept under the site stamp (site_values.py:
# the restricted paths, the settings, the Site, the menus) once, whichever code asks and
# whether or not it has the request at hand. A render read the site stamp 4-7 times and the
# restricted paths 2-6 times before, each a round trip to the cache (an SQL query with the
# database cache).
_memo = contextvars.ContextVar("content_stamps_request_memo", default=None)


@contextmanager
def request_memo():
    """Within it, `stamps` asks the cache once per scope, and `site_values` keeps what it read."""
    token = _memo.set({"stamps": {}, "values": {}})
    try:
        yield
    finally:
        _memo.reset(token)


def request_values():
    """This request's dict of values read once (caching/site_values.py), or None outside a
    request."""
    memo = _memo.get()
    return None if memo is None else memo["values"]


def current(scopes):
    """{scope: stamp} as stored now (a missing one is None): to check a recorded set."""
    keys = {_key(name): name for name in scopes}
    found = cache.get_many(list(keys))
    return {name: found.get(key) for key, name in keys.items()}


def _key(scope):
    return f"{KEY_PREFIX}:{scope}"


def _now():
    return f"{time.time():.6f}"


def bump(*scopes):
    """Mark these scopes changed: now, and again once the transaction commits (a reader
    between the two could have built a fragment from the old rows)."""

    def stamp():
        now = _now()
        cache.set_many({_key(name): now for name in scopes}, timeout=TIMEOUT)
        memo = _memo.get()
        if memo is not None:  # this request reads the new stamps from now on
            for name in scopes:
                memo["stamps"].pop(name, None)

    stamp()
    transaction.on_commit(stamp)


def stamps(scopes, request=None):
    """{scope: stamp} for these scopes and `SITE`, or None when the cache does not answer.

    A scope without a stamp gets one now (`add`, so two readers agree). Kept for the request
    (`request_memo`, or on the request given), so every part of one page asks the cache
    once per scope, in one round trip for all it does not know yet."""
    scopes = list(dict.fromkeys([SITE, *scopes]))
    memo = _memo.get()
    if memo is not None:
        known = memo["stamps"]
    else:
        known = getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None
    if known is None:
        known = {}
    # Twice at most: the call that ends a Redis outage runs the recovery (page_cache's
    # purge_all) inside it, whose bump of `SITE` drops it from this request's memo while
    # its stamps are read: it is read again, new (a 500 before, a KeyError).
    for _ in range(2):
        wanted = [name for name in scopes if name not in known]
        if not wanted:
            break
        found = cache.get_many([_key(name) for name in wanted])
        for name in wanted:
            value = found.get(_key(name))
            if value is None:
                value = _now()
                added = cache.add(_key(name), value, timeout=TIMEOUT)
                if added is None:  # the cache is down (ResilientRedisCache): no stamps
                    return None
                if not added:
                    value = cache.get(_key(name))
                    if value is None:
                        return None
            known[name] = value
        if request is not None and memo is None:
            setattr(request, REQUEST_ATTRIBUTE, known)
    if any(name not in known for name in scopes):  # moved again meanwhile: render uncached
        return None
    found = {name: known[name] for name in scopes}
    reading = _reading.get()
    if reading is not None:
        reading.update(found)
    return found


def digest(*parts):
    """A key part from these parts and the code release (a deploy never reads old markup)."""
    text = "|".join(map(str, (release.current(), *parts)))
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def http_validators(request, page, scopes=None):
    """(ETag, Last-Modified as Unix seconds) for a page as served to this request, from the
    stamps alone: cheap enough to answer a conditional request with 304 before anything is
    rendered. `scopes` are those its last render read (the page cache records them): without
    them nothing says what the page shows, and there are no validators. The variant (host,
    path and query, language) and today's date (the header shows it) are part of the ETag.
    None without a cache."""
    if scopes is None:
        return None
    found = stamps(sorted({page_scope(page.pk), *scopes}), request)
    if found is None:
        return None
    return validators_from(request, page, found)


def validators_from(request, page, found):
    """(ETag, Last-Modified) of a page rendered under these stamps ({scope: stamp})."""
    found = {name: found[name] for name in sorted(found)}
    today = timezone.localdate().isoformat()
    language = getattr(request, "LANGUAGE_CODE", "")
    variant = (request.get_host(), request.get_full_path(), language, today)
    etag = f'W/"{digest(*found.items(), page.pk, *variant)}"'
    changed = max(float(value) for value in found.values())
    midnight = datetime.combine(timezone.localdate(), datetime.min.time())
    midnight = timezone.make_aware(midnight).timestamp()
    return etag, int(max(changed, midnight))


def cached_until_site_changes(view):
    """Keep a public GET view's whole 200 response until anything is published (sitemap):
    the key is the stamps of the site and of every publication (`PUBLISHED`), the host and
    the path with its query."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        found = stamps([PUBLISHED], request) if request.method in ("GET", "HEAD") else None
        if found is None:
            return view(request, *args, **kwargs)
        key = "view:" + digest(
            view.__module__,
            view.__name__,
            *found.values(),
            request.get_host(),
            request.get_full_path(),
        )
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200 or response.streaming:
                return response
            entry = (response["Content-Type"], response.content)
            cache.set(key, entry, TIMEOUT)
        content_type, content = entry
        return HttpResponse(content, content_type=content_type)

    return wrapper
