"""The database is down: 503 with Retry-After, never a 500 (settings: handler500 in urls.py).

Django turns an exception anywhere in a request (a view, a middleware, a template) into the
500 handler's response. When that exception is the database not answering
(`OperationalError`, `InterfaceError`), readers get 503 Service Unavailable with
`Retry-After: DATABASE_DOWN_RETRY_AFTER` and `Cache-Control: no-store` (no cache keeps the
outage): JSON when JSON was asked (`Accept: application/json`, or an `/api/` address), a short
Vietnamese page otherwise. Nothing here touches the database. Pages already in the page cache
are still served from it (caching/page_cache.py answers before anything reads the database).
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.defaults import server_error as django_server_error

DATABASE_ERRORS = (OperationalError, InterfaceError)


def retry_after():
    return getattr(settings, "DATABASE_DOWN_RETRY_AFTER", 30)


def wants_json(request):
    accept = request.headers.get("Accept", "")
    return request.path.startswith("/api/") or (
        "application/json" in accept and "text/html" not in accept
    )


def database_down(request):
    """The 503 answer (JSON or HTML) while the database does not answer."""
    message = _("The site is briefly unavailable. Please try again in a moment.")
    if wants_json(request):
        response = JsonResponse({"status": "unavailable", "detail": message}, status=503)
    else:
        html = render_to_string("503.html", {"message": message, "retry_after": retry_after()})
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(retry_after())
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    """handler500: 503 when the error is the database being down, Django's 500 otherwise."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return database_down(request)
    return django_server_error(request, template_name=template_name)
