"""Read-API serializers for stories (prefetch-friendly: no query per story)."""

from rest_framework.fields import Field


class TagNamesField(Field):
    """A story's tags (name and slug), from its (prefetched) tagged items, sorted by name."""

    def __init__(self, **kwargs):
        super().__init__(source="tagged_items", read_only=True, **kwargs)

    def to_representation(self, value):
        tags = sorted((tagged.tag for tagged in value.all()), key=lambda tag: tag.name)
        return [{"name": tag.name, "slug": tag.slug} for tag in tags]
