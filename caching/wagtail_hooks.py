from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from wagtail import hooks

from caching.content_versions import http_validators
from caching.page_cache import recorded_scopes, request_is_cacheable, set_public_cache_headers


@hooks.register("on_serve_page")
def conditional_page(serve):
    """Answer a conditional request for a page with 304 before anything is rendered, from the
    content stamps its last render read (caching/content_versions.py), and give every anonymous page
    the same validators. Personal requests (a session, a signed-in editor) are left alone."""

    def wrapper(page, request, args, kwargs):
        validators = (
            http_validators(request, page, recorded_scopes(request))
            if request_is_cacheable(request)
            else None
        )
        if validators is None:
            return serve(page, request, args, kwargs)
        headers = HttpResponse()
        headers["ETag"], headers["Last-Modified"] = validators[0], http_date(validators[1])
        set_public_cache_headers(headers)
        answer = get_conditional_response(
            request, etag=validators[0], last_modified=validators[1], response=headers
        )
        if answer is not headers:  # 304 (or 412): given without rendering
            return answer
        response = serve(page, request, args, kwargs)
        if response.status_code == 200 and not response.has_header("ETag"):
            response["ETag"] = headers["ETag"]
            response["Last-Modified"] = headers["Last-Modified"]
        return response

    return wrapper
