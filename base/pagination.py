"""Pagination that never errors: a bad or out-of-range ?page= gives the nearest real page.

Querysets are paged with a deferred join: the page's primary keys first (a narrow, sorted
scan, cheap even at ?page=500), then only those rows with their joins and prefetches. When
the number of rows is not known already, the keys query counts them too (`COUNT(*) OVER ()`):
a listing costs two queries, not three (the count was its own query, compiled and sent on
every render of a tag, section or reporter page).
"""

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet, Window
from django.utils.functional import cached_property

from base.params import int_param

TOTAL = "listed_total"


class DeferredJoinPaginator(Paginator):
    def __init__(self, *args, known_count=None, rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = known_count
        self._rows = rows

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
            return self._rows_page(list(items.values_list("pk", flat=True)[bottom:top]), number)
        return self._get_page(items[bottom:top], number, self)

    def page_or_last(self, number):
        """Page `number`, or the last page when there are fewer. A queryset's keys and its
        count come in one query when the count is not known yet."""
        items = self.object_list
        if self._counts_with_keys():
            bottom = (number - 1) * self.per_page
            rows = list(
                items.annotate(**{TOTAL: Window(Count("pk"))}).values_list("pk", TOTAL)[
                    bottom : bottom + self.per_page
                ]
            )
            if rows:  # else past the end (or nothing at all): counted below
                self.__dict__["count"] = rows[0][1]  # Paginator.count is a cached_property
                return self._rows_page([pk for pk, _total in rows], number)
        return self.page(min(number, self.num_pages))

    def _counts_with_keys(self):
        items = self.object_list
        return (
            isinstance(items, QuerySet)
            and self._known_count is None
            and "count" not in self.__dict__
            and not self.orphans
            and not items.query.distinct  # a window counts the rows before DISTINCT
            and items.query.combinator is None
            and not items.query.is_sliced
        )

    def _rows_page(self, ids, number):
        if self._rows is not None:
            found = {item.pk: item for item in self._rows(ids)}
        else:
            found = {item.pk: item for item in self.object_list.filter(pk__in=ids).order_by()}
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)


def paginate(request, items, per_page, param="page", count=None, rows=None):
    """`count`: the number of items when the caller already knows it (e.g. from a cache).
    `rows(ids)`: the items of these keys, read another way than `items.filter(pk__in=ids)`
    (a compiled statement, base/statements.py); it must give only items `items` has."""
    paginator = DeferredJoinPaginator(items, per_page, known_count=count, rows=rows)
    number = int_param(request.GET.get(param), 1, minimum=1)
    return paginator.page_or_last(number)
