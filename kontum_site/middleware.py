from django.conf import settings
from django.utils import translation


class SiteLanguageMiddleware:
    """Vietnamese unless the reader chose English with the language switch (a cookie).

    The browser's Accept-Language is ignored on purpose: the content is Vietnamese, and an
    English interface around it by accident helps no one. The admin uses each user's own
    language preference (Wagtail activates it in its views).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
