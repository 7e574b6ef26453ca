"""Replaying fixture builds: the rows a fixture writes, recorded once, written again in bulk.

Building the site tree through Wagtail (``add_child``, ``save_revision().publish()``, search
indexing, cache purges, ``setup_roles``) costs a second or more per test, and most tests
build the same tree. ``replay(key, build)`` runs ``build()`` (the first time a situation is met
it is only noted, the second time recorded): it records what the build changed in the
database (rows inserted, updated, deleted, table by table) and the mails it sent; the next
time the same build starts from the same database, the recorded changes are written back
with plain INSERT/UPDATE/DELETE statements instead (ids and all), inside the test's
transaction as before, and the fixture returns objects loaded afresh from those rows. The
cache keys the build wrote or deleted (content stamps, purged pages) are deleted, and its
after-commit hooks queued again, so a test that reads pages around a build sees what it saw.

Nothing is replayed unless it is exactly the same situation:
- same key (the fixture and its arguments) and same settings;
- the cache in memory (LocMemCache), not a real cache server;
- same database content before the build (a digest of every row of every table, with only
  date-times, password hashes and sessions left out, which differ from one test to the next);
- a test in a transaction (``db``; transactional tests build for real: their on-commit hooks
  run during the build);
- a build that wrote no file under MEDIA_ROOT and returned only model instances (or tuples,
  lists and dicts of them), strings, numbers or None.
Otherwise ``build()`` simply runs. Date-times in the replayed rows are moved forward by the
time since the recording, so "published a moment ago" stays true.

``KONTUM_TEST_REPLAY=0`` turns replaying off (every fixture builds for real).
"""

import hashlib
import os
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.db.models import Model
from django.utils import timezone

ENABLED = os.environ.get("KONTUM_TEST_REPLAY", "1") != "0"

_recordings = {}  # (key, settings digest, database digest) -> _Recording, or None: not replayable
STATS = {"first sightings": 0, "recorded": 0, "replayed": 0, "built": 0}
_seen = set()  # (key, settings digest, row counts) of the builds met once
_schema = {}  # database name -> [(table, key column, virtual)]
_volatile = None  # table -> the columns left out of the digest
_SKIP_SETTINGS = {"MEDIA_ROOT"}
# Left out of the digest: sign-ins (random session keys) change nothing a build writes.
_UNREAD_BY_BUILDS = {"django_session"}


def replay(key, build):
    if not ENABLED or connection.vendor not in ("sqlite", "postgresql"):
        return build()
    if not connection.in_atomic_block:  # transactional test: build for real
        return build()
    if any(not isinstance(caches[alias], LocMemCache) for alias in settings.CACHES):
        return build()  # a real cache server (Redis): the build's purges happen for real
    settings_digest = _settings_digest()
    known = _known_digest()
    if known is not None and (repr(key), settings_digest, known) in _recordings:
        recording = _recordings[(repr(key), settings_digest, known)]
        if recording is not None:
            STATS["replayed"] += 1
            return recording.apply()
    with connection.cursor() as cursor:
        tables = _tables(cursor)
        # A build seen for the first time is only noted (one query: the row counts): most
        # builds in test bodies happen once, and only a repeated one is worth recording.
        sighting = (repr(key), settings_digest, _counts(cursor, tables))
        if sighting not in _seen:
            _seen.add(sighting)
            STATS["first sightings"] += 1
            return build()
        before = _dump(cursor, tables)
    recording_key = (*sighting[:2], _digest(before))
    if recording_key in _recordings:
        recording = _recordings[recording_key]
        if recording is not None:
            STATS["replayed"] += 1
            return recording.apply()
        STATS["built"] += 1
        return build()
    mails_before = len(mail.outbox) if hasattr(mail, "outbox") else 0
    media_before = _media_files()
    hooks_before = len(connection.run_on_commit)
    touched = []
    _touching.append(touched)
    try:
        result = build()
    finally:
        _touching.remove(touched)
    _recordings[recording_key] = None
    reference = _reference(result)
    if reference is _NOT_REPLAYABLE or _media_files() != media_before:
        return result
    with connection.cursor() as cursor:
        after = _dump(cursor, tables)
    recording = _Recording(_diff(before, after), reference)
    recording.mails = list(mail.outbox[mails_before:]) if hasattr(mail, "outbox") else []
    recording.hooks = [
        (hook, robust) for _ids, hook, robust in connection.run_on_commit[hooks_before:]
    ]
    recording.cache_keys = list(dict.fromkeys(touched))
    recording.digest_after = _digest(after)
    _recordings[recording_key] = recording
    _remember(recording.digest_after)
    STATS["recorded"] += 1
    return result


class _Recording:
    def __init__(self, changes, reference):
        self.changes = changes
        self.reference = reference
        self.mails, self.hooks, self.cache_keys = [], [], []
        self.recorded_at = timezone.now()

    def apply(self):
        shift = timezone.now() - self.recorded_at
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table, (columns, key, deleted, updated, inserted, virtual) in self.changes.items():
                name, key_sql = quote(table), "rowid" if key == "rowid" else quote(key)
                for value in deleted:
                    cursor.execute(f"DELETE FROM {name} WHERE {key_sql} = %s", [value])
                for value, changed in updated:
                    if virtual:  # an FTS table: the row again, whole
                        cursor.execute(f"DELETE FROM {name} WHERE rowid = %s", [value])
                        inserted = [*inserted, changed]
                        continue
                    assignments = ", ".join(f"{quote(columns[i])} = %s" for i in changed)
                    cursor.execute(
                        f"UPDATE {name} SET {assignments} WHERE {key_sql} = %s",
                        [_moved(v, shift) for v in changed.values()] + [value],
                    )
                if inserted:
                    column_sql = ", ".join("rowid" if c == "rowid" else quote(c) for c in columns)
                    marks = ", ".join(["%s"] * len(columns))
                    cursor.executemany(
                        f"INSERT INTO {name} ({column_sql}) VALUES ({marks})",
                        [[_moved(v, shift) for v in row] for row in inserted],
                    )
                    if connection.vendor == "postgresql" and key and key != "rowid":
                        _advance_sequence(cursor, table, key)
        if self.mails and hasattr(mail, "outbox"):
            mail.outbox.extend(self.mails)
        # What the build wrote to the cache (content stamps, purged pages) is gone: the next
        # reader stamps it anew, as after a publication.
        for cache, key, version in self.cache_keys:
            cache.delete(key, version=version)
        # Its after-commit hooks (purges, stamps, tasks), for tests that run them.
        for hook, robust in self.hooks:
            connection.on_commit(hook, robust=robust)
        _remember(self.digest_after)
        return _load(self.reference)


# The digest of the database as a replay or a recording left it, valid while SQLite counts no
# write since (total_changes() counts every row inserted, updated or deleted, rolled back or
# not) and within the same test (forget() runs before each test): a chain of builds (home
# page, news index, story...) is then replayed without reading every table between them.
_last = None


def forget():
    global _last
    _last = None


def _remember(digest):
    global _last
    if connection.vendor == "sqlite":
        _last = (id(connection.connection), _total_changes(), digest)


def _known_digest():
    if _last is None or connection.vendor != "sqlite":
        return None
    owner, changes, digest = _last
    if owner != id(connection.connection) or changes != _total_changes():
        return None
    return digest


def _total_changes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT total_changes()")
        return cursor.fetchone()[0]


def _advance_sequence(cursor, table, key):
    quote = connection.ops.quote_name
    cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [quote(table), key])
    sequence = cursor.fetchone()[0]
    if sequence:
        cursor.execute(
            f"SELECT setval(%s, GREATEST((SELECT MAX({quote(key)}) FROM {quote(table)}), "
            f"(SELECT last_value FROM {sequence})))",
            [sequence],
        )


def _moved(value, shift):
    if isinstance(value, datetime):
        return value + shift
    return value


# ---------------------------------------------------------------- the database as rows


def _tables(cursor):
    """[(table, key column, virtual)] for every table with data (the schema stays the same
    for the whole session)."""
    name = connection.settings_dict["NAME"]
    if name not in _schema:
        _schema[name] = _find_tables(cursor)
    return _schema[name]


def _counts(cursor, tables):
    quote = connection.ops.quote_name
    cursor.execute(
        " UNION ALL ".join(
            f"SELECT {n}, COUNT(*) FROM {quote(table)}" for n, (table, _k, _v) in enumerate(tables)
        )
    )
    return tuple(sorted(cursor.fetchall()))


def _find_tables(cursor):
    names = connection.introspection.table_names(cursor)
    virtual = set()
    if connection.vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%%'"
        )
        virtual = {row[0] for row in cursor.fetchall()}
        # FTS5 keeps its index in shadow tables: written through the virtual table only.
        names = [n for n in names if not any(n.startswith(f"{v}_") for v in virtual)]
        # A virtual table kept by triggers (the search index's) follows its table by itself.
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        triggers = " ".join(row[0] for row in cursor.fetchall())
        names = [n for n in names if not (n in virtual and n in triggers)]
        names.append("sqlite_sequence")
    found = []
    for table in sorted(names):
        if table in virtual:
            key = "rowid"
        elif table == "sqlite_sequence":
            key = "name"
        else:
            key = connection.introspection.get_primary_key_column(cursor, table)
        found.append((table, key, table in virtual))
    return found


def _dump(cursor, tables):
    quote = connection.ops.quote_name
    dump = {}
    for table, key, virtual in tables:
        select = "rowid, *" if virtual else "*"
        cursor.execute(f"SELECT {select} FROM {quote(table)}")
        columns = tuple(column[0] for column in cursor.description)
        rows = [tuple(_plain(v) for v in row) for row in cursor.fetchall()]
        index = columns.index(key) if key in columns else None
        # Without a key column, the whole row is its own key.
        by_key = {(row if index is None else row[index]): row for row in rows}
        dump[table] = (columns, key if index is not None else None, by_key, virtual)
    return dump


def _plain(value):
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _volatile_columns():
    """{table: {columns}} left out of the digest: date-times (the clock) and password hashes
    (salted at random)."""
    global _volatile
    if _volatile is None:
        _volatile = {}
        for model in apps.get_models(include_auto_created=True):
            columns = {
                field.column
                for field in model._meta.concrete_fields
                if field.get_internal_type() == "DateTimeField" or field.name == "password"
            }
            if columns:
                _volatile.setdefault(model._meta.db_table, set()).update(columns)
    return _volatile


def _digest(dump):
    volatile = _volatile_columns()
    digest = hashlib.sha256()
    for table in sorted(dump):
        if table in _UNREAD_BY_BUILDS:
            continue
        columns, _key, rows, _virtual = dump[table]
        skip = {i for i, c in enumerate(columns) if c in volatile.get(table, ())}
        digest.update(repr((table, columns)).encode())
        lines = sorted(
            repr(tuple(None if i in skip else v for i, v in enumerate(row)))
            for row in rows.values()
        )
        digest.update("\n".join(lines).encode())
    return digest.hexdigest()


def _diff(before, after):
    changes = {}
    for table, (columns, key, rows, virtual) in after.items():
        old_columns, _old_key, old_rows, _ = before[table]
        if old_columns != columns:
            raise AssertionError(f"{table} changed its columns during a fixture build")
        deleted = [k for k in old_rows if k not in rows]
        inserted = [row for k, row in rows.items() if k not in old_rows]
        updated = []
        for k, row in rows.items():
            old = old_rows.get(k)
            if old is not None and old != row:
                if virtual:
                    updated.append((k, row))
                else:
                    updated.append(
                        (k, {i: v for i, (o, v) in enumerate(zip(old, row, strict=True)) if o != v})
                    )
        if key is None and (deleted or updated):
            raise AssertionError(f"{table} has no key: cannot replay its changes")
        if deleted or inserted or updated:
            changes[table] = (columns, key, deleted, updated, inserted, virtual)
    return changes


# ---------------------------------------------------------------- what the fixture returns

_NOT_REPLAYABLE = object()


def _reference(value):
    if isinstance(value, Model):
        if value.pk is None:
            return _NOT_REPLAYABLE
        return ("model", type(value)._meta.label, value.pk)
    if isinstance(value, (list, tuple)):
        items = [_reference(item) for item in value]
        if any(item is _NOT_REPLAYABLE for item in items):
            return _NOT_REPLAYABLE
        return (type(value).__name__, items)
    if isinstance(value, dict):
        items = {k: _reference(v) for k, v in value.items()}
        if any(item is _NOT_REPLAYABLE for item in items.values()):
            return _NOT_REPLAYABLE
        return ("dict", items)
    if value is None or isinstance(value, (str, int, float, bool, date)):
        return ("value", value)
    return _NOT_REPLAYABLE


def _load(reference):
    kind, *rest = reference
    if kind == "model":
        label, pk = rest
        return apps.get_model(label)._default_manager.get(pk=pk)
    if kind == "list":
        return [_load(item) for item in rest[0]]
    if kind == "tuple":
        return tuple(_load(item) for item in rest[0])
    if kind == "dict":
        return {k: _load(v) for k, v in rest[0].items()}
    return rest[0]


def key_of(value):
    """A stable description of fixture arguments (model instances by model and id)."""
    if isinstance(value, Model):
        return (type(value)._meta.label, value.pk)
    if isinstance(value, (list, tuple)):
        return tuple(key_of(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((k, key_of(v)) for k, v in value.items()))
    return value


# ---------------------------------------------------------------- outside the database

_touching = []  # one list per build being recorded: (cache, key, version) it wrote or deleted


def _watch(method):
    def watched(self, key, *args, **kwargs):
        for touched in _touching:
            touched.append((self, key, kwargs.get("version")))
        return method(self, key, *args, **kwargs)

    return watched


for _name in ("set", "add", "delete", "incr", "touch"):
    setattr(LocMemCache, _name, _watch(getattr(LocMemCache, _name)))


def _settings_digest():
    parts = []
    for name in sorted(dir(settings)):
        if name.isupper() and name not in _SKIP_SETTINGS:
            parts.append(f"{name}={getattr(settings, name, None)!r}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _media_files():
    root = settings.MEDIA_ROOT
    found = set()
    if root and os.path.isdir(root):
        for folder, _dirs, files in os.walk(root):
            found.update(os.path.join(folder, name) for name in files)
    return found
