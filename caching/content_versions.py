"""Stamps of when what a page is built from last changed, kept in the cache.

Two kinds of scope:
- `SITE`: any page published, unpublished, moved or deleted, or a site-wide setting changed
  (everything `page_cache.purge_all` covers). Menus, listings, related stories and the
  registry's cross-links are built from it.
- `page_scope(page_id)`: something shown on that page changed without a publication — a
  comment approved or removed (comments/page_cache.py bumps the page and the pages listing
  its comment count).

A stamp is the time it was set (Unix seconds, microsecond precision), so it is both a
version for cache keys (`caching.templatetags.fragments`) and a Last-Modified date for
HTTP validators (`http_validators`). When the cache does not answer (Redis down), there are
no stamps: fragments are rendered every time and no early 304 is given, never a stale page.
"""

import hashlib
import time
from datetime import datetime
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from caching import release

SITE = "site"
KEY_PREFIX = "stamp"
# Stamps expire like every key (a lost stamp only means one more render everywhere).
TIMEOUT = 7 * 24 * 3600
REQUEST_ATTRIBUTE = "_content_stamps"


def page_scope(page_id):
    return f"page:{page_id}"


def _key(scope):
    return f"{KEY_PREFIX}:{scope}"


def _now():
    return f"{time.time():.6f}"


def bump(*scopes):
    """Mark these scopes changed: now, and again once the transaction commits (a reader
    between the two could have built a fragment from the old rows)."""

    def stamp():
        now = _now()
        cache.set_many({_key(scope): now for scope in scopes}, timeout=TIMEOUT)

    stamp()
    transaction.on_commit(stamp)


def stamps(scopes, request=None):
    """{scope: stamp} for these scopes, or None when the cache does not answer.

    A scope without a stamp gets one now (`add`, so two readers agree). Kept on the request,
    so every fragment of one page asks the cache once per scope."""
    known = getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None
    if known is None:
        known = {}
    wanted = [scope for scope in scopes if scope not in known]
    if wanted:
        found = cache.get_many([_key(scope) for scope in wanted])
        for scope in wanted:
            value = found.get(_key(scope))
            if value is None:
                value = _now()
                added = cache.add(_key(scope), value, timeout=TIMEOUT)
                if added is None:  # the cache is down (ResilientRedisCache): no stamps
                    return None
                if not added:
                    value = cache.get(_key(scope))
                    if value is None:
                        return None
            known[scope] = value
        if request is not None:
            setattr(request, REQUEST_ATTRIBUTE, known)
    return {scope: known[scope] for scope in scopes}


def digest(*parts):
    """A key part from these parts and the code release (a deploy never reads old markup)."""
    text = "|".join(map(str, (release.current(), *parts)))
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def http_validators(request, page):
    """(ETag, Last-Modified as Unix seconds) for a page as served to this request, from the
    stamps alone: cheap enough to answer a conditional request with 304 before anything is
    rendered. The variant (host, path and query, language) and today's date (the header
    shows it) are part of the ETag. None without a cache."""
    found = stamps([SITE, page_scope(page.pk)], request)
    if found is None:
        return None
    today = timezone.localdate().isoformat()
    language = getattr(request, "LANGUAGE_CODE", "")
    variant = (request.get_host(), request.get_full_path(), language, today)
    etag = f'W/"{digest(*found.values(), page.pk, *variant)}"'
    changed = max(float(value) for value in found.values())
    midnight = datetime.combine(timezone.localdate(), datetime.min.time())
    midnight = timezone.make_aware(midnight).timestamp()
    return etag, int(max(changed, midnight))


def cached_until_site_changes(view):
    """Keep a public GET view's whole 200 response until anything is published (sitemap):
    the key is the site's stamp, the host and the path with its query."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        found = stamps([SITE], request) if request.method in ("GET", "HEAD") else None
        if found is None:
            return view(request, *args, **kwargs)
        key = "view:" + digest(
            view.__module__, view.__name__, found[SITE], request.get_host(), request.get_full_path()
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
