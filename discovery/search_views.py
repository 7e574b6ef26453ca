"""The public search page (/tim-kiem/): every searchable page type, tone marks optional."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Page

from base.pagination import paginate
from base.params import int_param
from caching.lazy import lazy
from caching.page_cache import remove_reader_secrets
from discovery import search_log
from discovery.search import (
    MAX_QUERY_LENGTH,
    SearchQuery,
    cached_site_search,
    highlight,
    searchable_models,
)
from editions.editions import active_locale

RESULTS_PER_PAGE = 10
THUMBNAIL = "fill-240x135|format-webp"


def _promotions(query, locale):
    """Editors' promoted results (Wagtail search promotions) for this query, tone marks or not.

    Promoted queries are few, so they are compared folded in Python: a promotion made for
    "đại hội" shows for "dai hoi" and "ĐẠI HỘI" too.
    """
    promoted_queries = Query.objects.filter(editors_picks__isnull=False).distinct()
    matching = [
        pk
        for pk, text in promoted_queries.values_list("pk", "query_string")
        if " ".join(SearchQuery.parse(text).folded_terms) == query.folded
    ]
    if not matching:
        return []
    promotions = (
        SearchPromotion.objects.filter(query_id__in=matching)
        .select_related("page")
        .order_by("sort_order")
    )
    # Pages promoted in another edition are not this edition's results.
    return [
        p
        for p in promotions
        if p.page_id is None or (p.page.live and p.page.locale_id == locale.pk)
    ]


def _page_type(value):
    for model in searchable_models():
        if model._meta.model_name == value:
            return model
    return None


def _year(value):
    return int_param(value, None, minimum=1900, maximum=2200)


def search_view(request):
    query = SearchQuery.parse(request.GET.get("q", ""))
    page_type = _page_type(request.GET.get("loai", ""))
    year = _year(request.GET.get("nam"))
    tag = request.GET.get("the", "").strip()[:100] or None
    locale = active_locale()  # the edition being read: its pages only
    outcome = cached_site_search(
        query, page_type=page_type, tag=tag, year=year, request=request, locale=locale
    )
    if query.is_searchable and not request.GET.get("page"):
        # Reports → Search terms, so editors see which queries recur (bounded: search_log.py).
        search_log.record(query.text, found=len(outcome.ids))
    results_page = paginate(request, outcome.ids, RESULTS_PER_PAGE)
    context = {
        "query": query,
        "search_query_text": query.text,
        "outcome": outcome,
        "type_options": [
            (ct.model, model._meta.verbose_name_plural, count)
            for model, ct, count in outcome.type_counts
        ],
        # Read only when the results fragment is rendered (search_results.html).
        "results": lazy(_results, results_page, query),
        "results_page": results_page,
        "promotions": lazy(
            lambda: (
                _promotions(query, locale)
                if query.is_searchable and results_page.number == 1
                else []
            )
        ),
        "active_type": page_type._meta.model_name if page_type else "",
        "active_year": year,
        "active_tag": tag or "",
        "max_length": MAX_QUERY_LENGTH,
        "page_title": _("Search"),
        "noindex": True,
    }
    response = render(request, "kontum_site/search_results.html", context)
    # The query is reflected in the page: no token may sit beside it in a compressed response.
    remove_reader_secrets(response, request)
    return response


def _results(results_page, query):
    """The result cards of one page of results: pages, highlighted titles and snippets."""
    pages = Page.objects.filter(pk__in=list(results_page.object_list)).specific()
    by_id = {page.pk: page for page in pages}
    images = {}
    image_ids = {
        getattr(page, f"{page.search_image_field}_id", None)
        for page in by_id.values()
        if getattr(page, "search_image_field", None)
    } - {None}
    if image_ids:
        images = {
            image.pk: image
            for image in get_image_model()
            .objects.filter(pk__in=image_ids)
            .prefetch_renditions(THUMBNAIL)
        }
    results = []
    for pk in results_page.object_list:
        page = by_id.get(pk)
        if page is None:
            continue
        image_field = page.search_image_field
        image_id = getattr(page, f"{image_field}_id", None) if image_field else None
        results.append(
            {
                "page": page,
                "title": highlight(page.title, query, length=300),
                "snippet": highlight(page.search_snippet_source(), query),
                "type_label": page._meta.verbose_name,
                "date": page.search_date(),
                "image": images.get(image_id),
            }
        )
    return results
