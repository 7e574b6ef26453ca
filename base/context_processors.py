from typing import NamedTuple

from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from caching import site_values
from editions.editions import current_language, edition_homes


def _edition_home(request):
    """The home of the edition being read (its menu is its own sections), else the Site's."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return edition_homes(request).get(current_language()) or site.root_page


class MenuEntry(NamedTuple):
    """A menu link, its URL worked out once with the menu (kept per site and language):
    Wagtail's URL of a page reverses its serve view inside a translation override, ~200
    function calls, and the header and footer show some fifteen links."""

    title: str
    url: str
    path: str


def _entries(pages, request):
    return [MenuEntry(page.title, page.get_url(request), page.path) for page in pages]


def _menu_pages(request):
    root = _edition_home(request)
    if root is None:
        return []
    pages = root.get_children().live().in_menu().only("id", "title", "url_path", "path")
    return _entries(pages, request)


def _menu_subpages(request):
    """Second-level menu entries (the news sections): the live, in-menu grandchildren of the
    home page, in one query."""
    root = _edition_home(request)
    if root is None:
        return []
    pages = (
        Page.objects.live()
        .in_menu()
        .filter(depth=root.depth + 2, path__startswith=root.path)
        .only("id", "title", "url_path", "path")
        .order_by("path")
    )
    return _entries(pages, request)


def _kept(name, read, request):
    """The menu's pages, kept under the site's content stamp (a section published, moved or
    retitled moves it, as it renews the nav and footer fragments): no query on a page."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return site_values.get(f"{name}:{site.pk}:{current_language()}", lambda: read(request))


def _edition_home_url(request):
    home = _edition_home(request)
    return (home.get_url(request) if home is not None else None) or "/"


def site_navigation(request):
    """Header sections: the home page's live children marked "show in menus" (one query, lazily),
    and their in-menu children (the news sections) for the second row."""
    return {
        "menu_pages": SimpleLazyObject(lambda: _kept("menu-links", _menu_pages, request)),
        "menu_subpages": SimpleLazyObject(lambda: _kept("menu-sub-links", _menu_subpages, request)),
        "edition_home_url": SimpleLazyObject(lambda: _edition_home_url(request)),
    }
