"""The shared cache without Redis (caching/db_cache.py): `set_many` writes every key in one
statement (a publication stamps hundreds of listings, issue 26), with the values, overwrites
and expiry of Django's database cache."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "caching.db_cache.SharedDatabaseCache",
            "LOCATION": "kontum_cache",
            "KEY_PREFIX": "test-db-cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
    cache.clear()
    yield cache
    cache.clear()


def test_set_many_writes_every_key_at_once_and_reads_back(database_cache):
    database_cache.set("stamp:tag:1", "old")
    values = {f"stamp:related-to:{n}": f"{n}.5" for n in range(450)}
    values["stamp:tag:1"] = "new"
    values["a-structure"] = {"paths": ["/tin-tuc/", "/"], "n": 3}
    with CaptureQueriesContext(connection) as captured:
        assert database_cache.set_many(values, timeout=60) == []
    # One count of the table and three inserts of 200 rows at most (in a transaction).
    writes = [q["sql"] for q in captured.captured_queries if "kontum_cache" in q["sql"]]
    assert len(writes) <= 4, writes
    assert database_cache.get_many(list(values)) == values


def test_set_many_keeps_the_timeouts(database_cache):
    database_cache.set_many({"gone": 1, "also-gone": 2}, timeout=0)
    database_cache.set_many({"kept": 1, "kept-too": 2}, timeout=None)
    assert database_cache.get_many(["gone", "also-gone", "kept", "kept-too"]) == {
        "kept": 1,
        "kept-too": 2,
    }
