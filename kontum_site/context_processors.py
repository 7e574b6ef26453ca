from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def _menu_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    return list(root.get_children().live().in_menu().only("id", "title", "url_path", "path"))


def site_navigation(request):
    """Header sections: the home page's live children marked "show in menus" (one query, lazily)."""
    return {"menu_pages": SimpleLazyObject(lambda: _menu_pages(request))}
