"""The exemplar directory: filters, facet counts, the page of results, export rows.

Each facet's counts apply every other active filter (the usual faceted search), in one
grouped query per facet, so the number of queries does not grow with the registry.
"""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from kontum_site.pagination import paginate
from kontum_site.params import int_param
from kontum_site.vietnamese import fold

from .models import AwardRecord, ExemplarKind, ExemplarPage

PER_PAGE = 24
PORTRAIT_RENDITIONS = ["fill-160x160", "fill-160x160|format-webp"]

# name in the query string → (label, lookup on ExemplarPage or on AwardRecord)
PAGE_FACETS = {
    "kind": (_("Kind"), "kind"),
    "field": (_("Field of achievement"), "sector_id"),
    "place": (_("Place"), "place_id"),
    "ethnicity": (_("Ethnicity"), "ethnicity_id"),
}
AWARD_FACETS = {
    "award": (_("Title or form awarded"), "award_type_id"),
    "year": (_("Year"), "year"),
    "campaign": (_("Campaign"), "campaign_id"),
}
LABEL_LOOKUPS = {
    "field": "sector__name",
    "ethnicity": "ethnicity__name",
    "award": "award_type__name",
    "campaign": "campaign__title",
}
FACET_ORDER = ["kind", "field", "ethnicity", "place", "award", "year", "campaign"]


def _int(value):
    return int_param(value, None, minimum=1, maximum=10**9)


class Directory:
    def __init__(self, index_page, params):
        self.index_page = index_page
        self.query = " ".join((params.get("q") or "").split())[:100]
        self.filters = {}
        self._base = None
        kind = params.get("kind", "")
        if kind in ExemplarKind.values:
            self.filters["kind"] = kind
        for name in ("field", "place", "ethnicity", "award", "year", "campaign"):
            value = _int(params.get(name))
            if value is not None:
                self.filters[name] = value

    # Querysets -------------------------------------------------------------------------------
    def base(self):
        # public() reads view restrictions once; every facet reuses the result.
        if self._base is None:
            pages = ExemplarPage.objects.child_of(self.index_page).live().public()
            if self.query:
                pages = pages.filter(name_folded__contains=fold(self.query))
            self._base = pages
        return self._base.all()

    def page_conditions(self, skip=None):
        return {
            PAGE_FACETS[name][1]: value
            for name, value in self.filters.items()
            if name in PAGE_FACETS and name != skip
        }

    def award_conditions(self, skip=None):
        return {
            AWARD_FACETS[name][1]: value
            for name, value in self.filters.items()
            if name in AWARD_FACETS and name != skip
        }

    def filtered(self, skip=None):
        pages = self.base().filter(**self.page_conditions(skip))
        award_conditions = self.award_conditions(skip)
        if award_conditions:
            records = AwardRecord.objects.filter(**award_conditions).values("exemplar_id")
            pages = pages.filter(pk__in=records)
        return pages

    def results(self):
        images = get_image_model().objects.prefetch_renditions(*PORTRAIT_RENDITIONS)
        return (
            self.filtered()
            .select_related("portrait", "ethnicity", "place", "sector")
            .prefetch_related(Prefetch("portrait", queryset=images))
            .order_by("name_folded", "pk")
        )

    def results_for_export(self):
        return self.filtered().order_by("name_folded", "pk")

    # Facets -----------------------------------------------------------------------------------
    def facet(self, name):
        label, lookup = {**PAGE_FACETS, **AWARD_FACETS}[name]
        label_lookup = LABEL_LOOKUPS.get(name)
        if name in PAGE_FACETS:
            rows = self.filtered(skip=name).exclude(**{f"{lookup}__isnull": True}).order_by()
            fields = [lookup] + ([label_lookup] if label_lookup else [])
            rows = rows.values(*fields).annotate(count=Count("pk", distinct=True))
        else:
            pages = self.base().filter(**self.page_conditions())
            rows = (
                AwardRecord.objects.filter(exemplar__in=pages, **self.award_conditions(skip=name))
                .exclude(**{f"{lookup}__isnull": True})
                .order_by()
            )
            fields = [lookup] + ([label_lookup] if label_lookup else [])
            rows = rows.values(*fields).annotate(count=Count("exemplar_id", distinct=True))
        options = []
        kind_labels = dict(ExemplarKind.choices)
        for row in rows:
            value = row[lookup]
            if name == "kind":
                text = kind_labels.get(value, value)
            elif name == "place":
                text = None  # filled in below: the full name as it was
            else:
                text = row.get(label_lookup, value) if label_lookup else value
            options.append({"value": value, "label": text, "count": row["count"]})
        if name == "place" and options:
            options = self._place_labels(options)
        if name == "year":
            options.sort(key=lambda option: -option["value"])
        elif name == "kind":
            order = list(kind_labels)
            options.sort(key=lambda option: order.index(option["value"]))
        else:
            options.sort(key=lambda option: fold(str(option["label"])))
        selected = self.filters.get(name)
        for option in options:
            option["selected"] = option["value"] == selected
        return {"name": name, "label": label, "options": options, "selected": selected}

    def _place_labels(self, options):
        from .models import Place

        places = Place.objects.select_related("parent", "parent__parent").in_bulk(
            [option["value"] for option in options]
        )
        for option in options:
            place = places.get(option["value"])
            option["label"] = place.full_name if place else option["value"]
        return options

    def facets(self):
        return [self.facet(name) for name in FACET_ORDER]

    def context(self, request):
        results_page = paginate(request, self.results(), PER_PAGE)
        query_string = request.GET.copy()
        query_string.pop("page", None)
        return {
            "exemplars_page": results_page,
            "facets": self.facets(),
            "query": self.query,
            "active_filters": bool(self.filters or self.query),
            "export_query": query_string.urlencode(),
        }
