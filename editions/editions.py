"""Which editions exist and where a page is in each of them, read once per request.

An edition exists once its home page (a translation of the Vietnamese home) is live. A page's
versions are its live translations (Wagtail keeps them linked by `translation_key`). The
editions' homes and the page's versions come from one query per request; the locales' ids
from the cache (they change only when an administrator adds a locale: signals.py).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .languages import BY_CODE

LOCALE_IDS_KEY = "editions:locale-ids"
FIELDS = (
    "id",
    "url_path",
    "path",
    "depth",
    "numchild",
    "title",
    "translation_key",
    "locale__language_code",
)


def locale_ids():
    """{language code: Wagtail locale id}."""
    ids = cache.get(LOCALE_IDS_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "id"))
        cache.set(LOCALE_IDS_KEY, ids, 24 * 3600)
    return ids


def forget_locale_ids(**_kwargs):
    cache.delete(LOCALE_IDS_KEY)


def current_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def active_locale_id():
    """The Wagtail locale id of the edition being read (its prefix)."""
    ids = locale_ids()
    return ids.get(current_language()) or ids.get(settings.LANGUAGE_CODE)


def _memo(request, name, compute):
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_editions_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def _root(request):
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site.root_page if site is not None else None


def _by_language(pages, translation_key):
    found = {
        page.locale.language_code: page for page in pages if page.translation_key == translation_key
    }
    return {code: found[code] for code in BY_CODE if code in found}


def _read(request, page):
    """(homes, versions of `page`) in one query."""
    root = _root(request)
    keys = {key for key in (getattr(root, "translation_key", None), page.translation_key) if key}
    pages = list(
        Page.objects.filter(translation_key__in=keys).live().select_related("locale").only(*FIELDS)
    )
    homes = _by_language(pages, root.translation_key) if root is not None else {}
    return homes, _by_language(pages, page.translation_key)


def _served_page(request):
    route = getattr(request, "_wagtail_route_for_request", None)
    return route[0] if route else None


def edition_homes(request=None):
    """{language code: live home page} for every edition that exists, Vietnamese first."""
    served = _served_page(request)
    if served is not None:  # read with the served page's versions: one query for both
        return page_versions_and_homes(served, request)[0]

    def compute():
        root = _root(request)
        if root is None:
            return {}
        pages = Page.objects.filter(translation_key=root.translation_key).live()
        return _by_language(pages.select_related("locale").only(*FIELDS), root.translation_key)

    return _memo(request, "homes", compute)


def page_versions_and_homes(page, request=None):
    return _memo(request, f"read:{page.pk}", lambda: _read(request, page))


def page_versions(page, request=None):
    """{language code: live page} for `page` and its live translations, in edition order."""
    if page is None or not getattr(page, "pk", None):
        return {}
    return page_versions_and_homes(page, request)[1]


def active_locale(request=None):
    """The Wagtail locale of the edition being read, without a query (its id from the cache):
    enough to filter by (`.filter(locale=…)`)."""
    return Locale(id=active_locale_id(), language_code=current_language())
