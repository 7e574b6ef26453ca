"""Pagination that never errors: a bad or out-of-range ?page= gives the nearest real page.

Querysets are paged with a deferred join: the page's primary keys first (a narrow, sorted
scan, cheap even at ?page=500), then only those rows with their joins and prefetches.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from base.params import int_param


class DeferredJoinPaginator(Paginator):
    def __init__(self, *args, known_count=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = known_count

    @cached_property
    def count(self):
        if self._known_count is not None:
            return self._known_count
        return super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        items = self.object_list
        if isinstance(items, QuerySet):
            ids = list(items.values_list("pk", flat=True)[bottom:top])
            found = {item.pk: item for item in items.filter(pk__in=ids).order_by()} if ids else {}
            return self._get_page([found[pk] for pk in ids if pk in found], number, self)
        return self._get_page(items[bottom:top], number, self)


def paginate(request, items, per_page, param="page", count=None):
    """`count`: the number of items when the caller already knows it (e.g. from a cache)."""
    paginator = DeferredJoinPaginator(items, per_page, known_count=count)
    number = int_param(request.GET.get(param), 1, minimum=1)
    number = min(number, paginator.num_pages)
    return paginator.page(number)
