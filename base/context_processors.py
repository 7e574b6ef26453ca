from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from editions.editions import current_language, edition_homes


def _menu_root(request):
    """The home of the edition being read (its menus are its own sections), else the Site's."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return edition_homes(request).get(current_language()) or site.root_page


def _menu_pages(request):
    root = _menu_root(request)
    if root is None:
        return []
    return list(root.get_children().live().in_menu().only("id", "title", "url_path", "path"))


def _menu_subpages(request):
    """Second-level menu entries (the news sections): the live, in-menu grandchildren of the
    home page, in one query."""
    root = _menu_root(request)
    if root is None:
        return []
    return list(
        Page.objects.live()
        .in_menu()
        .filter(depth=root.depth + 2, path__startswith=root.path)
        .only("id", "title", "url_path", "path")
        .order_by("path")
    )


def site_navigation(request):
    """Header sections: the home page's live children marked "show in menus" (one query, lazily),
    and their in-menu children (the news sections) for the second row."""
    return {
        "menu_pages": SimpleLazyObject(lambda: _menu_pages(request)),
        "menu_subpages": SimpleLazyObject(lambda: _menu_subpages(request)),
    }
