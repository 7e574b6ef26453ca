"""What the registry already holds, found by the keys an import matches rows on: an exemplar by
its code (or folded name, kind and place), an award by title, decision number and year.
Shared by the import (spreadsheets.py) and its writes (registry_writes.py)."""

from exemplars.models.pages import AwardRecord, ExemplarPage
from exemplars.registry_columns import EMPTY, EXEMPLAR_FIELDS
from language.vietnamese import fold


def exemplar_key(fields):
    """The registry's code when the row has one, else the name, kind and place."""
    if fields.get("record_code"):
        return ("code", fields["record_code"].casefold())
    return ("name", fold(fields["title"]), fields["kind"], fields["place_id"])


def award_key(fields):
    return (fields["award_type_id"], fold(fields["decision_number"]), fields["year"])


def stored_award_key(award):
    """award_key of an AwardRecord: a record without a year has its decision's, as a row
    without ``nam`` does."""
    year = award.year or (award.decision_date.year if award.decision_date else None)
    return (award.award_type_id, fold(award.decision_number), year)


class Existing:
    """The directory's records, found by code or (rows without a code) name, kind and place."""

    def __init__(self, index_page, fields=EXEMPLAR_FIELDS):
        self.by_code, self.by_name = {}, {}
        for page in ExemplarPage.objects.child_of(index_page).only(
            "pk", "title", "kind", "place_id", "record_code", *fields
        ):
            if page.record_code:
                self.by_code[page.record_code.casefold()] = page
            self.by_name.setdefault((fold(page.title), page.kind, page.place_id), page)

    def find(self, key, fields):
        if key[0] == "code":
            page = self.by_code.get(key[1])
            if page is not None:
                return page
            # A record imported before it had a code: the same name, kind and place, no code.
            namesake = self.by_name.get((fold(fields["title"]), fields["kind"], fields["place_id"]))
            return namesake if namesake is not None and not namesake.record_code else None
        return self.by_name.get(key[1:])


def existing_awards(exemplar_ids):
    """{(exemplar id, *award key, occurrence): award}: awards sharing a title, number and year
    are told apart by their order, as the export writes them."""
    found = {}
    for chunk in range(0, len(exemplar_ids), 500):
        awards = AwardRecord.objects.filter(exemplar_id__in=exemplar_ids[chunk : chunk + 500])
        ordered = sorted(awards, key=lambda a: (a.year or 0, a.sort_order or 0, a.pk))
        number_awards(ordered, lambda a: (a.exemplar_id, *stored_award_key(a)), found)
    return found


def number_awards(awards, key=stored_award_key, found=None):
    """{(*key(award), occurrence): award} for ``awards`` in the export's order (added to
    ``found``): awards sharing a title, number and year are told apart by their order."""
    found = {} if found is None else found
    for award in awards:
        base = key(award)
        occurrence = 0
        while (*base, occurrence) in found:
            occurrence += 1
        found[(*base, occurrence)] = award
    return found


def apply_fields(target, fields, names, blank):
    """Set the row's non-empty values, and empty the fields it marked (BLANK_MARKERS)."""
    for name in names:
        if name in blank:
            setattr(target, name, EMPTY.get(name, ""))
        elif fields.get(name) not in ("", None):
            setattr(target, name, fields[name])
