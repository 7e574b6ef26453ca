"""Cached views store responses only for the query parameters they read.

A view cached by its full address (`content_versions.cached_until_site_changes`, the sitemap:
kept 7 days) would keep one copy per made-up query string. `cached_only_for(params, cached,
plain)` sends a request with any other parameter to the plain view: served, never stored.
"""

from functools import wraps


def cached_only_for(params, cached_view, plain_view):
    allowed = frozenset(params)

    @wraps(plain_view)
    def view(request, *args, **kwargs):
        if set(request.GET) <= allowed:
            return cached_view(request, *args, **kwargs)
        return plain_view(request, *args, **kwargs)

    return view
