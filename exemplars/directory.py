"""The exemplar directory: filters, facet counts, sorting, the page of results, export rows.

Several values of one facet widen the choice (OR); different facets narrow it (AND). The
award facets (title, category, level, year, year range, campaign) apply to one and the same
award record: "a provincial title in 2020" means one honour, not two. Each facet's counts
apply every other active filter (the usual faceted search), in one grouped query per facet,
so the number of queries does not grow with the registry.

Places roll up (exemplars/units.py): picking a province includes its districts and communes;
picking today's unit includes the units merged into it. A record counts toward its own
place (and the unit of each of its awards), what contains it and what succeeded it.
"""

from collections import Counter

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from base import renditions
from base.pagination import paginate
from base.params import int_param
from exemplars.models.choices import AwardCategory, AwardingLevel, ExemplarKind
from exemplars.models.pages import AwardRecord, ExemplarPage
from exemplars.pictures import PORTRAIT_PICTURE
from language.vietnamese import fold

from .units import graph as unit_graph

PER_PAGE = 24
MAX_VALUES = 20  # values of one facet taken from the query string

# name in the query string → (label, lookup on ExemplarPage or on AwardRecord)
PAGE_FACETS = {
    "kind": (_("Kind"), "kind"),
    "field": (_("Field of achievement"), "sector_id"),
    "place": (_("Place"), "place_id"),
    "ethnicity": (_("Ethnicity"), "ethnicity_id"),
}
AWARD_FACETS = {
    "award": (_("Title or form awarded"), "award_type_id"),
    "category": (_("Category of award"), "award_type__category"),
    "level": (_("Awarding level"), "level"),
    "year": (_("Year"), "year"),
    "campaign": (_("Campaign"), "campaign_id"),
}
LABEL_LOOKUPS = {
    "field": "sector__name",
    "ethnicity": "ethnicity__name",
    "award": "award_type__name",
    "campaign": "campaign__title",
}
CHOICE_LABELS = {
    "kind": ExemplarKind,
    "category": AwardCategory,
    "level": AwardingLevel,
}
TEXT_FACETS = {"kind", "category", "level"}
FACET_ORDER = [
    "kind",
    "field",
    "ethnicity",
    "place",
    "award",
    "category",
    "level",
    "year",
    "campaign",
]
# Every parameter the directory reads (the page cache keys only these).
QUERY_PARAMS = ("q", *FACET_ORDER, "year_from", "year_to", "sort")
SORTS = {
    "name": _("Name (A–Z)"),
    "latest": _("Latest award first"),
}


def _int(value):
    return int_param(value, None, minimum=1, maximum=10**9)


def _year(value):
    return int_param(value, None, minimum=1900, maximum=2100)


class Directory:
    def __init__(self, index_page, params, request=None):
        self.index_page = index_page
        self.request = request
        self.query = " ".join((params.get("q") or "").split())[:100]
        self.filters = {}
        self._base = None
        for name in FACET_ORDER:
            raw = params.getlist(name)[:MAX_VALUES] if hasattr(params, "getlist") else []
            if name in TEXT_FACETS:
                values = [v for v in raw if v in CHOICE_LABELS[name].values]
            elif name == "year":
                values = [v for v in map(_year, raw) if v is not None]
            else:
                values = [v for v in map(_int, raw) if v is not None]
            if values:
                self.filters[name] = list(dict.fromkeys(values))
        self.year_from = _year(params.get("year_from"))
        self.year_to = _year(params.get("year_to"))
        if self.year_from and self.year_to and self.year_from > self.year_to:
            self.year_from, self.year_to = self.year_to, self.year_from
        self.sort = params.get("sort") if params.get("sort") in SORTS else "name"

    @property
    def units(self):
        return unit_graph(self.request)

    # Querysets -------------------------------------------------------------------------------
    def base(self):
        # public() reads view restrictions once; every facet reuses the result.
        if self._base is None:
            pages = ExemplarPage.objects.child_of(self.index_page).live().public()
            if self.query:
                pages = pages.filter(name_folded__contains=fold(self.query))
            self._base = pages
        return self._base.all()

    def _place_ids(self):
        return self.units.within(self.filters["place"])

    def page_condition(self, skip=None):
        condition = Q()
        for name, values in self.filters.items():
            if name not in PAGE_FACETS or name == skip:
                continue
            if name == "place":
                places = self._place_ids()
                in_award = AwardRecord.objects.filter(place_id__in=places).values("exemplar_id")
                condition &= Q(place_id__in=places) | Q(pk__in=in_award)
            else:
                condition &= Q(**{f"{PAGE_FACETS[name][1]}__in": values})
        return condition

    def award_condition(self, skip=None):
        condition = Q()
        for name, values in self.filters.items():
            if name in AWARD_FACETS and name != skip:
                condition &= Q(**{f"{AWARD_FACETS[name][1]}__in": values})
        if skip != "year":
            if self.year_from:
                condition &= Q(year__gte=self.year_from)
            if self.year_to:
                condition &= Q(year__lte=self.year_to)
        return condition

    def filtered(self, skip=None):
        pages = self.base().filter(self.page_condition(skip))
        award_condition = self.award_condition(skip)
        if award_condition:
            records = AwardRecord.objects.filter(award_condition).values("exemplar_id")
            pages = pages.filter(pk__in=records)
        return pages

    def results(self):
        pages = (
            self.filtered()
            .select_related("portrait", "ethnicity", "place", "sector")
            .prefetch_related(renditions.prefetch("portrait", PORTRAIT_PICTURE))
        )
        if self.sort == "latest":
            return pages.annotate(latest_award=Max("awards__year")).order_by(
                "-latest_award", "name_folded", "pk"
            )
        return pages.order_by("name_folded", "pk")

    def results_for_export(self):
        return self.filtered().order_by("name_folded", "pk")

    def matching_records(self):
        """The award records behind the results (for the charts): the award filters apply."""
        pages = self.filtered()
        return AwardRecord.objects.filter(exemplar__in=pages).filter(self.award_condition())

    # Facets -----------------------------------------------------------------------------------
    def facet(self, name):
        if name == "place":
            return self.place_facet()
        label, lookup = {**PAGE_FACETS, **AWARD_FACETS}[name]
        label_lookup = LABEL_LOOKUPS.get(name)
        fields = [lookup] + ([label_lookup] if label_lookup else [])
        if name in PAGE_FACETS:
            rows = self.filtered(skip=name).exclude(**{f"{lookup}__isnull": True}).order_by()
            rows = rows.values(*fields).annotate(count=Count("pk", distinct=True))
        else:
            pages = self.base().filter(self.page_condition())
            rows = (
                AwardRecord.objects.filter(exemplar__in=pages)
                .filter(self.award_condition(skip=name))
                .exclude(**{f"{lookup}__isnull": True})
                .exclude(**{lookup: ""} if name in TEXT_FACETS else {})
                .order_by()
                .values(*fields)
                .annotate(count=Count("exemplar_id", distinct=True))
            )
        options = []
        choices = CHOICE_LABELS.get(name)
        for row in rows:
            value = row[lookup]
            if choices is not None:
                text = dict(choices.choices).get(value, value)
            else:
                text = row.get(label_lookup, value) if label_lookup else value
            options.append({"value": value, "label": text, "count": row["count"]})
        if name == "year":
            options.sort(key=lambda option: -option["value"])
        elif choices is not None:
            order = list(choices.values)
            options.sort(key=lambda option: order.index(option["value"]))
        else:
            options.sort(key=lambda option: fold(str(option["label"])))
        return self._finish(name, label, options)

    def _finish(self, name, label, options):
        selected = self.filters.get(name, [])
        for option in options:
            option["selected"] = option["value"] in selected
        return {
            "name": name,
            "label": label,
            "options": options,
            "selected": selected,
            "selected_count": sum(1 for option in options if option["selected"]),
        }

    def place_facet(self):
        """Counts roll up: a record counts toward its units, what contains them and what
        succeeded them (one query for the pairs, the unit graph from the cache)."""
        label = PAGE_FACETS["place"][0]
        pages = self.filtered(skip="place")
        own = pages.exclude(place_id__isnull=True).values_list("pk", "place_id")
        given = (
            AwardRecord.objects.filter(exemplar__in=pages, place_id__isnull=False)
            .values_list("exemplar_id", "place_id")
            .distinct()
        )
        units = self.units
        reached = {}
        for exemplar_id, place_id in [*own, *given]:
            reached.setdefault(exemplar_id, set()).update(units.around(place_id))
        counts = Counter(unit for found in reached.values() for unit in found)
        level_order = ["province", "district", "commune", "village"]
        options = []
        for pk, count in counts.items():
            unit = units.units[pk]
            options.append(
                {
                    "value": pk,
                    "label": units.name(pk),
                    "count": count,
                    "former": not units.is_current(pk),
                    "level": unit.level,
                }
            )
        options.sort(
            key=lambda o: (
                o["former"],
                level_order.index(o["level"]) if o["level"] in level_order else 9,
                fold(o["label"]),
            )
        )
        return self._finish("place", label, options)

    def facets(self):
        return [self.facet(name) for name in FACET_ORDER]

    def context(self, request):
        # charts imports exemplars.models, whose index.py imports this module: an import cycle
        from .charts import directory_charts

        results_page = paginate(request, self.results(), PER_PAGE)
        query_string = request.GET.copy()
        query_string.pop("page", None)
        return {
            "exemplars_page": results_page,
            "facets": self.facets(),
            "query": self.query,
            "year_from": self.year_from or "",
            "year_to": self.year_to or "",
            "sort": self.sort,
            "sorts": list(SORTS.items()),
            "active_filters": bool(self.filters or self.query or self.year_from or self.year_to),
            "export_query": query_string.urlencode(),
            "charts": directory_charts(self),
        }
