from django.conf import settings
from django.utils import translation


class EditionMiddleware:
    """The edition, and so the interface language, is the address's prefix: `/en/…` is
    English, `/bdq/…` Ba Na; an address without one is Vietnamese, as every address was before
    editions. Nothing else chooses it: no cookie, no Accept-Language (the content is in the
    edition's language, and an interface in another one around it helps no one). Responses
    therefore vary on nothing but their address, which keeps them cacheable by Varnish.
    The admin uses each user's own language preference (Wagtail activates it in its views).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
