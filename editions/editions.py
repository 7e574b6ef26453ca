"""Which editions exist and where a page is in each of them, read once per request.

An edition exists once its home page (a translation of the Vietnamese home) is live. A page's
versions are its live translations (Wagtail keeps them linked by `translation_key`).
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .languages import BY_CODE, DEFAULT


def _memo(request, name, compute):
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_editions_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def edition_homes(request=None):
    """{language code: live home page} for every edition that exists, Vietnamese first."""

    def compute():
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.select_related("root_page").filter(is_default_site=True).first()
        if site is None:
            return {}
        homes = (
            Page.objects.filter(translation_key=site.root_page.translation_key)
            .live()
            .select_related("locale")
        )
        found = {home.locale.language_code: home for home in homes}
        return {code: found[code] for code in BY_CODE if code in found}

    return _memo(request, "homes", compute)


def page_versions(page, request=None):
    """{language code: live page} for `page` and its live translations, in edition order."""
    if page is None or not getattr(page, "pk", None):
        return {}

    def compute():
        versions = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
            .only("id", "url_path", "path", "depth", "title", "locale__language_code")
        )
        found = {version.locale.language_code: version for version in versions}
        return {code: found[code] for code in BY_CODE if code in found}

    return _memo(request, f"versions:{page.pk}", compute)


def current_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def active_locale(request=None):
    """The Wagtail locale of the edition being read (its prefix), or the default one."""
    return _memo(request, "locale:" + current_language(), Locale.get_active)


def is_default(code):
    return code == DEFAULT
