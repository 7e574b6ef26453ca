"""Featured exemplars on the home page (see base.home_sections)."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from exemplars.models.index import ExemplarIndexPage
from exemplars.models.pages import ExemplarPage

FEATURED_COUNT = 4


def featured_exemplars(home_page):
    images = get_image_model().objects.prefetch_renditions(
        "fill-160x160", "fill-160x160|format-webp"
    )
    featured = list(
        ExemplarPage.objects.descendant_of(home_page)
        .live()
        .public()
        .filter(featured=True)
        .select_related("portrait", "ethnicity", "place")
        .prefetch_related(Prefetch("portrait", queryset=images))
        .order_by("-last_published_at", "-pk")[:FEATURED_COUNT]
    )
    return {
        "featured_exemplars": featured,
        "exemplar_directory": ExemplarIndexPage.objects.live().descendant_of(home_page).first(),
        "home_section_templates": ["exemplars/includes/home_exemplars.html"],
    }


featured_exemplars.context_keys = ("featured_exemplars", "exemplar_directory")
