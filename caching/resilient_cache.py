"""A Redis cache backend that degrades instead of failing: Redis is an optimisation here.

Django's RedisCache raises on every call when Redis is gone, so one dead cache server turns
every page into a 500. `ResilientRedisCache` catches Redis errors and answers as a cache
that holds nothing: `get` gives the default, `set` stores nothing, `add` and `incr` give
`None` ("unknown", falsy), so callers that must tell "refused" from "no cache" (the comment
rate limits) can fall back to the database.

After a failure the backend stops asking Redis for `RETRY_SECONDS` (a circuit breaker), so a
dead or hanging Redis costs a request nothing but the first short timeout; the connect and
read timeouts are short too (OPTIONS, see settings). The outage is logged once when it
starts and once when Redis answers again, not once per request.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


_recovery_callbacks = []


def on_recovery(callback):
    """Call `callback()` when Redis answers again after an outage. What was cached before the
    outage may be stale: purges and stamp bumps made during it were lost (page_cache.py)."""
    if callback not in _recovery_callbacks:
        _recovery_callbacks.append(callback)


class _Breaker:
    """Shared by every backend instance in the process (Django makes one per thread)."""

    lock = threading.Lock()
    down_since = None
    retry_at = 0.0

    @classmethod
    def is_open(cls):
        return cls.down_since is not None and time.monotonic() < cls.retry_at

    @classmethod
    def failed(cls, error):
        with cls.lock:
            first = cls.down_since is None
            if first:
                cls.down_since = time.time()
            cls.retry_at = time.monotonic() + RETRY_SECONDS
        if first:
            logger.error("Cache unavailable, serving without it: %s", error)

    @classmethod
    def succeeded(cls):
        """Note a working call; True when it ended an outage (recovery callbacks have run)."""
        if cls.down_since is None:
            return False
        with cls.lock:
            since, cls.down_since = cls.down_since, None
        if since is None:
            return False
        logger.warning("Cache available again after %.0f s", time.time() - since)
        for callback in list(_recovery_callbacks):
            try:
                callback()
            except Exception:  # a failing callback must not fail the cache call
                logger.exception("Cache recovery callback failed")
        return True


def _degrading(fallback, read=False):
    """Run the Redis call unless the breaker is open; on a Redis error answer `fallback(...)`.
    A read that ends an outage is made again after the recovery callbacks, which may have
    replaced what it read."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if _Breaker.is_open():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                _Breaker.failed(error)
                return fallback(*args, **kwargs)
            if _Breaker.succeeded() and read:
                result = method(self, *args, **kwargs)
            return result

        return wrapper

    return decorate


def _none(*args, **kwargs):
    return None


def _default(key, default=None, *args, **kwargs):
    return default


def _empty(*args, **kwargs):
    return {}


def _false(*args, **kwargs):
    return False


def _all_keys_failed(data, *args, **kwargs):
    return list(data)


class ReusedRedisClient(RedisCacheClient):
    """Django's client makes a new `redis.Redis` for every call (each fills a table of ~100
    response callbacks: a tenth of a millisecond, ten or more times per page). One per
    connection pool is enough: a `redis.Redis` is only a handle on its pool."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_reused_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisClient

    get = _degrading(_default, read=True)(RedisCache.get)
    set = _degrading(_false)(RedisCache.set)
    add = _degrading(_none)(RedisCache.add)
    touch = _degrading(_false)(RedisCache.touch)
    delete = _degrading(_false)(RedisCache.delete)
    get_many = _degrading(_empty, read=True)(RedisCache.get_many)
    set_many = _degrading(_all_keys_failed)(RedisCache.set_many)
    delete_many = _degrading(_none)(RedisCache.delete_many)
    has_key = _degrading(_false, read=True)(RedisCache.has_key)
    incr = _degrading(_none)(RedisCache.incr)
    clear = _degrading(_false)(RedisCache.clear)

    def ping(self):
        """True when Redis answers now (health checks: ignores the breaker, raises nothing)."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            _Breaker.failed(error)
            return False
        _Breaker.succeeded()
        return True


def cache_is_up(cache):
    """False while a resilient cache is known to be down (other backends: always True)."""
    if isinstance(cache, ResilientRedisCache):
        return not _Breaker.is_open()
    return True


def ping(cache):
    """Whether the cache answers a round trip now."""
    if isinstance(cache, ResilientRedisCache):
        return cache.ping()
    try:
        cache.set("health:ping", 1, timeout=5)
        return cache.get("health:ping") == 1
    except Exception:
        return False
