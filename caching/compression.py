"""Compressed HTML, feeds and JSON from the app itself, so a gunicorn-only install gets it too.

Never on a response that carries a secret, against BREACH (compression ratio leaking a token
reflected next to attacker-chosen text): one that sets a cookie, holds a filled-in CSRF
field, or answers a request that belongs to someone (a session). Public pages carry no
token (the page cache empties CSRF fields; caching/page_cache.py), so they are
compressed. Static files are served compressed by WhiteNoise before this runs.
"""

import re

from django.middleware.gzip import GZipMiddleware

from caching.page_cache import PERSONAL_COOKIES

COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
)
FILLED_CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]')


def carries_secret(request, response):
    if response.cookies or any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return True
    return not response.streaming and bool(FILLED_CSRF_FIELD.search(response.content))


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(COMPRESSIBLE) or carries_secret(request, response):
            return response
        return super().process_response(request, response)
