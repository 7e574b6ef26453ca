from django.http import HttpResponsePermanentRedirect
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect


@hooks.register("before_serve_page")
def wordpress_id_links(page, request, serve_args, serve_kwargs):
    """`/?p=123` and `/?page_id=45` reach the home page, which exists, so Wagtail's redirect
    middleware (404s only) never sees them: answer the imported post's 301 here."""
    if page.depth != 2 or not ({"p", "page_id"} & set(request.GET)):
        return None
    key = "p" if "p" in request.GET else "page_id"
    value = request.GET[key]
    if not value.isdigit():
        return None
    redirect = (
        Redirect.objects.filter(old_path=Redirect.normalise_path(f"/?{key}={value}"))
        .select_related("redirect_page")
        .first()
    )
    if redirect is None:
        return None
    return HttpResponsePermanentRedirect(redirect.link)
