"""`{% fragment %}`: a part of a page kept in the cache until what it shows changes.

    {% load fragments %}
    {% fragment "story-aside" page.pk using "site" %} … {% endfragment %}
    {% fragment "comments" page.pk order using page|page_scope %} … {% endfragment %}

The values before `using` vary the key (with the reader's language and host); the scopes
after it (or lists of them) are content stamps (caching/content_versions.py), "site" always
among them: when one is bumped — a story published in a section for `"listing"|scope:
section.pk`, in a tag for `"tag"|scope:tag.pk`, a comment approved for a page's scope — the
fragment is rendered anew on the next miss, while the page's other fragments are reused. Without a
cache the body is simply rendered. Never put a form with a CSRF token inside one.
"""

from django import template
from django.conf import settings
from django.core.cache import cache

from caching import content_versions, fragment_prefetch, page_cache

register = template.Library()

KEY_PREFIX = "frag"


def _timeout():
    return getattr(settings, "FRAGMENT_CACHE_TIMEOUT", 3600)


@register.filter
def page_scope(page):
    """The content stamp scope of one page (bumped when its comments change); outside a
    page (search, feeds), the site's."""
    pk = getattr(page, "pk", None)
    return content_versions.page_scope(pk) if pk else content_versions.SITE


@register.filter
def own_scope(page):
    """The scope bumped when this page itself is published (not by its comments)."""
    return content_versions.scope("own", page.pk) if getattr(page, "pk", None) else "site"


@register.filter
def scope(kind, key):
    """A listing's content scope: `"tag"|scope:tag.pk` ("tag:5")."""
    return content_versions.scope(kind, key)


@register.filter
def read_query(request, page):
    """The request's query string with only the parameters `page` reads (page_cache.py): a
    made-up parameter makes no new fragment. Use it instead of request.GET.urlencode."""
    return page_cache.read_query(request, page) if page is not None else request.GET.urlencode()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, scopes):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.scopes = scopes

    def render(self, context):
        request = context.get("request")
        if (
            request is None
            or getattr(request, "is_preview", False)  # drafts are never cached
            or not getattr(settings, "FRAGMENT_CACHE_ENABLED", True)
        ):
            return self.nodelist.render(context)
        fragment_prefetch.prefetch_once(request)
        scopes = []
        for expression in self.scopes:  # a scope, or a list of them (a page's listings)
            value = expression.resolve(context)
            scopes.extend(value if isinstance(value, (list, tuple, set)) else [value])
        found = content_versions.stamps(scopes, request)
        if found is None:
            return self.nodelist.render(context)
        vary = [value.resolve(context) for value in self.vary_on]
        name = self.name.resolve(context)
        key = "{}:{}:{}".format(
            KEY_PREFIX,
            name,
            content_versions.digest(
                *found.values(),
                *vary,
                getattr(request, "LANGUAGE_CODE", ""),
                request.get_host(),
            ),
        )
        html = fragment_prefetch.cached_fragment(key)
        if html is None:
            html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, _timeout())
        return html


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()[1:]
    if len(bits) < 3 or "using" not in bits:
        raise template.TemplateSyntaxError(
            "usage: {% fragment NAME [VARY …] using SCOPE [SCOPE …] %}"
        )
    split = bits.index("using")
    if split == 0 or split == len(bits) - 1:
        raise template.TemplateSyntaxError("fragment needs a name and at least one scope")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name = parser.compile_filter(bits[0])
    vary_on = [parser.compile_filter(bit) for bit in bits[1:split]]
    scopes = [parser.compile_filter(bit) for bit in bits[split + 1 :]]
    return FragmentNode(nodelist, name, vary_on, scopes)
