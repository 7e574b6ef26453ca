"""Which parts of the tree are restricted, read once per content stamp instead of twice a page.

Wagtail checks a page's view restrictions on every serve (its ancestors, then their
restrictions: two queries) and the page cache checks again before storing. Sites restrict
few pages, so the paths of restricted pages (and of aliases of them) are kept in the cache
under the site's content stamp; a page outside them has no restriction and costs no query.
Creating, changing or deleting a restriction purges the whole page cache (which bumps the
stamp), so a newly restricted page is never served from a cache again.
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction

from caching import content_versions, site_values
from caching.page_cache import purge_all


def restricted_paths():
    """Tree paths under which restrictions apply, or None without a cache."""
    if content_versions.stamps([content_versions.SITE]) is None:
        return None
    return site_values.get("restricted-paths", _paths)


def _paths():
    restricted = list(PageViewRestriction.objects.values_list("page_id", flat=True))
    return sorted(
        Page.objects.filter(Q(pk__in=restricted) | Q(alias_of__in=restricted))
        .order_by()
        .values_list("path", flat=True)
    )


def is_unrestricted(page):
    """True when no view restriction can apply to this page (known without a query)."""
    paths = restricted_paths()
    if paths is None or page.alias_of_id:
        return False
    return not any(page.path.startswith(path) for path in paths)


def readable(queryset):
    """Live pages of ``queryset`` that no view restriction covers: Wagtail's ``public()``
    without its query for the restrictions when the restricted paths are cached."""
    paths = restricted_paths()
    if paths is None:
        return queryset.live().public()
    covered = Q()
    for path in paths:
        covered |= Q(path__startswith=path)
    return queryset.live().exclude(covered) if paths else queryset.live()


def readable_rows(statement, *shape, **values):
    """The rows of a compiled statement (base/statements.py) whose queryset reads
    `readable()`: compiled per set of restricted paths, which are its first shape argument;
    built and run as a queryset when they are not known (no cache), as `readable()` asks
    the database for them then."""
    paths = restricted_paths()
    if paths is None:
        return list(statement.queryset(None, *shape, **values))
    return statement(tuple(paths), *shape, **values)


def _restriction_changed(sender, **kwargs):
    purge_all()


def connect_signals():
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"restriction_{signal}"
        )
    m2m_changed.connect(
        _restriction_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="restriction_groups",
    )
