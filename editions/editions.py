"""Which editions exist and where a page is in each of them, read once per request.

An edition exists once its home page (a translation of the Vietnamese home) is live. A page's
versions are its live translations (Wagtail keeps them linked by `translation_key`): one
query per page. The editions' homes are kept under the site's content stamp, the locales' ids
in the cache (they change only when an administrator adds a locale: signals.py).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from caching import site_values
from caching.content_versions import request_values

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
    """{language code: Wagtail locale id}: asked of the cache once per request."""
    memo = request_values()
    if memo is not None and LOCALE_IDS_KEY in memo:
        return memo[LOCALE_IDS_KEY]
    ids = cache.get(LOCALE_IDS_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "id"))
        cache.set(LOCALE_IDS_KEY, ids, 24 * 3600)
    if memo is not None:
        memo[LOCALE_IDS_KEY] = ids
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


def edition_homes(request=None):
    """{language code: live home page} for every edition that exists, Vietnamese first: kept
    under the site's content stamp (publishing a home moves it), no query on a page."""
    root = _root(request)
    if root is None:
        return {}

    def compute():
        pages = Page.objects.filter(translation_key=root.translation_key).live()
        return _by_language(pages.select_related("locale").only(*FIELDS), root.translation_key)

    return _memo(
        request,
        "homes",
        lambda: site_values.get(f"edition-homes:{root.pk}", compute),
    )


def page_versions(page, request=None):
    """{language code: live page} for `page` and its live translations, in edition order.

    Nothing, and no query, for what is not a saved page (a preview of a new page, a
    paginator's page in a listing's context) or while fewer than two editions exist: a
    version elsewhere would be under an edition that has no home, which no address reaches.
    The editions' homes are read once a request anyway (the header's edition links)."""
    if not isinstance(getattr(page, "pk", None), int):
        return {}
    homes = edition_homes(request)
    if len(homes) < 2:
        return {}
    if any(home.pk == page.pk for home in homes.values()):
        return homes  # a home's versions are the editions' homes: no query on the home page

    def compute():
        pages = Page.objects.filter(translation_key=page.translation_key).live()
        return _by_language(pages.select_related("locale").only(*FIELDS), page.translation_key)

    return _memo(request, f"versions:{page.pk}", compute)


def active_locale():
    """The Wagtail locale of the edition being read, without a query (its id from the cache):
    enough to filter by (`.filter(locale=…)`)."""
    return Locale(id=active_locale_id(), language_code=current_language())
