from django.shortcuts import redirect
from wagtail import hooks

from .editions import active_locale_id


@hooks.register("before_serve_page")
def serve_in_own_edition(page, request, serve_args, serve_kwargs):
    """A page answers only under its own edition's prefix. Wagtail routes `/en/<path>` through
    the Vietnamese home when the English edition has no home yet (or no such page): that
    would be a Vietnamese page at an English address, so the reader goes to its own."""
    if page.locale_id != active_locale_id():
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url, permanent=False)
