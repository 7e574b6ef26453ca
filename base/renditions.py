"""Renditions read with the pictures that show them: one query for a whole listing.

Wagtail's `{% picture %}` looks a rendition up in the image's prefetched renditions when there
are any; otherwise it asks the cache for each picture and writes every rendition it found
back to it (with the database cache, one transaction per rendition), and a picture whose
prefetched renditions lack a spec it asks for is made again from the original file. Two
mistakes defeated the prefetch everywhere:

- the spec strings must be the ones the tag asks for: `format-{webp,jpeg} fill-480x270`
  asks for "format-webp|fill-480x270" and "format-jpeg|fill-480x270", not
  "fill-480x270|format-webp" nor "fill-480x270";
- `Prefetch("featured_image", queryset=images.prefetch_renditions(…))` does nothing after
  `select_related("featured_image")` (Django skips a level already fetched, and the
  queryset's own prefetch with it).

`prefetch("featured_image", PATTERN)` prefetches the renditions one level down instead, so it
works with or without `select_related`; `specs(PATTERN)` gives the tag's own spec strings.
Keep each PATTERN next to the template that uses it (tests/news/test_cold_renders.py counts
the queries of a render from nothing).
"""

import copy

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from base.statements import Statement

# A story card's picture (news/cards.py), shared by every page that lists stories: the news
# listings, the related stories, and the campaign, conference and exemplar pages.
STORY_CARD_PICTURE = "format-{webp,jpeg} fill-{480x270,960x540}"


def specs(*patterns):
    """The rendition specs `{% picture image PATTERN %}` asks for, e.g.
    "format-{webp,jpeg} fill-160x160" → ["format-webp|fill-160x160", "format-jpeg|fill-160x160"]."""
    found = []
    for pattern in patterns:
        for spec in Filter.expand_spec(pattern):
            if spec not in found:
                found.append(spec)
    return found


def prefetch(lookup, *patterns):
    """A Prefetch of the renditions of the image(s) at `lookup` ("featured_image",
    "exemplar__portrait"), for the spec patterns the templates use."""
    return RenditionPrefetch(lookup, specs(*patterns))


class RenditionPrefetch(Prefetch):
    """Django's Prefetch of the renditions, which a compiled statement (base/statements.py)
    runs as one compiled query of its own instead (`prefetch_compiled`)."""

    def __init__(self, image_lookup, spec_list):
        rendition = get_image_model().get_rendition_model()
        super().__init__(
            f"{image_lookup}__renditions",
            queryset=rendition.objects.filter(filter_spec__in=spec_list),
            to_attr="prefetched_renditions",
        )
        self.image_steps = image_lookup.split("__")
        self.spec_list = tuple(spec_list)

    def prefetch_compiled(self, instances):
        images = []
        for instance in instances:
            for step in self.image_steps:
                field = instance._meta.get_field(step)
                if not field.is_cached(instance):  # not read with the row: Django's way
                    prefetch_related_objects(instances, self)
                    return
                instance = getattr(instance, step)
                if instance is None:
                    break
            else:
                images.append(instance)
        attach(images, self.spec_list)


def images(*patterns):
    """Images with their renditions for these patterns (a queryset for a Prefetch)."""
    return get_image_model().objects.prefetch_renditions(*specs(*patterns))


def prefetch_on(instances, lookup, *patterns):
    """Fetch the renditions of `lookup` on model instances already loaded (a served page)."""
    instances = [instance for instance in instances if instance is not None]
    if instances:
        prefetch(lookup, *patterns).prefetch_compiled(instances)


def _renditions_by_id(count, spec_list, **ids):
    rendition = get_image_model().get_rendition_model()
    return rendition.objects.filter(
        image_id__in=[ids[f"i{n}"] for n in range(count)], filter_spec__in=spec_list
    )


_RENDITIONS = Statement(_renditions_by_id)


def attach(images, spec_list):
    """Set `prefetched_renditions` (what Wagtail's picture tags look in) on these images: their
    renditions of `spec_list`, in one compiled query whatever the images' number. An image
    listed twice (two stories with one picture) gets rendition instances of its own, as
    Django's prefetch gives it."""
    ids = sorted({image.pk for image in images})
    if not ids:
        return
    found = {}
    for rendition in _RENDITIONS(len(ids), spec_list, **{f"i{n}": pk for n, pk in enumerate(ids)}):
        found.setdefault(rendition.image_id, []).append(rendition)
    taken = set()
    for image in images:
        own = []
        for rendition in found.get(image.pk, ()):
            if rendition.pk in taken:
                rendition = copy.copy(rendition)  # its own state: its own image
            taken.add(rendition.pk)
            rendition.image = image
            own.append(rendition)
        image.prefetched_renditions = own
