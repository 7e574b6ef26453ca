"""Full-page cache for anonymous readers, and its purging (a stable public API).

How it works
------------
`PageCacheMiddleware` stores whole responses of Wagtail pages (GET, status 200, anonymous
reader, no form errors, no view restriction) in Django's cache (Redis when REDIS_URL is set,
local memory otherwise), keyed by host + path + query + the reader's language. Every response
it can cache carries `Cache-Control: public, max-age=<browser>, s-maxage=<front>`,
`Vary: Cookie` (the language is a cookie) and a strong `ETag`; a matching `If-None-Match`
gets a 304 whether the page came from the cache or was just rendered.

Purging is by generation: every cached path has a generation token stored next to the
entries, and the entries' keys include it. Every key expires (after PAGE_CACHE_TIMEOUT), and a
path gets a token only when one of its pages is stored, so made-up URLs leave nothing behind.
When the cache does not answer (Redis down, caching/resilient_cache.py) pages are simply
rendered every time. `purge_paths()` replaces the token, so every
variant of a path (any query string, any language, any host) is gone at once, and a token
lost to cache eviction only means more misses, never a stale page.

CSRF: cached HTML must not carry one reader's token to another. In cacheable responses the
middleware empties every `csrfmiddlewaretoken` field and drops the csrftoken cookie;
`static/js/page_cache.js` fills the fields from `/csrf-token/` (never cached) before a form is
sent. This also holds behind Varnish or a CDN.

Public API (other apps use only these)
--------------------------------------
- `purge_page(page, listings=True)`: purge a page's URL; with `listings`, also its
  ancestors (home, section index with all its ?page= variants) and the page's own
  `page_cache_paths()` (tag and reporter pages of a story, etc.). Call it when something
  shown on the page changes outside Wagtail's publishing (e.g. a comment is approved or
  removed: `purge_page(comment.page, listings=False)`).
- `purge_paths(paths, site=None)`: purge raw paths ("/tin-tuc/").
- `purge_all()`: everything (site settings, a renamed reporter...).
- the signal `page_content_changed` (sender=any, page=..., listings=bool) does `purge_page`.

Publishing, unpublishing, moving and deleting pages (scheduled publishing included: it sends
`page_published`) purge automatically. Each purge also goes to the HTTP front (Varnish, see
WAGTAILFRONTENDCACHE) after the commit, with the listings group (feeds, API, sitemap, search):
caching/front_cache.py.
"""

import hashlib
import logging
import re
import time
import uuid
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal
from django.forms import BaseForm, BaseFormSet
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching import content_versions, fragment_prefetch, front_cache, release, site_values
from caching.resilient_cache import on_recovery

logger = logging.getLogger(__name__)

page_content_changed = Signal()

KEY_PREFIX = "pagecache"
ALL_PATHS = "*"
PURGE_ALL_PATH = "/*"  # the Varnish configuration bans everything on PURGE of this path
HEADER = "X-Page-Cache"
CSRF_FIELD = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
# Requests carrying these cookies belong to someone (staff, a reader with messages): not cached.
PERSONAL_COOKIES = ("sessionid", "messages")
SKIP_ATTRIBUTE = "_page_cache_skip"
RECORDED_ATTRIBUTE = "_page_cache_scopes"


def _setting(name, default):
    return getattr(settings, name, default)


def enabled():
    return _setting("PAGE_CACHE_ENABLED", True)


def _cache():
    return caches[_setting("PAGE_CACHE_ALIAS", "default")]


def _timeout():
    return _setting("PAGE_CACHE_TIMEOUT", 600)


def _digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _generation_key(path):
    return f"{KEY_PREFIX}:gen:{_digest(path)}"


def _claim_generations(missing):
    """Store the tokens chosen at lookup; False if one was set meanwhile (a purge while the
    page rendered, or another reader): then the rendered page is not stored."""
    cache = _cache()
    for key, token in missing.items():
        if not cache.add(key, token, timeout=_timeout()) and cache.get(key) != token:
            return False
    return True


def _query(request):
    """The query string in one order: ?a=1&b=2 and ?b=2&a=1 are the same page."""
    return urlencode(
        sorted((name, value) for name, values in request.GET.lists() for value in values)
    )


def _entry_key(request):
    """The key of a variant's entry. The entry names the generation and the content stamps
    it was rendered under: when they have moved on, it is a stale copy (served only while
    another worker renders the page anew, see `PageCacheMiddleware`)."""
    address = f"{request.path}?{_query(request)}"
    # The edition (and so the language) is part of the path (/en/…): nothing else varies.
    variant = f"{release.current()}|{request.get_host()}|{address}"
    return f"{KEY_PREFIX}:page:{_digest(variant)}"


def _lookup(request):
    """(generation, missing tokens, entry key, entry or None, whether the entry is fresh).

    One round trip for the tokens and the entry, one more for the stamps the entry was
    rendered under (caching/content_versions.py): a publication that bumped one of them
    makes the entry stale without any purge naming its path."""
    keys = [_generation_key(ALL_PATHS), _generation_key(request.path)]
    key = _entry_key(request)
    found = _cache().get_many([*keys, key])
    missing = {name: uuid.uuid4().hex for name in keys if name not in found}
    tokens = {**found, **missing}
    generation = tokens[keys[0]] + tokens[keys[1]]
    entry = found.get(key)
    if not isinstance(entry, dict):
        return generation, missing, key, None, False
    fresh = not missing and entry["generation"] == generation
    if fresh and entry["stamps"]:
        fresh = content_versions.current(entry["stamps"]) == entry["stamps"]
    return generation, missing, key, entry, fresh


def page_query_params(page):
    """The query parameters this page's response depends on: its type's `cache_query_params`
    and those every page reads (PAGE_CACHE_COMMON_QUERY_PARAMS: pagination, comments)."""
    return set(getattr(page, "cache_query_params", ())) | set(
        _setting("PAGE_CACHE_COMMON_QUERY_PARAMS", ())
    )


def read_query(request, page):
    """The query string with only the parameters this page reads, in one order: what cached
    parts of the page vary on (`{% fragment … request|read_query:page %}`)."""
    read = page_query_params(page)
    return urlencode(
        sorted(
            (name, value)
            for name, values in request.GET.lists()
            if name in read
            for value in values
        )
    )


def _reads_every_parameter(request, page):
    """A response is stored only for parameters its page reads: any other one (a tracking
    tag, a made-up name) would make a new entry for the same page."""
    return set(request.GET) <= page_query_params(page)


def _variants_key(generation, path):
    return f"{KEY_PREFIX}:variants:{generation}:{_digest(path)}"


def _claim_variant(generation, path):
    """One more stored variant of this path (query strings, languages, hosts) unless it has
    PAGE_CACHE_VARIANTS_PER_PATH already in this generation: random ?page= values cannot
    fill the cache. The count goes with the generation (a purge starts a new one)."""
    cache = _cache()
    key = _variants_key(generation, path)
    cache.add(key, 0, timeout=_timeout())
    try:
        count = cache.incr(key)
    except ValueError:  # evicted in between: count from here
        cache.add(key, 1, timeout=_timeout())
        count = 1
    return count is not None and count <= _setting("PAGE_CACHE_VARIANTS_PER_PATH", 50)


def skip_page_cache(request):
    """Views call this to keep their response out of the page cache (e.g. a form with errors)."""
    setattr(request, SKIP_ATTRIBUTE, True)


def request_is_cacheable(request):
    if not enabled() or request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(tuple(_setting("PAGE_CACHE_EXCLUDED_PREFIXES", ())))


def _has_form_errors(response):
    context = getattr(response, "context_data", None) or {}
    for value in context.values():
        # type(), not isinstance(): isinstance asks a lazy value (caching/lazy.py) for its
        # __class__ and so computes it — every related list and listing of the page, on
        # every miss, even those whose fragments came from the cache. Forms are never lazy.
        kind = type(value)
        if issubclass(kind, BaseForm) and value.is_bound and value.errors:
            return True
        if issubclass(kind, BaseFormSet) and value.is_bound and not value.is_valid():
            return True
    return False


def _served_page(request, response):
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return None
    context = getattr(response, "context_data", None) or {}
    return context.get("page") or context.get("self")


def response_is_cacheable(request, response):
    if request.method != "GET" or getattr(request, SKIP_ATTRIBUTE, False):
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if getattr(request, "session", None) is not None and not request.session.is_empty():
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    page = _served_page(request, response)
    if page is None or _has_form_errors(response):
        return False
    if not _reads_every_parameter(request, page):
        return False
    return not page.get_view_restrictions().exists()


def set_public_cache_headers(response):
    """How long browsers and shared caches may keep a public page, and what it varies on."""
    browser = _setting("PAGE_CACHE_BROWSER_MAX_AGE", 10)
    shared = _setting("PAGE_CACHE_SHARED_MAX_AGE", 600)
    response["Cache-Control"] = f"public, max-age={browser}, s-maxage={shared}"
    patch_vary_headers(response, ("Cookie",))


def remove_reader_secrets(response, request=None):
    """No reader's CSRF token or cookie left in it: forms get theirs from /csrf-token/
    (static/js/page_cache.js). Also lets the response be compressed (compression.py).
    Given the request (in a view), Django's CSRF middleware is told not to add the cookie."""
    if request is not None:
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    if CSRF_FIELD.search(response.content):
        response.content = CSRF_FIELD.sub(rb"\1\2 data-csrf-fill", response.content)
    response.cookies.pop(settings.CSRF_COOKIE_NAME, None)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


def _make_public(response):
    """Cacheable for everyone: no reader's CSRF token or cookie left in it."""
    remove_reader_secrets(response)
    set_public_cache_headers(response)
    if not response.has_header("ETag"):  # pages bring theirs (kontum_site/wagtail_hooks.py)
        response["ETag"] = f'"{hashlib.sha1(response.content, usedforsecurity=False).hexdigest()}"'


def _from_entry(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def _lock_seconds():
    return _setting("PAGE_CACHE_LOCK_SECONDS", 5)


def _wait_seconds():
    return _setting("PAGE_CACHE_WAIT_SECONDS", 2)


def _lock_key(entry_key):
    return f"{entry_key}:lock"


def recorded_scopes(request):
    """The content scopes the page's last render read (for validators before a render), or
    None when the page cache holds no copy of it."""
    return getattr(request, RECORDED_ATTRIBUTE, None)


def _serve_stale(entry):
    """The stale copy, while another worker renders: marked so, and kept by a shared cache
    (Varnish) for a second only."""
    response = _from_entry(entry)
    response["Cache-Control"] = (
        f"public, max-age=0, s-maxage={_setting('PAGE_CACHE_STALE_SHARED_MAX_AGE', 1)}"
    )
    response[HEADER] = "stale"
    return response


class PageCacheMiddleware:
    """Serve anonymous readers from the page cache; fill it on a miss. See the module doc.

    Sits high in MIDDLEWARE (after security and static files, before sessions): a hit skips
    the rest of the stack; headers added by the inner middleware are stored with the page.

    No stampede: when an entry is stale or missing, the worker that takes the entry's lock
    (`add`, expiring after PAGE_CACHE_LOCK_SECONDS, so a worker that dies holding it holds
    nothing for long) renders; the others serve the stale copy meanwhile, or, with no copy,
    wait up to PAGE_CACHE_WAIT_SECONDS for the render to be stored and then render
    themselves. Without a cache (`add` answers None) everyone renders.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Every stamp (and what is kept under one) read once per request, whoever asks.
        with content_versions.request_memo():
            if not request.path.startswith(tuple(_setting("PAGE_CACHE_EXCLUDED_PREFIXES", ()))):
                site_values.prime(request)  # the admin reads its Site when it needs it
            response = self._serve(request)
            fragment_prefetch.remember(request)
            return response

    def _serve(self, request):
        release.announce(_cache(), purge_all)
        if not request_is_cacheable(request):
            return self.get_response(request)
        generation, missing, key, entry, fresh = _lookup(request)
        if fresh:
            response = _from_entry(entry)
            response[HEADER] = "hit"
        else:
            response = self._render_once(request, generation, missing, key, entry)
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        return conditional or response

    def _render_once(self, request, generation, missing, key, entry):
        cache = _cache()
        locked = cache.add(_lock_key(key), 1, timeout=_lock_seconds())
        if locked is False:  # another worker renders it now
            if entry is not None:
                return _serve_stale(entry)
            deadline = time.monotonic() + _wait_seconds()
            while time.monotonic() < deadline:
                time.sleep(0.05)
                generation, missing, key, entry, fresh = _lookup(request)
                if fresh:
                    response = _from_entry(entry)
                    response[HEADER] = "hit"
                    return response
                if not cache.has_key(_lock_key(key)):
                    break  # the render ended without storing (or its worker died)
        try:
            return self._render(request, generation, missing, key, entry)
        finally:
            if locked:
                cache.delete(_lock_key(key))

    def _render(self, request, generation, missing, key, entry):
        if entry is not None:
            setattr(request, RECORDED_ATTRIBUTE, list(entry["stamps"]))
        recording = content_versions.start_recording()
        try:
            response = self.get_response(request)
        finally:
            read = content_versions.stop_recording(recording)
        if not response_is_cacheable(request, response):
            if entry is not None:  # the stale copy is not this page any more
                _cache().delete(key)
            return response
        page = _served_page(request, response)
        if read and page is not None:  # validators from what the render read (wagtail_hooks)
            etag, modified = content_versions.validators_from(request, page, read)
            response["ETag"], response["Last-Modified"] = etag, http_date(modified)
        _make_public(response)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", HEADER.lower())
        ]
        if _claim_generations(missing) and _claim_variant(generation, request.path):
            stored = {
                "generation": generation,
                "stamps": read,
                "status": response.status_code,
                "headers": headers,
                "content": response.content,
            }
            _cache().set(key, stored, _timeout())
            _remember_paths(read, request.path)
        response[HEADER] = "miss"
        return response


@never_cache
def csrf_token_view(request):
    """A CSRF token for forms on cached pages (sets the csrftoken cookie too)."""
    return JsonResponse({"token": get_token(request)})


# ---------------------------------------------------------------- purging


def _paths_key(scope):
    return f"{KEY_PREFIX}:paths:{_digest(scope)}"


def _remember_paths(read, path):
    """Note that `path` shows what the scopes in `read` cover, for the HTTP front's purges
    (`purge_scopes`). A scope names at most PAGE_CACHE_PATHS_PER_SCOPE paths; beyond, it
    names every path ("*")."""
    names = [name for name in read if name != content_versions.SITE]
    if not names:
        return
    cache = _cache()
    keys = {_paths_key(name): name for name in names}
    found = cache.get_many(list(keys))
    limit = _setting("PAGE_CACHE_PATHS_PER_SCOPE", 5000)
    changed = {}
    for key in keys:
        paths = found.get(key) or set()
        if path in paths or ALL_PATHS in paths:
            continue
        changed[key] = {ALL_PATHS} if len(paths) >= limit else paths | {path}
    if changed:
        cache.set_many(changed, timeout=content_versions.TIMEOUT)


def paths_showing(scopes):
    """The paths whose last stored render read one of these scopes ("*" among them: any)."""
    found = _cache().get_many([_paths_key(name) for name in scopes])
    return set().union(*found.values()) if found else set()


def purge_scopes(scopes, root_urls=None, also_paths=()):
    """Bump these content scopes: every cached page and part that read one is stale now and
    after the commit; the HTTP front forgets the pages whose last render read one, and
    `also_paths`, in ONE purge (a page purged twice at a front that soft-purges would be
    fetched from the origin twice)."""
    scopes = set(scopes)
    if not scopes:
        return
    content_versions.bump(*scopes)
    paths = paths_showing(scopes) | set(also_paths)

    def tell_front():
        roots = root_urls if root_urls is not None else _site_root_urls()
        if ALL_PATHS in paths:
            urls = {root.rstrip("/") + PURGE_ALL_PATH for root in roots}
        else:
            urls = {root.rstrip("/") + path for root in roots for path in paths}
        _frontend_purge(urls)

    if _setting("WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(tell_front)


def _frontend_purge(urls, listings=True):
    """The HTTP front forgets these URLs and the listings group (feeds, API, sitemap,
    search...) once the transaction commits: sent at once and retried by a task
    (caching/front_cache.py)."""
    front_cache.purge(urls, listings=listings)


def purge_paths(paths, root_urls=()):
    """Forget every cached variant of these paths (and tell the HTTP front, given root URLs)."""
    paths = {path for path in paths if path}
    if not paths:
        return
    tokens = {_generation_key(path): uuid.uuid4().hex for path in paths}
    _cache().set_many(tokens, timeout=_timeout())
    _frontend_purge({root.rstrip("/") + path for root in root_urls for path in paths})


def purge_all():
    """Forget the whole page cache; the HTTP front gets `PURGE /*` (see default.vcl)."""
    content_versions.bump(content_versions.SITE)
    _cache().set(_generation_key(ALL_PATHS), uuid.uuid4().hex, timeout=_timeout())
    _frontend_purge(
        {root.rstrip("/") + PURGE_ALL_PATH for root in _site_root_urls()}, listings=False
    )


def _site_root_urls():
    return [site.root_url for site in Site.objects.all()]


def referenced_pages(page):
    """Pages this page links to (Wagtail's reference index): they may list it as a backlink,
    e.g. an exemplar's page lists the stories that mention it."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id=str(page.pk), to_content_type=page_type
    ).values_list("to_object_id", flat=True)
    return list(Page.objects.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()]))


def referencing_page_ids(page):
    """Ids of the pages that link to this page (Wagtail's reference index): they may show it
    in an aside (a story naming an exemplar)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=page_type, to_object_id=str(page.pk)
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in ids if str(pk).isdigit()}


def page_paths(page, listings=True):
    """(paths, root URLs) to purge for a page: its URL, and with listings its ancestors', the
    pages it links to (their backlinks) and its own extra paths (`page_cache_paths()`, e.g.
    tag pages of a story)."""
    pages = [page]
    if listings:
        pages += list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
        pages += referenced_pages(page)
    paths, roots = set(), set()
    for item in pages:
        parts = item.get_url_parts()
        if parts is None:
            continue
        _site_id, root_url, page_path = parts
        paths.add(page_path)
        roots.add(root_url)
    if listings:
        extra = getattr(page.specific_deferred, "page_cache_paths", None)
        if extra is not None:
            paths.update(extra())
    return paths, roots


def purge_page(page, listings=True, front=True):
    """Purge a page (and, with listings, the pages listing it) now and after the commit;
    `front=False` leaves the HTTP front to the caller (a publication tells it once)."""
    paths, roots = page_paths(page, listings=listings)
    purge_paths(paths)  # the page cache now; the front would only fetch the old rows again
    # Again once the transaction commits (a reader between the two could have cached the
    # old), and then the HTTP front too.
    transaction.on_commit(lambda: purge_paths(paths, roots if front else ()))
    return paths


# ---------------------------------------------------------------- signal handlers


def declared_scopes(page):
    """The listings that show this page, as its type declares them (`content_scopes()`,
    e.g. news.ArticlePage: its sections, tags, reporters, campaign...), or None: a type that
    declares none may be shown anywhere (menus, every listing), so it stands for `SITE`."""
    declared = getattr(type(page.specific_deferred), "content_scopes", None)
    if declared is None:
        return None
    return set(page.specific_deferred.content_scopes())


def publication_scopes(page, before=None):
    """What a publication, unpublication or deletion of `page` changes: the page (its own
    scope, which also keys the route to it: base/pages.py), the listings showing it now
    and those that showed it `before` (`Before`: old tags, old section), whatever lists
    the whole site (`PUBLISHED`), and the site-wide rankings when a page that was live
    leaves them or changes there. A type without declared scopes: `SITE`."""
    scopes = {
        content_versions.PUBLISHED,
        content_versions.page_scope(page.pk),
        content_versions.scope("own", page.pk),
    }
    now = declared_scopes(page)
    if now is None:
        return scopes | {content_versions.SITE}
    scopes |= now
    if before is None:
        return scopes | {content_versions.RANKINGS}
    scopes |= before.scopes
    tags_before = {name for name in before.scopes if name.startswith("tag:")}
    tags_now = {name for name in now if name.startswith("tag:")}
    if before.live and (not page.live or before.title != page.title or tags_before != tags_now):
        scopes.add(content_versions.RANKINGS)
    return scopes


class Before:
    """A page as stored before a full save: the listings showing it, live or not, its title."""

    def __init__(self, stored):
        self.scopes = set(stored.content_scopes())
        self.live = stored.live
        self.title = stored.title


# Read in pre_save, used once the page is published or unpublished.
_BEFORE_ATTRIBUTE = "_content_scopes_before"
_before_by_page = {}  # the same, by page id: unpublishing signals another copy of the page


def _remember_scopes_before(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a page is saved in full (publishing, unpublishing), note which listings its
    stored rows put it in: its old tags, reporters and section must forget it too."""
    if raw or update_fields is not None or not isinstance(instance, Page):
        return
    if instance.pk is None or getattr(type(instance), "content_scopes", None) is None:
        return
    stored = type(instance).objects.filter(pk=instance.pk).first()
    if stored is not None:
        before = Before(stored)
        setattr(instance, _BEFORE_ATTRIBUTE, before)
        _before_by_page[instance.pk] = before


def _on_published(sender, instance, **kwargs):
    before = _before_by_page.pop(instance.pk, None) or getattr(instance, _BEFORE_ATTRIBUTE, None)
    paths = purge_page(instance, front=False)
    purge_scopes(publication_scopes(instance, before), also_paths=paths)


def _on_content_changed(sender, page, listings=True, **kwargs):
    content_versions.bump(content_versions.page_scope(page.pk))
    purge_page(page, listings=listings)


def _on_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # A move changes the URL of the page and of everything below it: moves are rare, so the
    # whole cache goes, and the front forgets the old and new places.
    old_parent_paths, old_roots = page_paths(parent_page_before)
    old_base = next(iter(page_paths(parent_page_before, listings=False)[0]), "")
    new_paths, new_roots = page_paths(instance)
    purge_all()
    if old_base:
        old_parent_paths.add(f"{old_base}{instance.slug}/")
    _frontend_purge(
        {root.rstrip("/") + path for root in old_roots | new_roots for path in old_parent_paths}
        | {root.rstrip("/") + path for root in new_roots for path in new_paths}
    )


def _before_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and not hasattr(instance, "_page_cache_paths"):
        try:
            instance._page_cache_paths = page_paths(instance)
            instance._page_cache_scopes = publication_scopes(instance) | {content_versions.RANKINGS}
        except Exception:  # a half-deleted tree: nothing to purge
            instance._page_cache_paths = (set(), set())
            instance._page_cache_scopes = {content_versions.SITE}


def _after_delete(sender, instance, **kwargs):
    found = getattr(instance, "_page_cache_paths", None)
    if found:
        purge_scopes(getattr(instance, "_page_cache_scopes", None) or {content_versions.SITE})
        paths, roots = found
        purge_paths(paths)
        transaction.on_commit(lambda: purge_paths(paths, roots))


def _on_purge_all_model_saved(sender, created=False, **kwargs):
    # A new row (a site setting made with its defaults on first read, a tag not yet on any
    # published story) changes no page yet; what links it in purges through publishing.
    if not created:
        purge_all()


def connect_signals():
    # Purges and content stamps written during a Redis outage were lost: after one, nothing
    # cached before it is trusted (pages, fragments, the HTTP front).
    on_recovery(purge_all)

    page_published.connect(_on_published, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_published, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="page_cache_moved")
    pre_delete.connect(_before_delete, dispatch_uid="page_cache_pre_delete")
    post_delete.connect(_after_delete, dispatch_uid="page_cache_post_delete")
    page_content_changed.connect(_on_content_changed, dispatch_uid="page_cache_changed")
    pre_save.connect(_remember_scopes_before, dispatch_uid="page_cache_scopes_before")
    for label in _setting("PAGE_CACHE_PURGE_ALL_ON_SAVE", ()):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        for signal in (post_save, post_delete):
            signal.connect(
                _on_purge_all_model_saved, sender=model, dispatch_uid=f"page_cache_all_{label}"
            )
