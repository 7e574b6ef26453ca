"""The news desk's groups and workflow, on the live site tree."""

from kontum_site.editorial import ensure_editorial_setup
from kontum_site.models import HomePage

from .models import NewsIndexPage


def ensure_roles():
    home = HomePage.objects.first()
    if home is None:
        return None
    sections = list(NewsIndexPage.objects.all())
    return ensure_editorial_setup(home, reporter_sections=sections, workflow_sections=sections)
