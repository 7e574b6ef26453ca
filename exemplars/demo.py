"""Demo registry: places as they were in 2020 (and the 2025 merger), 33 sample exemplars with
award records, the conferences' honourees, and stories linked both ways. The data is in
demo_data/: exemplars.csv (one row each), awards.csv (award types by kind), registry.toml
(places, decision numbers, each conference's honourees).

All people and decision numbers are made up ("dữ liệu mẫu"). Idempotent, no network: the
pages are the demo's own, found by their keys (demo.marks), and a follow-up
(honourees, story links) is done once, on a demo page with no unpublished changes.
"""

import csv
import io
import random
import tomllib
from datetime import date
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from base.models import HomePage
from demo import marks as demo_marks
from exemplars.models.index import ExemplarIndexPage
from exemplars.models.pages import AwardRecord, ExemplarPage
from exemplars.models.places import Place, PlaceSuccession
from exemplars.models.vocabularies import AwardType, EthnicGroup, Sector
from language.vietnamese import fold

from .spreadsheets import import_exemplars, read_rows
from .units_2025 import ensure_reform
from .vocabulary import seed

INDEX_SLUG = "dien-hinh-tien-tien"
MERGER = date(2025, 7, 1)
END_2025 = date(2025, 6, 30)
DATA = Path(__file__).resolve().parent / "demo_data"


def _csv_rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _exemplar(row):
    """A row of exemplars.csv as (name, kind, honorific, birth year, ethnicity, role, unit,
    place, sector); an empty birth year or ethnicity is None."""
    return (
        row["name"],
        row["kind"],
        row["honorific"],
        int(row["birth_year"]) if row["birth_year"] else None,
        row["ethnicity"] or None,
        row["role"],
        row["unit"],
        row["place"],
        row["sector"],
    )


_registry = tomllib.loads((DATA / "registry.toml").read_text(encoding="utf-8"))
DISTRICTS = _registry["districts"]

# name, kind, honorific, birth year, ethnicity, role, unit, place (commune or district), sector
EXEMPLARS = [_exemplar(row) for row in _csv_rows("exemplars.csv")]

AWARDS_BY_KIND = {}
for _row in _csv_rows("awards.csv"):
    AWARDS_BY_KIND.setdefault(_row["kind"], []).append(
        (_row["award"], _row["level"], _row["issuer"])
    )
DECISION_SUFFIX = _registry["decision_suffix"]


def ensure_places():
    """The demo's units as they were until 30 June 2025, and the 2025 reform
    (exemplars/units_2025.py: merged communes, the city split among six new units)."""
    province, _created = Place.objects.get_or_create(
        name="tỉnh Kon Tum", parent=None, defaults={"level": "province", "valid_until": END_2025}
    )
    places, districts, by_district = {}, {}, {}
    for district_name, commune_names in DISTRICTS.items():
        district, _created = Place.objects.get_or_create(
            name=district_name,
            parent=province,
            defaults={"level": "district", "valid_until": END_2025},
        )
        districts[district_name] = places[district_name] = district
        for commune_name in commune_names:
            commune, _created = Place.objects.get_or_create(
                name=commune_name,
                parent=district,
                defaults={"level": "commune", "valid_until": END_2025},
            )
            places[commune_name] = by_district[(district_name, commune_name)] = commune
    ensure_reform(province, districts, by_district, Place, PlaceSuccession)
    return places


def demo_portrait(name, seed_text):
    """A small generated portrait (initials on a colour), no network."""
    return demo_marks.ensure(f"exemplars.portrait:{name}", lambda: _draw_portrait(name, seed_text))


def _draw_portrait(name, seed_text):
    image_model = get_image_model()
    title = f"Chân dung {name}"
    rng = random.Random(seed_text)
    colour = tuple(rng.randint(60, 200) for _channel in range(3))
    canvas = PILImage.new("RGB", (320, 320), colour)
    draw = ImageDraw.Draw(canvas)
    initials = "".join(part[0] for part in fold(name).upper().split()[:2])
    draw.ellipse((80, 60, 240, 220), fill=(240, 225, 210))
    draw.rectangle((60, 230, 260, 320), fill=(240, 225, 210))
    draw.text((150, 130), initials, fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=80)
    slug = fold(name).replace(" ", "-")
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"chan-dung-{slug}.jpg")
    )


def load(stdout=None):
    seed(AwardType, EthnicGroup, Sector)
    home = HomePage.objects.first()
    if home is None:
        return None
    communes = ensure_places()
    index = demo_marks.ensure(
        INDEX_KEY,
        lambda: demo_marks.add_page(
            home,
            ExemplarIndexPage(
                title="Điển hình tiên tiến",
                slug=INDEX_SLUG,
                show_in_menus=True,
                intro="Những cá nhân, tập thể, hộ gia đình và thôn làng được biểu dương, khen thưởng "  # noqa: E501
                "(dữ liệu mẫu).",
            ),
        ),
    )
    if index is None:
        return None
    cycle = demo_marks.get(CYCLE_KEY)
    conferences = demo_conferences(cycle)
    award_types = {a.name: a for a in AwardType.objects.all()}
    ethnic = {e.name: e for e in EthnicGroup.objects.all()}
    sectors = {s.name: s for s in Sector.objects.all()}
    pages = []
    for number, (
        name,
        kind,
        honorific,
        born,
        ethnicity,
        role,
        unit,
        place_name,
        sector,
    ) in enumerate(EXEMPLARS):
        key = f"exemplars.exemplar:{number}"
        page = demo_marks.get(key)
        if page is None and not demo_marks.made(key):
            page = ExemplarPage(
                title=name,
                kind=kind,
                honorific=honorific,
                birth_year=born,
                ethnicity=ethnic.get(ethnicity),
                role=role,
                unit=unit,
                place=communes[place_name],
                sector=sectors.get(sector),
                featured=number in (0, 1, 20, 29),
                portrait=demo_portrait(name, name) if number < 10 or kind == "collective" else None,
                summary=f"{honorific.capitalize() + ' ' if honorific else ''}{name} là điển hình tiên tiến "  # noqa: E501
                f"trong lĩnh vực {sector.lower()} (dữ liệu mẫu).",
                achievements="<p>Nhiều năm liền hoàn thành xuất sắc nhiệm vụ; tích cực tham gia các "  # noqa: E501
                "phong trào thi đua của địa phương (dữ liệu mẫu).</p>",
            )
            for order, (award_name, level, issuer) in enumerate(
                AWARDS_BY_KIND[kind][: 2 + number % 3]
            ):
                year = 2016 + (number + order * 2) % 5
                page.awards.add(
                    AwardRecord(
                        award_type=award_types[award_name],
                        level=level,
                        decision_number=f"{100 + number * 7 + order}/{DECISION_SUFFIX.get(level, 'QĐ-UBND')}",  # noqa: E501
                        decision_date=date(year, 1 + (number + order) % 12, 1 + number % 27),
                        issuing_authority=issuer,
                        year=year,
                        period="2015–2020" if year == 2020 else "",
                        campaign=cycle if year >= 2019 else None,
                        sort_order=order,
                    )
                )
            index.add_child(instance=page)
            page.save_revision().publish()
            demo_marks.mark(key, page)
        pages.append(page)
    _honour_at_conferences(conferences, pages, award_types)
    _renumber_old_decisions(conferences)
    if demo_marks.once("exemplars.sample_import"):
        _import_sample(index, stdout)
    if stdout:
        stdout.write(_("Exemplars: %(count)d") % {"count": ExemplarPage.objects.count()})
    return index


INDEX_KEY = "exemplars.index"
CYCLE_KEY = "campaigns.page:thi-dua-yeu-nuoc-2015-2020"  # made by campaigns.demo


def demo_conferences(cycle):
    """The demo's live conferences in the demo cycle, by date."""
    if cycle is None:
        return []
    model = AwardRecord._meta.get_field("conference").related_model  # no campaigns import
    return list(
        model.objects.child_of(cycle).live().filter(pk__in=demo_marks.pks(model)).order_by("date")
    )


HONOUR_LEVELS = {
    "commune": "grassroots",
    "district": "district",
    "department": "provincial",
    "enterprise": "provincial",
    "provincial": "provincial",
}


def _import_sample(index, stdout=None):
    """Two records from a spreadsheet, through the import (revisions, audit log, search):
    a second run finds them unchanged by their record codes."""
    sample = Path(__file__).resolve().parent / "samples" / "demo-nhap-2025.csv"
    with open(sample, "rb") as handle:
        result = import_exemplars(read_rows(handle, sample.name), index)
    if stdout and result.errors:
        stdout.write(str(result.errors))


# Each conference's honourees are named in one decision (its number, who signed it), dated the
# day of the conference (registry.toml).
CONFERENCE_DECISIONS = {
    level: (spec["decision"], spec["signed_by"]) for level, spec in _registry["conferences"].items()
}
_row_of = {exemplar[0]: number for number, exemplar in enumerate(EXEMPLARS)}
# Each conference's honourees (their rows in EXEMPLARS) and the award they get.
HONOUREES = {
    level: ([_row_of[name] for name in spec["honourees"]], spec["award"])
    for level, spec in _registry["conferences"].items()
}
CONFERENCE_PLACES = {
    level: spec["place"] for level, spec in _registry["conferences"].items() if "place" in spec
}
OLD_DECISION_SUFFIX = "/QĐ-KT"  # before: "100/QĐ-KT", "101/QĐ-KT"… again at every conference


def _honour_at_conferences(conferences, pages, award_types):
    by_level = {conference.level: conference for conference in conferences}
    for level, (indexes, award_name) in HONOUREES.items():
        conference = by_level.get(level)
        if conference is None or any(pages[position] is None for position in indexes):
            continue
        if not demo_marks.editable(conference) or not demo_marks.once(
            f"exemplars.honourees:{level}"
        ):
            continue
        conference = conference.get_latest_revision_as_object()  # the live one: no draft
        if level in CONFERENCE_PLACES:
            conference.place = Place.objects.filter(name=CONFERENCE_PLACES[level]).first()
        # Each honouree is an award record on the exemplar's profile too (one honour, one row).
        for order, position in enumerate(indexes):
            conference.honourees.add(
                AwardRecord(
                    exemplar=pages[position],
                    award_type=award_types[award_name],
                    level=HONOUR_LEVELS.get(level, ""),
                    decision_number=CONFERENCE_DECISIONS[level][0],
                    decision_date=conference.date,
                    issuing_authority=CONFERENCE_DECISIONS[level][1],
                    sort_order=100 + order,
                )
            )
        conference.save_revision().publish()


def _renumber_old_decisions(conferences):
    """A demo made when every conference reused "100/QĐ-KT", "101/QĐ-KT"… gets its
    conferences' decisions (CONFERENCE_DECISIONS), once, on a demo conference with no draft
    waiting, and only on the honourees that still carry the demo's old number and date: a
    record staff have edited keeps what they wrote. editorial.shared_rows keeps the
    exemplars' drafts in line."""
    for conference in conferences:
        decision = CONFERENCE_DECISIONS.get(conference.level)
        if decision is None or not demo_marks.once(f"exemplars.decisions:{conference.level}"):
            continue
        if not demo_marks.editable(conference):
            continue
        conference = conference.get_latest_revision_as_object()
        changed = False
        records = list(conference.honourees.all())  # copies: set back below
        for record in records:
            if (
                record.decision_number.endswith(OLD_DECISION_SUFFIX)
                and record.decision_date == conference.date
                and not record.issuing_authority
            ):
                record.decision_number, record.issuing_authority = decision
                changed = True
        if changed:
            conference.honourees = records
            conference.save_revision().publish()
