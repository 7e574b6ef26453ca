"""Honours as charts: counted in the database, drawn as SVG on the server.

No script and no chart library: each chart is a few grouped queries and a template
(exemplars/includes/bar_chart.html) that draws horizontal bars, so the chart is cached with
the page's fragment like any other markup. The SVG is hidden from screen readers; the same
numbers follow as a table for them.

Three views of a set of award records: by awarding level, by year, and by unit as named on
the decision (the district-level unit, or the province for a provincial unit).
"""

from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from exemplars.models.choices import AwardingLevel

from .units import graph as unit_graph

BAR_AREA = 320  # SVG units for the longest bar (a label line above each bar)
ROW_HEIGHT = 42
MAX_ROWS = 12


def _bars(rows):
    """[(label, count)] → rows with bar widths; long lists keep their largest rows."""
    rows = [(str(label), count) for label, count in rows if count]
    if len(rows) > MAX_ROWS:
        kept = sorted(rows, key=lambda row: -row[1])[: MAX_ROWS - 1]
        rest = sum(count for _label, count in rows) - sum(count for _label, count in kept)
        rows = [row for row in rows if row in kept] + [(str(_("Others")), rest)]
    top = max((count for _label, count in rows), default=0) or 1
    return [
        {
            "label": label,
            "count": count,
            "width": max(2, round(BAR_AREA * count / top)),
            "y": index * ROW_HEIGHT,
        }
        for index, (label, count) in enumerate(rows)
    ]


def chart(key, title, rows, unit_label):
    bars = _bars(rows)
    return {
        "id": key,
        "title": title,
        "unit_label": unit_label,
        "bars": bars,
        "height": max(len(bars), 1) * ROW_HEIGHT,
        "total": sum(bar["count"] for bar in bars),
    }


def by_level(records):
    counts = dict(records.exclude(level="").order_by().values_list("level").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in AwardingLevel.choices]


def by_year(records):
    rows = (
        records.exclude(year__isnull=True)
        .order_by()
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    return [(str(year), count) for year, count in rows]


def by_unit(records, request=None):
    units = unit_graph(request)
    counts = Counter()
    rows = records.exclude(place_id__isnull=True).order_by().values_list("place_id")
    for place_id, count in rows.annotate(n=Count("pk")):
        counts[_district_of(units, place_id)] += count
    named = [(units.name(pk), count) for pk, count in counts.items() if pk is not None]
    return sorted(named, key=lambda row: (-row[1], row[0]))


def _district_of(units, pk):
    lineage = list(units.lineage(pk))
    for unit in lineage:
        if unit.level in ("district", "province"):
            return unit.pk
    return lineage[-1].pk if lineage else None


def honour_charts(records, request=None, prefix="honours"):
    unit_label = _("honours")
    charts = [
        chart(f"{prefix}-level", _("Honours by awarding level"), by_level(records), unit_label),
        chart(f"{prefix}-year", _("Honours by year"), by_year(records), unit_label),
        chart(
            f"{prefix}-unit",
            _("Honours by unit (as named on the decision)"),
            by_unit(records, request),
            unit_label,
        ),
    ]
    return [c for c in charts if c["total"]]


def directory_charts(directory):
    return honour_charts(directory.matching_records(), directory.request, prefix="directory")
