from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from wagtail import hooks

from . import admin_clock, admin_csp
from .collation import in_vietnamese_order
from .content_versions import http_validators
from .page_cache import request_is_cacheable, set_public_cache_headers
from .page_chooser import visible_in_chooser


@hooks.register("on_serve_page")
def conditional_page(serve):
    """Answer a conditional request for a page with 304 before anything is rendered, from the
    content stamps alone (kontum_site/content_versions.py), and give every anonymous page
    the same validators. Personal requests (a session, a signed-in editor) are left alone."""

    def wrapper(page, request, args, kwargs):
        validators = http_validators(request, page) if request_is_cacheable(request) else None
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


@hooks.register("construct_page_chooser_queryset")
def only_live_or_editable_pages(pages, request):
    return visible_in_chooser(pages, request.user)


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts():
    return admin_csp.global_admin_js()


@hooks.register("insert_global_admin_js")
def date_pickers_on_server_time():
    return admin_clock.global_admin_js()


@hooks.register("construct_explorer_page_queryset")
def titles_in_vietnamese_order(parent_page, pages, request):
    """Sorted by title, the explorer lists "Đắk Hà" before "Ya Xiêr" (kontum_site.collation).
    A search keeps the search backend's ordering."""
    if request.GET.get("q"):
        return pages
    return in_vietnamese_order(pages, {"title"})


@hooks.register("register_image_operations")
def register_card_operation():
    """``card-WxH`` renditions: exactly W × H, padded rather than upscaled (image_cards.py)."""
    from .image_cards import CardOperation

    return [("card", CardOperation)]
