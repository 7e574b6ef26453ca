"""Each edition's sitemap (`/sitemap.xml`, `/en/sitemap.xml`…): the pages under its own home.

Wagtail's sitemap lists the Site's root page and what is below it: the Vietnamese tree only.
An edition's home is a translation of that root (editions/editions.py), so each edition lists
the tree under its home; an edition that does not exist has no sitemap (404).
"""

from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from editions.editions import current_language, edition_homes


class EditionSitemap(Sitemap):
    def items(self):
        home = edition_homes(self.request)[current_language()]  # the view checked it exists
        return (
            home.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def edition_sitemap(request, **kwargs):
    """Wagtail's sitemap view over the edition's tree (its cache key has the path: one entry
    per edition, caching.content_versions.cached_until_site_changes)."""
    if current_language() not in edition_homes(request):
        raise Http404
    return wagtail_sitemap(request, sitemaps={"wagtail": EditionSitemap(request)}, **kwargs)
