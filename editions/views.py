from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from .editions import edition_homes, page_versions
from .languages import BY_CODE, DEFAULT


def _page_at(request, address):
    """The page at `address` on this site, or None: the edition's home is shown instead."""
    if not address:
        return None
    try:
        return Page.find_for_request(request, address)
    except Http404:  # what routing raises; Wagtail 8's find_for_request already answers None
        return None


@csrf_exempt
def switch_edition(request):
    """The old language switch (`/i18n/setlang/`, a cookie over the same addresses) now takes
    the reader to the edition: the same page in that language when it has a version there,
    otherwise the edition's home. The old cookie is removed; nothing reads it any more."""
    values = request.POST if request.method == "POST" else request.GET
    code = values.get("language", "")
    code = code if code in BY_CODE else DEFAULT
    address = values.get("next", "")
    if not url_has_allowed_host_and_scheme(address, {request.get_host()}, request.is_secure()):
        address = ""
    target = None
    page = _page_at(request, address.split("?")[0])
    if page is not None:
        target = page_versions(page, request).get(code)
    homes = edition_homes(request)
    target = target or homes.get(code) or homes.get(DEFAULT)
    response = HttpResponseRedirect(target.get_url(request) if target else "/")
    response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
    return response
