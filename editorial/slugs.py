"""One way of making a slug unique: ``base``, ``base-2``, ``base-3``… (as Wagtail numbers them)."""

from django.db.models import QuerySet


def unique_slug(base, taken):
    """The first of ``base``, ``base-2``, ``base-3``… that is not taken.

    ``taken`` is either a collection of slugs already in use (a set the caller keeps, when it
    hands out many slugs at once: add the result to it) or a QuerySet of the rows whose
    ``slug`` may not be repeated (the page's siblings, the other reporters): its slugs that
    start with ``base`` are read in one query.
    """
    if isinstance(taken, QuerySet):
        taken = set(taken.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug
