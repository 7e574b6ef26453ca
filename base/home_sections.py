"""What the home page shows. Each section app contributes through `HOME_SECTION_PROVIDERS`.

A provider is a function taking the home page and returning template context; it may also
return "home_section_templates", a list of templates to include in the home page's side column.
A provider names the keys it returns in its `context_keys` attribute, so the home page can
put them in its context lazily (read only when its cached fragment is rendered again).
The provider list keeps kontum_site free of imports from news, campaigns or exemplars.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from caching.lazy import lazy_items


def lazy_home_sections(home_page):
    """The same context, each key computed on first use (all providers run together)."""
    providers = [import_string(path) for path in settings.HOME_SECTION_PROVIDERS]
    keys = {"home_section_templates"}
    for provider in providers:
        keys.update(provider.context_keys)
    return lazy_items(lambda: home_sections(home_page), keys)


def home_sections(home_page):
    context = {"home_section_templates": []}
    for path in settings.HOME_SECTION_PROVIDERS:
        provided = dict(import_string(path)(home_page))
        context["home_section_templates"] += provided.pop("home_section_templates", [])
        context.update(provided)
    return context
