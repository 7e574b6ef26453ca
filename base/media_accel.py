"""A sendfile backend for the shipped nginx: the response names the file in
``X-Accel-Redirect`` and nginx sends it from an ``internal`` location (deploy/nginx), so a
file is reachable only after a Django view said yes (Wagtail's document serve view, the
original-image view in base/private_media.py).

Wagtail's sendfile (wagtail.utils.sendfile) calls ``sendfile(request, filename, ...)`` of the
module named in ``SENDFILE_BACKEND`` (production sets it, see settings/production.py).
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


class AccelRedirectResponse(HttpResponse):
    """No body of its own: nginx replaces it with the file. A Content-Length of the file's
    size (Wagtail's sendfile sets one) would make the proxies between wait for bytes that
    never come, so it is not kept."""

    def __setitem__(self, header, value):
        if header.lower() == "content-length" or value is None:
            return
        super().__setitem__(header, value)


def accel_path(filename):
    """The internal URL of a file under MEDIA_ROOT ("/media/documents/tai-lieu.pdf")."""
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        relative = Path(filename).resolve().relative_to(root)
    except ValueError as error:  # outside the media folder: never sent
        raise Http404 from error
    return quote(settings.MEDIA_URL.rstrip("/") + "/" + relative.as_posix())


def sendfile(request, filename, **kwargs):
    response = AccelRedirectResponse()
    response["X-Accel-Redirect"] = accel_path(filename)
    return response
