"""Site settings read from the cache instead of the database on every page.

Every change to a setting purges the whole page cache (PAGE_CACHE_PURGE_ALL_ON_SAVE), which
bumps the site's content stamp; the cached copy is kept under that stamp
(caching/site_values.py, read with the other values kept under it), so a change is seen at
once. Without a cache, settings are read from the database as Wagtail does.
"""

from wagtail.contrib.settings.models import BaseSiteSetting

from caching import content_versions, site_values


class CachedSiteSetting(BaseSiteSetting):
    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        found = content_versions.stamps([content_versions.SITE]) if site is not None else None
        if found is None:
            return super().for_site(site)
        read = super().for_site
        return site_values.get(f"setting:{cls._meta.label_lower}:{site.pk}", lambda: read(site))
