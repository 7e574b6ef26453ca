"""The HTTP front (Varnish, deploy/varnish/default.vcl): what it may keep, how long,
and how it is told to forget.

How long
--------
Wagtail pages get their `Cache-Control` from the page cache (`s-maxage` =
PAGE_CACHE_SHARED_MAX_AGE) and are purged by path. Every other public response (feeds,
podcast feeds, sitemap, robots.txt, the read API, search, exports, 404s...) gets
`public, max-age=<browser>, s-maxage=FRONT_LISTING_SHARED_MAX_AGE` here, plus the header
`X-Front-Group: listings`: they show many stories each, so no path purge can name them all.
Instead every purge also bans the whole group (`PURGE /*listings`, see default.vcl).

How it is told
--------------
`purge(urls)` sends the PURGE requests itself once the transaction commits, within
FRONT_PURGE_TIMEOUT seconds in all (a front that hangs cannot hold a publication up), AND
queues `retry_purge` a few seconds later (a worker task): a purge reaches the front at once
even while the worker is stopped, and one lost to a restarting Varnish is sent again. If both
fail, the `s-maxage` above bounds how long anything stale stays.
"""

import http.client
import logging
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django_tasks import default_task_backend, task
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

logger = logging.getLogger(__name__)

GROUP_HEADER = "X-Front-Group"
LISTINGS = "listings"
PURGE_LISTINGS_PATH = "/*listings"  # default.vcl bans every response of the group
HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
# Statuses Varnish keeps by default (RFC 9111 heuristically cacheable ones).
CACHEABLE_STATUSES = {200, 203, 204, 300, 301, 302, 304, 307, 308, 404, 405, 410, 414, 501}
# Paths Varnish always passes to the site (default.vcl): nothing to say to a shared cache.
PASSED_PREFIXES = ("/admin/", "/csrf-token/", "/i18n/", "/documents/", "/healthz/")
RETRY_DELAYS = (3, 10, 30, 60)


def _setting(name, default):
    return getattr(settings, name, default)


# ---------------------------------------------------------------- how long


def _personal(request):
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    return any(name in request.COOKIES for name in ("sessionid", "messages"))


def _says_private(response):
    value = response.get("Cache-Control", "")
    return any(word in value for word in ("private", "no-cache", "no-store"))


def public_response(request, response):
    """True when the front may keep this response for other readers."""
    if request.method not in ("GET", "HEAD") or response.status_code not in CACHEABLE_STATUSES:
        return False
    if request.path.startswith(PASSED_PREFIXES) or _personal(request):
        return False
    return not (response.cookies or _says_private(response) or response.streaming)


class SharedCacheHeadersMiddleware:
    """Every public response says how long a shared cache may keep it (see the module doc).
    Outside the page cache in MIDDLEWARE: page hits keep the headers they were stored with."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not public_response(request, response):
            return response
        if "s-maxage" in response.get("Cache-Control", ""):
            return response  # a Wagtail page (page_cache.py): purged by its path
        browser = _setting("PAGE_CACHE_BROWSER_MAX_AGE", 10)
        shared = _setting("FRONT_LISTING_SHARED_MAX_AGE", 60)
        patch_cache_control(response, public=True, s_maxage=shared)
        if "max-age" not in response.get("Cache-Control", "").replace("s-maxage", ""):
            patch_cache_control(response, max_age=browser)
        patch_vary_headers(response, ("Cookie",))  # the language cookie (default.vcl)
        response[GROUP_HEADER] = LISTINGS
        return response


# ---------------------------------------------------------------- how it is told


def _http_locations():
    configured = _setting("WAGTAILFRONTENDCACHE", None) or {}
    return [
        backend["LOCATION"]
        for backend in configured.values()
        if backend.get("BACKEND") == HTTP_BACKEND and backend.get("LOCATION")
    ]


def _other_backends():
    configured = _setting("WAGTAILFRONTENDCACHE", None) or {}
    return [name for name, backend in configured.items() if backend.get("BACKEND") != HTTP_BACKEND]


def _purge_one(location, url, timeout):
    front, target = urlsplit(location), urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if front.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(front.hostname, front.port, timeout=timeout)
    try:
        path = target.path + (f"?{target.query}" if target.query else "")
        connection.request("PURGE", path, headers={"Host": target.netloc or front.netloc})
        response = connection.getresponse()
        response.read()
        return response.status < 400
    finally:
        connection.close()


def send(urls, seconds=None):
    """PURGE these URLs at every HTTP front within `seconds` in all; True if all were taken."""
    seconds = _setting("FRONT_PURGE_TIMEOUT", 2) if seconds is None else seconds
    deadline = time.monotonic() + seconds
    for location in _http_locations():
        for url in urls:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                if not _purge_one(location, url, left):
                    return False
            except OSError as error:
                logger.warning("Could not purge %s at %s: %s", url, location, error)
                return False
    return True


def _queue_retry(urls, attempt):
    delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)]
    retry_purge.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        urls, attempt + 1
    )


@task()
def retry_purge(urls, attempt=1):
    """The same purge again from the worker; queued again (up to len(RETRY_DELAYS) times)
    while the front does not take it."""
    if send(urls, seconds=5) or attempt >= len(RETRY_DELAYS):
        return attempt
    _queue_retry(urls, attempt)
    return attempt


def _send_and_queue(urls):
    # The retry only where tasks wait for a worker: the immediate backend (development,
    # tests) would only send the same purge again in the same moment.
    if _http_locations():
        send(urls)
        if default_task_backend.supports_defer:
            _queue_retry(urls, 0)
    others = _other_backends()
    if others:  # CDNs and the like: Wagtail's own task
        purge_urls_from_cache(urls, backends=others)


def purge(urls, listings=True):
    """Tell the front to forget these full URLs (and, with `listings`, every response of the
    listings group on their sites) once the transaction commits (module doc)."""
    urls = set(urls)
    if not urls or not _setting("WAGTAILFRONTENDCACHE", None):
        return
    if listings:
        urls |= {
            f"{parts.scheme}://{parts.netloc}{PURGE_LISTINGS_PATH}" for parts in map(urlsplit, urls)
        }
    urls = sorted(urls)

    def after_commit():
        try:
            _send_and_queue(urls)
        except Exception:  # a front or a queue that does not answer must not break publishing
            logger.exception("Could not purge the HTTP front")

    transaction.on_commit(after_commit)
