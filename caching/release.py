"""The code release the site runs: part of every cache key and HTTP validator.

Cached pages, fragments, routes and ETags are keyed by content stamps, and a deploy changes no
stamp: without the release in the keys, new code would serve markup rendered by the old
templates (naming hashed static files that collectstatic has replaced) until something was
published, and browsers would be told "304, unchanged". `KONTUM_RELEASE` (the deploy's commit,
say) names the release; without it, a digest of the sizes and modification times of the code,
templates, static files and catalogs, read once per process.

The first request of a new release also purges the HTTP front (Varnish), once per release.
"""

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)
SUFFIXES = {".py", ".html", ".css", ".js", ".mo", ".txt", ".svg", ".vcl"}
SKIPPED = {".venv", "node_modules", "media", "static_collected", "tests", "bench", ".git"}
CACHE_KEY = "kontum:release"


@lru_cache(maxsize=1)
def _code_digest():
    root = Path(settings.BASE_DIR)
    digest = hashlib.md5(usedforsecurity=False)
    for path in sorted(_files(root)):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def _files(root):
    for entry in root.iterdir():
        if entry.name in SKIPPED or entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _files(entry)
        elif entry.suffix in SUFFIXES:
            yield entry


def current():
    """The release name: KONTUM_RELEASE, or the digest of the code on disk."""
    return getattr(settings, "KONTUM_RELEASE", "") or _code_digest()


_announced = set()


def announce(cache, purge_front):
    """Once per process and release: if the cache last saw another release, call
    `purge_front` (the page cache's `purge_all`: our own keys already differ, the HTTP front's
    do not). Never fails a request."""
    name = current()
    if name in _announced:
        return
    _announced.add(name)
    try:
        previous = cache.get(CACHE_KEY)
        cache.set(CACHE_KEY, name, None)
    except Exception:  # the cache is down: nothing to compare
        return
    if previous is not None and previous != name:
        logger.info("Release %s replaces %s: purging the HTTP front", name, previous)
        purge_front()
