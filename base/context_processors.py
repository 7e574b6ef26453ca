from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from caching import site_values


def _menu_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    return list(root.get_children().live().in_menu().only("id", "title", "url_path", "path"))


def _menu_subpages(request):
    """Second-level menu entries (the news sections): the live, in-menu grandchildren of the
    home page, in one query."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    return list(
        Page.objects.live()
        .in_menu()
        .filter(depth=root.depth + 2, path__startswith=root.path)
        .only("id", "title", "url_path", "path")
        .order_by("path")
    )


def _kept(name, read, request):
    """The menu's pages, kept under the site's content stamp (a section published, moved or
    retitled moves it, as it renews the nav and footer fragments): no query on a page."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return site_values.get(f"{name}:{site.pk}", lambda: read(request))


def site_navigation(request):
    """Header sections: the home page's live children marked "show in menus" (one query, lazily),
    and their in-menu children (the news sections) for the second row."""
    return {
        "menu_pages": SimpleLazyObject(lambda: _kept("menu", _menu_pages, request)),
        "menu_subpages": SimpleLazyObject(lambda: _kept("menu-sub", _menu_subpages, request)),
    }
