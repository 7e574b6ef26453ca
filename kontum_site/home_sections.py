"""What the home page shows. Each section app contributes through `HOME_SECTION_PROVIDERS`.

A provider is a function taking the home page and returning template context; it may also
return "home_section_templates", a list of templates to include in the home page's side column.
The provider list keeps kontum_site free of imports from news, campaigns or exemplars.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def home_sections(home_page):
    context = {"home_section_templates": []}
    for path in settings.HOME_SECTION_PROVIDERS:
        provided = dict(import_string(path)(home_page))
        context["home_section_templates"] += provided.pop("home_section_templates", [])
        context.update(provided)
    return context
