import re

from django.http import HttpResponseBadRequest, QueryDict
from django.utils.translation import gettext as _

# C0 controls but tab, newline and carriage return; DEL; and the C1 block.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _has_control(values):
    return any(_CONTROL.search(value) for value in values)


def _cleaned(query):
    cleaned = QueryDict(mutable=True)
    for key in query:
        cleaned.setlist(_CONTROL.sub("", key), [_CONTROL.sub("", v) for v in query.getlist(key)])
    cleaned._mutable = False
    return cleaned


def _items(query):
    return [item for key in query for item in [key, *query.getlist(key)]]


class ControlCharactersMiddleware:
    """Control characters never reach a view or a database (PostgreSQL refuses NUL in text).

    In the path they are refused with a translated 400 (no page has such an address); in
    the query string and in posted forms they are removed, so a search still finds what the
    reader meant and an editor's pasted text is kept. File uploads are not touched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_control([request.path]):
            return HttpResponseBadRequest(
                _("The address contains characters that are not allowed."),
                content_type="text/plain; charset=utf-8",
            )
        if _has_control(_items(request.GET)):
            request.GET = _cleaned(request.GET)
        if (
            request.method == "POST"
            and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")
            and _has_control(_items(request.POST))
        ):
            request.POST = _cleaned(request.POST)
        return self.get_response(request)
