"""Template context computed only if a template reads it.

Pages put their expensive parts (related stories, award histories, facets…) in the context
lazily: when the fragment that shows them comes from the cache
(caching/templatetags/fragments.py), they are never computed.
"""

from django.utils.functional import SimpleLazyObject


def lazy(function, *args, **kwargs):
    return SimpleLazyObject(lambda: function(*args, **kwargs))


def lazy_items(function, keys):
    """{key: lazy value} for a function returning a dict with these keys, called at most once."""
    shared = SimpleLazyObject(function)
    return {key: SimpleLazyObject(lambda key=key: shared[key]) for key in keys}
