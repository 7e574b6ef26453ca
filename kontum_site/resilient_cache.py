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

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


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
        if cls.down_since is None:
            return
        with cls.lock:
            since, cls.down_since = cls.down_since, None
        if since is not None:
            logger.warning("Cache available again after %.0f s", time.time() - since)


def _degrading(fallback):
    """Run the Redis call unless the breaker is open; on a Redis error answer `fallback(...)`."""

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
            _Breaker.succeeded()
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


class ResilientRedisCache(RedisCache):
    get = _degrading(_default)(RedisCache.get)
    set = _degrading(_false)(RedisCache.set)
    add = _degrading(_none)(RedisCache.add)
    touch = _degrading(_false)(RedisCache.touch)
    delete = _degrading(_false)(RedisCache.delete)
    get_many = _degrading(_empty)(RedisCache.get_many)
    set_many = _degrading(_all_keys_failed)(RedisCache.set_many)
    delete_many = _degrading(_none)(RedisCache.delete_many)
    has_key = _degrading(_false)(RedisCache.has_key)
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
