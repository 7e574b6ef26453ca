"""Read-API serializers for stories (prefetch-friendly: no query per story)."""

from rest_framework.fields import Field


class TagNamesField(Field):
    """A story's tag names, from its (prefetched) tagged items, sorted by name."""

    def __init__(self, **kwargs):
        super().__init__(source="tagged_items", read_only=True, **kwargs)

    def to_representation(self, value):
        return sorted(tagged.tag.name for tagged in value.all())
