"""Values that change only with the site's structure or settings, read in one round trip.

The Site a request is for, its settings, the restricted paths, the menus: each was one cache
read (or query) of its own on every page, every one of them keyed by the `SITE` content stamp
(which moves when the structure or a setting changes, never when a story is published). Here
each is stored under its own key with that stamp, and the first one a request asks for brings
all those this process has been asked for before, in one `get_many`: a render from nothing
asks the cache for the site stamp, then for everything kept under it, once.

    site_values.get("menu", compute)   # compute() on a miss, stored until the stamp moves

Without a cache (Redis down) `compute()` runs every time.
"""

from django.core.cache import cache
from django.db import DatabaseError

from caching import content_versions

# Names asked for in this process, the most recent last (an ordered set, bounded: names may
# carry a site's pk or host, never a reader's input beyond an allowed Host). When full, the
# name asked for longest ago is forgotten: a process that stopped learning at the bound read
# every newer name alone (a long test run's worker: eight round trips a render, not one).
_known = {}
MAX_NAMES = 200


def _key(name, stamp):
    return f"sitevalue:{name}:{stamp}"


def get(name, compute):
    found = content_versions.stamps([content_versions.SITE])
    if found is None:
        return compute()
    stamp = found[content_versions.SITE]
    key = _key(name, stamp)
    values = content_versions.request_values()
    if values is None:  # outside a request (a command, a task): one key, read alone
        entry = cache.get(key)
        if entry is None:
            entry = (compute(),)
            cache.set(key, entry, content_versions.TIMEOUT)
        return entry[0]
    asked = values.setdefault(("site-values-asked", stamp), set())
    if not asked:  # the first value this request wants: all those the process knows, at once
        names = dict.fromkeys([*_known, name])
        values.update(cache.get_many([_key(known, stamp) for known in names]))
        asked.update(names)
    elif name not in asked:  # new to this process: read alone
        asked.add(name)
        found = cache.get(key)
        if found is not None:
            values[key] = found
    entry = values.get(key)
    if entry is None:
        entry = values[key] = (compute(),)  # stored wrapped: a None value is a value
        cache.set(key, entry, content_versions.TIMEOUT)
    remember(name)
    return entry[0]


def remember(name):
    _known.pop(name, None)
    _known[name] = None
    while len(_known) > MAX_NAMES:
        del _known[next(iter(_known))]


def _sites():
    """Every Site with its root page (specific), as Wagtail's lookup would load them."""
    from wagtail.models import Site

    sites = list(Site.objects.select_related("root_page").order_by("pk"))
    for site in sites:
        # The specific page: its type's `localized` (base.pages.SitePage) needs no query
        # for the active locale when Wagtail routes the request from it.
        site.root_page = site.root_page.specific
    return sites


def _match(site, hostname, port):
    if site.hostname == hostname:
        return 0 if site.port == port else (1 if site.is_default_site else 3)
    return 2  # the default site (the only other kind kept)


def _site_for(sites, hostname, port):
    """Wagtail's `get_site_for_hostname`, on the cached list (its query's order and rules)."""
    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site),
        key=lambda site: _match(site, hostname, port),
    )
    if candidates:
        best = _match(candidates[0], hostname, port)
        if len(candidates) == 1 or best in (0, 1):
            return candidates[0]
        if best == 2:
            return candidates[len(candidates) == 2]
    return None


def prime(request):
    """Give a reader's request its Site (with the root page) and the site root paths from
    the values kept under the site stamp: Wagtail would query both (3 round trips) on
    every page. Only GET and HEAD; anything unusual is left to Wagtail."""
    if request.method not in ("GET", "HEAD") or hasattr(request, "_wagtail_site"):
        return
    from django.http.request import split_domain_port
    from wagtail.models import Site

    if content_versions.stamps([content_versions.SITE]) is None:
        return
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):  # a malformed port: Wagtail answers as it would
        return
    try:
        site = _site_for(get("sites", _sites), hostname, port)
        if site is None:
            return
        root_paths = get("site-root-paths", Site.get_site_root_paths)
    except DatabaseError:  # the database is down: the view answers it (503, operations.faults)
        return
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths
