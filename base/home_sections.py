"""What the home page shows. Each section app contributes through `HOME_SECTION_PROVIDERS`.

A provider is a function taking the home page and returning template context; it names the
keys it returns in its `context_keys` attribute, so the home page puts them in its context
lazily: a provider runs only when a template reads one of its keys, which happens only when
the cached fragment that shows them is rendered again. The provider list keeps kontum_site
free of imports from news, campaigns or exemplars.

A provider that fills a block of the side column also says so with attributes:
- `templates`: the templates it includes there (a static list);
- `scopes(home_page)`: the content stamps its block is cached under
  (caching/content_versions.py), so a publication re-renders only the blocks showing what
  it changed (a story leaves the exemplars and campaigns warm); the home page's own listing
  and scope when it names none;
- `vary(home_page)`: optional, a value the block's cache key varies on (a date, a period).
"""

from django.conf import settings
from django.utils.module_loading import import_string

from caching import site_values
from caching.content_versions import page_scope, scope
from caching.lazy import lazy_items


def providers():
    return [import_string(path) for path in settings.HOME_SECTION_PROVIDERS]


def lazy_home_sections(home_page):
    """The providers' keys, each provider run on first use of one of its keys, and
    `home_side_blocks`: the side column's blocks with what their fragments are keyed on."""
    context = {}
    blocks = []
    for provider in providers():
        compute = lambda provider=provider: provider(home_page)  # noqa: E731
        context.update(lazy_items(compute, provider.context_keys))
        templates = getattr(provider, "templates", ())
        if templates:
            blocks.append(side_block(provider, home_page, templates))
    context["home_side_blocks"] = blocks
    return context


def side_block(provider, home_page, templates):
    scopes_of = getattr(provider, "scopes", None)
    vary_of = getattr(provider, "vary", None)
    return {
        "name": f"{provider.__module__}.{provider.__name__}",
        "templates": list(templates),
        "scopes": list(scopes_of(home_page)) if scopes_of else home_scopes(home_page),
        "vary": vary_of(home_page) if vary_of else "",
    }


def home_scopes(home_page):
    """What the home page's own blocks are cached under: the stories listed under it and
    the home page itself."""
    return [scope("listing", home_page.pk), page_scope(home_page.pk)]


def live_index_under(home_page, model):
    """The first live page of `model` under the home page (the news index, the exemplar
    directory its blocks link to). Which index a home has changes with the site's structure
    only (an index page's publication or move bumps the site stamp), so it is a site value,
    not a query of every render."""
    return site_values.get(
        f"index-under:{model._meta.label_lower}:{home_page.pk}",
        lambda: model.objects.live().descendant_of(home_page).first(),
    )
