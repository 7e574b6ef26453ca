"""`/healthz/` for load balancers and monitoring: never cached, no login.

200 {"status": "ok"} when the database and the cache answer; 200 "degraded" when only the
cache is down (the site serves, uncached); 503 "down" when the database does not answer.
"""

import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from caching.resilient_cache import ping


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return False
    return True


def _timed(check):
    started = time.perf_counter()
    ok = check()
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}


@never_cache
def healthz(request):
    database = _timed(_database_ok)
    cache_state = _timed(lambda: ping(cache))
    if not database["ok"]:
        status, code = "down", 503
    elif not cache_state["ok"]:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "database": database, "cache": cache_state}, status=code)
