"""The public registry export is rate-limited per reader network: a bulk copy of the registry
is one request away, so a scraper gets a few files an hour, not the registry every second."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from security import rate_window
from security.client_ip import client_ip, network

WINDOW = 3600


def refuse(request):
    """None when this export may go ahead, else the 429 response."""
    limit = getattr(settings, "EXEMPLARS_PUBLIC_EXPORTS_PER_HOUR", 10)
    if not limit:
        return None
    reader = network(client_ip(request)) or "unknown"
    count, retry_after = rate_window.hit(f"exemplars:export:{reader}", WINDOW)
    if count is None or count <= limit:  # no cache: cannot count, let it through
        return None
    response = render(
        request,
        "exemplars/export_limited.html",
        {"message": _("Too many downloads from your network. Please try again later.")},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response
