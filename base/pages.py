"""The base class of every page type on the site: Vietnamese slugs and NFC text."""

import re

from django.core.cache import cache
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from caching.content_versions import SITE, TIMEOUT, digest, page_scope, stamps
from caching.view_restrictions import is_unrestricted
from editions.editions import active_locale_id
from editorial.page_forms import SitePageForm
from editorial.shared_rows import committing
from language.text_normalization import normalize_cluster_children, normalize_instance_text
from language.vietnamese import slugify_vi

# A tree path of ASCII slugs (what slugify_vi makes), e.g. "/home/tin-tuc/bai-viet-1/".
_PLAIN_PATH = re.compile(r"^/(?:[a-z0-9_-]+/)*$")

# The columns a page's URL needs (listings that read only their cards' columns add these).
URL_FIELDS = ("title", "slug", "url_path", "path", "depth", "locale_id", "content_type_id")


class SitePage(Page):
    """Abstract base: ASCII slugs from Vietnamese titles, NFC text before validation.

    Wagtail derives slugs with Django's slugify, which drops "đ" ("Đại hội" → "ai-hoi").
    We set the slug first, so Wagtail's own default never runs.
    """

    base_form_class = SitePageForm
    # Query parameters this page type reads besides PAGE_CACHE_COMMON_QUERY_PARAMS: the page
    # cache stores a response only when the request has no other (caching/page_cache.py).
    cache_query_params = ()

    class Meta:
        abstract = True

    @property
    def localized(self):
        """Wagtail's `localized` asks the database for the active Locale (routing reads it
        from the site's root page on every request); the editions keep the locales' ids in
        the cache. A page already in the edition being read is its own version."""
        if active_locale_id() == self.locale_id:
            return self
        return super().localized

    def get_url_parts(self, request=None):
        """Wagtail's, with its reverse of the serve view done once per request for each site
        root and language: Wagtail reverses "wagtail_serve" inside a translation override
        for every URL (~200 function calls), and a listing shows a dozen. The URL of a page
        under the same root, in the same language, is the first one's prefix followed by
        the page's path below the root (slugs are ASCII: nothing to quote). Anything less
        plain (no request, a page under several sites, other characters) goes to Wagtail."""
        if request is None or not _PLAIN_PATH.match(self.url_path):
            return super().get_url_parts(request)
        sites = self._get_relevant_site_root_paths(request)
        if not sites or len({values[0] for values in sites}) > 1:
            return super().get_url_parts(request)
        site_id, root_path, root_url, language_code = sites[0]
        if not self.url_path.startswith(root_path):
            return super().get_url_parts(request)
        below_root = self.url_path[len(root_path) :]
        prefixes = request.__dict__.setdefault("_serve_url_prefixes", {})
        key = (site_id, root_path, language_code, translation.get_language())
        prefix = prefixes.get(key)
        if prefix is None:
            parts = super().get_url_parts(request)
            # A prefix ends with "/" (WAGTAIL_APPEND_SLASH off strips it: Wagtail then).
            if parts is None or parts[2] is None or not parts[2].endswith("/" + below_root):
                return parts
            prefixes[key] = parts[2][: len(parts[2]) - len(below_root)]
            return parts
        return site_id, root_url, prefix + below_root

    def _set_core_field_defaults(self):
        # Runs before every validation (full and minimal) and before each revision is stored.
        normalize_instance_text(self)
        normalize_cluster_children(self)
        self.apply_vietnamese_slug()
        super()._set_core_field_defaults()

    def save(self, *args, **kwargs):
        # Rows this page shares with another page (editorial.shared_rows) are written from
        # this page's revision now: the other page's draft is brought in line, not this one.
        # The folded search text kept by discovery.search.FoldedSearchMixin: from before the
        # save, and from during it (indexing with immediate tasks), is forgotten.
        self.__dict__.pop("_search_text_folded", None)
        try:
            with committing(self):
                return super().save(*args, **kwargs)
        finally:
            self.__dict__.pop("_search_text_folded", None)

    @staticmethod
    def url_paths(pages):
        """The site paths of these pages (for page_cache_paths), where they are routable."""
        paths = set()
        for page in pages:
            parts = page.get_url_parts()
            if parts is not None:
                paths.add(parts[2])
        return paths

    def apply_vietnamese_slug(self):
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if not self.slug:
            base_slug = slugify_vi(self.title)
            if base_slug and parent_is_known:
                self.slug = self._get_autogenerated_slug(base_slug)
        elif not self.slug.isascii():
            self.slug = slugify_vi(self.slug) or self.slug

    def get_view_restrictions(self):
        # Wagtail asks on every serve (two queries); most pages have none (view_restrictions).
        # Asked twice a request (Wagtail's serve hook, then the page cache): answered once.
        if getattr(self, "_unrestricted", None) is None:
            self._unrestricted = is_unrestricted(self)
        if self._unrestricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        # As Wagtail's, but the parent stays cached on the *specific* child, so breadcrumbs and
        # get_parent() on the served page cost no query (see get_breadcrumbs).
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]
        child = self.cached_child(
            request, slug, lambda: self.get_children().filter(slug=slug).specific().first()
        )
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def cached_child(self, request, slug, fetch):
        """The child page at this slug, kept in the cache with the child's own content stamp
        (bumped when it is published, unpublished or deleted: caching/page_cache.py) and
        the site's: routing a reader's request then costs no query per level, and a new
        sibling leaves the route warm. A slug that matches nothing is not remembered
        (made-up URLs leave no key)."""
        found = stamps([], request)
        if found is None:
            return fetch()
        key = f"route:{digest(found[SITE], self.pk, slug)}"
        entry = cache.get(key)
        if isinstance(entry, tuple):
            child, stamp = entry
            own = stamps([page_scope(child.pk)], request)
            if own is not None and own[page_scope(child.pk)] == stamp:
                return child
        child = fetch()
        if child is not None:
            own = stamps([page_scope(child.pk)], request)
            if own is not None:
                cache.set(key, (child, own[page_scope(child.pk)]), TIMEOUT)
        return child

    def get_breadcrumbs(self):
        """Ancestors below the site root, for breadcrumbs and BreadcrumbList JSON-LD.

        Kept on the instance: the visible breadcrumbs and the JSON-LD share them. Routing
        leaves each parent cached on its child, so a served page usually costs no query here.
        """
        if getattr(self, "_breadcrumbs", None) is None:
            chain, page = [], self
            while (parent := getattr(page, "_cached_parent_obj", None)) is not None:
                if parent.depth < 2:
                    break
                chain.append(parent)
                page = parent
            if chain and chain[-1].depth == 2:  # routing filled the chain up to the home page
                self._breadcrumbs = chain[::-1]
            else:
                self._breadcrumbs = list(
                    self.get_ancestors().filter(depth__gt=1).specific(defer=True)
                )
        return self._breadcrumbs
