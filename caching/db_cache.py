"""The shared cache without Redis (settings CACHES): Django's database cache, with `set_many`
in one statement.

A publication stamps every listing that may show the story (caching/content_versions.py
`bump`, twice: now and after the commit), among them the related column of every live story
sharing a tag with it: hundreds on a real archive. Django's DatabaseCache writes a `set_many`
key by key, each a transaction of its own with a COUNT(*) of the whole table, a SELECT and an
UPDATE or INSERT: at 348 stamps, 3,800 queries for one publication, 12–18 s under readers'
load (issue 26). Here: one COUNT (and cull) and one INSERT … ON CONFLICT for all the keys,
in one transaction, on PostgreSQL and SQLite (others: Django's way).
"""

import base64
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now

UPSERT_VENDORS = {"postgresql", "sqlite"}
ROWS_PER_STATEMENT = 200  # SQLite's limit of bound parameters is 999 on old builds


class SharedDatabaseCache(DatabaseCache):
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if len(data) < 2 or connection.vendor not in UPSERT_VENDORS:
            return super().set_many(data, timeout=timeout, version=version)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        rows = []
        for key, value in data.items():
            key = self.make_and_validate_key(key, version=version)
            pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            rows.append((key, pickled, expires))
        quote = connection.ops.quote_name
        table = quote(self._table)
        key_column, value_column, expires_column = map(quote, ("cache_key", "value", "expires"))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (the table's name)
            count = cursor.fetchone()[0]
            if count > self._max_entries:
                self._cull(db, cursor, tz_now().replace(microsecond=0), count)
            for start in range(0, len(rows), ROWS_PER_STATEMENT):
                chunk = rows[start : start + ROWS_PER_STATEMENT]
                values = ", ".join(["(%s, %s, %s)"] * len(chunk))
                cursor.execute(
                    f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column})"  # noqa: S608
                    f" VALUES {values} ON CONFLICT ({key_column}) DO UPDATE SET"
                    f" {value_column} = excluded.{value_column},"
                    f" {expires_column} = excluded.{expires_column}",
                    [part for row in chunk for part in row],
                )
        return []
