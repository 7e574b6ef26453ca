"""Administrative units through time: names as they were, what they are now, and roll-ups.

Units merge, split and disappear (the 2025 reform merged Kon Tum into Quảng Ngãi, abolished
districts and merged communes). `Place` keeps each unit as it was; `PlaceSuccession` says
which units took its place, when, by which act. This module reads the whole graph once (two
queries, then kept in the cache until anything on the site changes: every Place and
PlaceSuccession save purges the site) and answers:

- `name(id)`: "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum" (the unit as it was);
- `now(id)`: the unit(s) that carry it today, or the current unit it now lies within;
- `as_of(id, day)`: the unit by its name on that day (an award keeps the unit of its decision);
- `within(ids)`: every unit inside these or that preceded them (a facet picks a province and
  gets its districts and communes; picks today's commune and gets the ones merged into it);
- `around(id)`: the reverse (the units a record counts toward in the facets).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.content_versions import SITE, TIMEOUT, bump, digest, stamps
from exemplars.models.places import Place, PlaceSuccession


@dataclass
class Unit:
    pk: int
    name: str
    level: str
    parent_id: int | None
    valid_from: date | None
    valid_until: date | None
    successors: list = field(default_factory=list)  # [(pk, date, act, kind)]
    predecessors: list = field(default_factory=list)
    children: list = field(default_factory=list)


@dataclass
class Now:
    """What a unit is today: `units` carry it ("nay là …"), or it lies `within` one."""

    units: list
    within: bool = False


class UnitGraph:
    def __init__(self, rows, successions):
        self.units = {
            pk: Unit(pk, name, level, parent_id, valid_from, valid_until)
            for pk, name, level, parent_id, valid_from, valid_until in rows
        }
        for predecessor, successor, day, act, kind in successions:
            if predecessor in self.units and successor in self.units:
                self.units[predecessor].successors.append((successor, day, act, kind))
                self.units[successor].predecessors.append(predecessor)
        for unit in self.units.values():
            if unit.parent_id in self.units:
                self.units[unit.parent_id].children.append(unit.pk)

    # Names -----------------------------------------------------------------------------------
    def lineage(self, pk):
        seen = set()
        while pk in self.units and pk not in seen:
            seen.add(pk)
            yield self.units[pk]
            pk = self.units[pk].parent_id

    def name(self, pk):
        return ", ".join(unit.name for unit in self.lineage(pk))

    def short_name(self, pk):
        return self.units[pk].name if pk in self.units else ""

    def is_current(self, pk, day=None):
        day = day or timezone.localdate()  # Asia/Ho_Chi_Minh
        return all(
            (u.valid_until is None or u.valid_until >= day)
            and (u.valid_from is None or u.valid_from <= day)
            for u in self.lineage(pk)
        )

    # Today -----------------------------------------------------------------------------------
    def current_successors(self, pk):
        """The current units that took this one's place, following merges and splits."""
        found, queue, seen = [], [pk], {pk}
        while queue:
            unit = self.units[queue.pop(0)]
            for successor, _day, _act, _kind in unit.successors:
                if successor in seen:
                    continue
                seen.add(successor)
                if self.is_current(successor):
                    found.append(successor)
                else:
                    queue.append(successor)
        return sorted(found, key=lambda p: self.units[p].name)

    def now(self, pk):
        """None if the unit still exists; else its successors, or (no successor of its own)
        the current unit that took over the nearest higher unit with one successor."""
        if pk not in self.units or self.is_current(pk):
            return None
        own = self.current_successors(pk)
        if own:
            return Now(own)
        for ancestor in list(self.lineage(pk))[1:]:
            taken_by = self.current_successors(ancestor.pk)
            if len(taken_by) == 1:
                return Now(taken_by, within=True)
        return None

    def as_of(self, pk, day):
        """The unit by which this one was known on ``day`` (one predecessor or successor)."""
        if pk not in self.units or day is None:
            return pk
        unit = self.units[pk]
        if unit.valid_from and day < unit.valid_from and len(unit.predecessors) == 1:
            return self.as_of(unit.predecessors[0], day)
        if unit.valid_until and day > unit.valid_until and len(unit.successors) == 1:
            return self.as_of(unit.successors[0][0], day)
        return pk

    # Roll-ups --------------------------------------------------------------------------------
    def within(self, pks):
        """These units, all they contain and all that preceded them (transitively). A unit
        that was split goes in alone: where its parts went is said by their own successions."""
        found, queue = set(), [(pk, True) for pk in pks if pk in self.units]
        while queue:
            pk, with_parts = queue.pop()
            if pk in found:
                continue
            found.add(pk)
            unit = self.units[pk]
            if with_parts:
                queue.extend((child, True) for child in unit.children)
            for predecessor in unit.predecessors:
                whole = len(self.units[predecessor].successors) == 1
                queue.append((predecessor, whole))
        return found

    def around(self, pk):
        """The units a record in this one counts toward: itself and its successors, what
        contains them, and (with no successor of its own) the unit that took over the nearest
        higher one (as `now` says). The converse of `within`."""
        if pk not in self.units:
            return set()
        chain, queue = [], [pk]
        while queue:
            current = queue.pop()
            if current in chain:
                continue
            chain.append(current)
            queue.extend(successor for successor, *_rest in self.units[current].successors)
        if not self.units[pk].successors:
            now = self.now(pk)
            if now is not None and now.within:
                chain.extend(now.units)
        return {unit.pk for current in chain for unit in self.lineage(current)}


def load():
    rows = Place.objects.values_list(
        "pk", "name", "level", "parent_id", "valid_from", "valid_until"
    )
    successions = PlaceSuccession.objects.values_list(
        "predecessor_id", "successor_id", "date", "act", "kind"
    )
    return UnitGraph(list(rows), list(successions))


# Moved by every saved or deleted unit or succession, a new one included (settings'
# PAGE_CACHE_PURGE_ALL_ON_SAVE moves `SITE` only for edits: a new row changes no page yet, but
# it changes the graph a filter is checked against).
UNITS = "units"


def units_changed(sender, **kwargs):
    bump(UNITS)


def graph(request=None):
    """The unit graph, from the cache while no unit changed; memoised per request."""
    memo = getattr(request, "_unit_graph", None) if request is not None else None
    if memo is not None:
        return memo
    found = stamps([UNITS], request)
    key = f"units:{digest(found[SITE], found[UNITS])}" if found else None
    data = cache.get(key) if key else None
    if data is None:
        loaded = load()
        data = (
            [
                (u.pk, u.name, u.level, u.parent_id, u.valid_from, u.valid_until)
                for u in loaded.units.values()
            ],
            [
                (u.pk, successor, day, act, kind)
                for u in loaded.units.values()
                for successor, day, act, kind in u.successors
            ],
        )
        if key:
            cache.set(key, data, TIMEOUT)
        result = loaded
    else:
        result = UnitGraph(*data)
    if request is not None:
        request._unit_graph = result
    return result


def then_and_now(pk, request=None, units=None):
    """ "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum (nay là phường Đăk Bla, tỉnh Quảng Ngãi)"."""
    if pk is None:
        return ""
    units = units or graph(request)
    then = units.name(pk)
    now = units.now(pk)
    if now is None:
        return then
    names = [units.name(p) for p in now.units]
    if now.within:
        return _("%(then)s (now part of %(now)s)") % {"then": then, "now": names[0]}
    return _("%(then)s (now %(now)s)") % {"then": then, "now": "; ".join(names)}
