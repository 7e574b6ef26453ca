"""Featured exemplars on the home page (see base.home_sections)."""

from base import renditions
from base.home_sections import live_index_under
from base.statements import Statement
from caching import view_restrictions
from caching.content_versions import REGISTRY, page_scope
from exemplars.models.index import ExemplarIndexPage
from exemplars.models.pages import ExemplarPage
from exemplars.pictures import PORTRAIT_PICTURE

FEATURED_COUNT = 4


def _featured_under(_restricted, path, depth, limit):
    return (
        view_restrictions.readable(
            ExemplarPage.objects.filter(path__startswith=path, depth__gt=depth)  # descendant_of
        )
        .filter(featured=True)
        .select_related("portrait", "ethnicity", "place")
        .only(*ExemplarPage.card_fields)
        .prefetch_related(renditions.prefetch("portrait", PORTRAIT_PICTURE))
        .order_by("-last_published_at", "-pk")[:limit]
    )


# Read by every render from nothing of the home page: compiled once (base/statements.py).
FEATURED_UNDER = Statement(_featured_under)


def featured_exemplars(home_page):
    featured = view_restrictions.readable_rows(
        FEATURED_UNDER, home_page.path, home_page.depth, FEATURED_COUNT
    )
    return {
        "featured_exemplars": featured,
        "exemplar_directory": live_index_under(home_page, ExemplarIndexPage),
    }


featured_exemplars.context_keys = ("featured_exemplars", "exemplar_directory")
featured_exemplars.templates = ("exemplars/includes/home_exemplars.html",)
# Renewed when a record is published, changed or removed (the registry's stamp), not by a
# story (ExemplarPage.content_scopes).
featured_exemplars.scopes = lambda home_page: [REGISTRY, page_scope(home_page.pk)]
