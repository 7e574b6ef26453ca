"""Read-API serializer fields for exemplars (prefetch-friendly: no query per exemplar)."""

from rest_framework.fields import Field

from exemplars.links import stories_mentioning_many


def story_link(story):
    return {
        "id": story.pk,
        "title": story.title,
        "url": story.url,
        "date": story.display_date.isoformat() if story.display_date else None,
    }


class LinkedStoriesField(Field):
    """Every live story about the exemplar, newest first. In a listing, the stories of all
    its exemplars are fetched together the first time (exemplars.links.stories_mentioning_many).
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, exemplar):
        key = "_exemplar_linked_stories"
        found = self.context.get(key)
        if found is None or exemplar.pk not in found:
            instances = self.root.instance
            if not isinstance(instances, (list, tuple)) and not hasattr(instances, "model"):
                instances = [instances]
            found = self.context[key] = stories_mentioning_many(instances)
        return [story_link(story) for story in found.get(exemplar.pk, [])]
