"""The site's own "page not found" page during development (the dev settings only).

With DEBUG on, Django answers every 404 with its English technical page, so `make run` never
shows what a reader sees. This middleware answers with templates/404.html (in the reader's
language, with the site's header and menu), as production does. Errors keep Django's debug
page with the traceback: only 404s are touched.
"""

from django.conf import settings
from django.http import Http404
from django.views.defaults import page_not_found


class SiteNotFoundPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No view was found for the address (Django already drew its technical page).
        if settings.DEBUG and response.status_code == 404 and request.resolver_match is None:
            return page_not_found(request, Http404())
        return response

    def process_exception(self, request, exception):
        """A view (a Wagtail page, a tag, a reporter…) said the page does not exist."""
        if settings.DEBUG and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
