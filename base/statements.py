"""Querysets compiled once, then run again with new values: the ORM's rows without its
per-request building and compiling.

A render from nothing (after a publication) reads a handful of small listings whose shape
never changes: the home's latest stories, its featured records and campaigns, a story's
related cards. For each, Django builds the queryset (filters, joins), compiles it to SQL and
then runs it; on the bench's data building and compiling were 2.2 of the 5.6 ms the home's
latest stories took (news/home.latest_news), paid again by every render. A `Statement`
builds and compiles its queryset once per shape and thread, then only binds values, runs
the SQL and makes the model instances the way Django's ModelIterable does (select_related,
annotations), and runs the queryset's prefetches.

    LATEST = Statement(lambda home, limit, *, locale: ...queryset...)
    stories = LATEST(home_key, 10, locale=3)

- The queryset gives model instances (select_related, annotations and prefetches as the ORM
  makes them) or, after `.values(…)`, dicts.
- Positional arguments are the shape: anything the SQL's text depends on (a limit, a tuple
  of restricted paths, a home page's path). They are part of the cache key, so keep them few.
- Keyword arguments are the values bound on each run: integers (ids) or strings (a slug).
  The queryset is built once with stand-ins, and each run puts the real ones where they were; a
  stand-in that does not reach the SQL's parameters as it was given (consumed into the SQL
  text, or changed on the way) is refused when the statement is compiled.
- Nothing else may vary between runs: a value read from the database while building (a
  content type's id, a setting) would be kept with the SQL. Pass it as a value or a shape.

Compiled statements are kept per thread (Django's connections are per thread), at most
`MAX_SHAPES` of them; a shape that can match nothing (an empty `__in`) runs no query.
"""

import threading
from collections import OrderedDict

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models import prefetch_related_objects
from django.db.models.query import ModelIterable, ValuesIterable, get_related_populators

MAX_SHAPES = 256
# Stand-ins for the bound values: far above any id this site will reach, and distinct.
_STAND_IN_BASE = 1_987_654_000
VALUE_TYPES = (int, str)


def _stand_in(n, kind):
    return _STAND_IN_BASE + n if kind is int else f"\x1fstand-in {n}\x1f"


_local = threading.local()


class _Compiled:
    """One queryset's SQL with the places of its bound values, and how to read its rows."""

    def __init__(self, queryset, kinds):
        compiler = queryset.query.get_compiler(using=queryset.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.places = []  # (position in params, value's name)
        stand_ins = {_stand_in(n, kind): name for n, (name, kind) in enumerate(kinds)}
        for position, param in enumerate(self.params):
            if type(param) in VALUE_TYPES and param in stand_ins:
                self.places.append((position, stand_ins[param]))
        missing = {name for name, _kind in kinds} - {name for _position, name in self.places}
        if missing:
            raise ImproperlyConfigured(
                f"Statement values {sorted(missing)} do not reach the SQL's parameters: "
                "pass them as part of the shape."
            )
        self.db = queryset.db
        self.compiler = compiler
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        self.col_count = compiler.col_count if compiler.has_extra_select else None
        self.prefetch_lookups = queryset._prefetch_related_lookups
        query = queryset.query
        if queryset._iterable_class is ValuesIterable:  # rows as dicts, as .values() gives
            self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
            return
        self.names = None
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        select_fields = klass_info["select_fields"]
        self.model_start, self.model_end = select_fields[0], select_fields[-1] + 1
        model_columns = compiler.select[self.model_start : self.model_end]
        self.init_list = [column[0].target.attname for column in model_columns]
        self.related_populators = get_related_populators(klass_info, compiler.select, self.db)
        self.annotations = list(compiler.annotation_col_map.items())

    def run(self, values):
        params = list(self.params)
        for position, name in self.places:
            params[position] = values[name]
        with connections[self.db].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.col_count is not None:
            rows = [row[: self.col_count] for row in rows]
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.names is not None:
            return [dict(zip(self.names, row, strict=True)) for row in rows]
        instances = []
        for row in rows:
            instance = self.model.from_db(
                self.db, self.init_list, row[self.model_start : self.model_end]
            )
            for populator in self.related_populators:
                populator.populate(row, instance)
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            instances.append(instance)
        if instances:
            for lookup in self.prefetch_lookups:
                compiled = getattr(lookup, "prefetch_compiled", None)  # base/renditions.py
                if compiled is not None:
                    compiled(instances)
                else:
                    prefetch_related_objects(instances, lookup)
        return instances


class _Empty:
    """A shape whose queryset can match nothing (Django's EmptyResultSet)."""

    @staticmethod
    def run(values):
        return []


class Statement:
    """A queryset of fixed shape, compiled once per shape and thread (see the module)."""

    def __init__(self, build):
        self.build = build

    def __call__(self, *shape, **values):
        for name, value in values.items():
            if type(value) not in VALUE_TYPES:
                raise TypeError(f"Statement value {name!r} must be an int or a str: {value!r}")
        kinds = tuple(sorted((name, type(value)) for name, value in values.items()))
        return self.compiled(shape, kinds).run(values)

    def queryset(self, *shape, **values):
        """The queryset this statement runs, built the ORM's way (tests compare the two)."""
        return self.build(*shape, **values)

    def compiled(self, shape, kinds):
        cache = getattr(_local, "statements", None)
        if cache is None:
            cache = _local.statements = OrderedDict()
        key = (id(self), shape, kinds)
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
            return found
        stand_ins = {name: _stand_in(n, kind) for n, (name, kind) in enumerate(kinds)}
        queryset = self.build(*shape, **stand_ins)
        runs = (ModelIterable, ValuesIterable)
        if queryset._iterable_class not in runs or queryset.query.combinator:
            raise ImproperlyConfigured("A Statement runs querysets of models or of .values().")
        if queryset._known_related_objects:
            raise ImproperlyConfigured("A Statement runs no related manager's queryset.")
        try:
            found = _Compiled(queryset, kinds)
        except EmptyResultSet:
            found = _Empty
        cache[key] = found
        if len(cache) > MAX_SHAPES:
            cache.popitem(last=False)
        return found
