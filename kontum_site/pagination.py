"""Pagination that never errors: a bad or out-of-range ?page= gives the nearest real page."""

from django.core.paginator import Paginator


def paginate(request, items, per_page, param="page"):
    paginator = Paginator(items, per_page)
    raw = request.GET.get(param, "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)
