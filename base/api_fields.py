"""Serializer fields of the read API (discovery/api.py) that the page models name in their
``api_fields``: images with renditions, StreamField bodies whose pictures come with
renditions, and an episode's audio or video.

Light on imports (models import this module while the app registry loads). Each field can
name the relations it needs (``prefetch(source)``): the pages endpoint prefetches them for a
whole listing, so a listing costs the same number of queries whatever its length. Every URL
is absolute, from the Site's root URL (Wagtail's ``get_full_url``), not from the request's Host.
"""

from django.db.models import Prefetch
from rest_framework.fields import Field
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from base.private_media import original_url

# Rendition name → Wagtail filter spec (never wider or taller than the original).
IMAGE_RENDITIONS = {"medium": "max-800x800", "large": "max-1600x1600"}


def absolute(context, url):
    """``/media/x.jpg`` → ``https://site/media/x.jpg`` (the Site's root URL)."""
    if not url or not url.startswith("/") or url.startswith("//"):
        return url
    # wagtail.api.v2.utils loads the Page model when imported: models import this module.
    from wagtail.api.v2.utils import get_full_url

    return get_full_url(context.get("request"), url)


def images_with_renditions():
    return get_image_model().objects.prefetch_renditions(*IMAGE_RENDITIONS.values())


def image_payload(image, context):
    """An image as the API gives it: its alt text, its original and its renditions."""
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    alt = getattr(image, "default_alt_text", "") or image.title
    router = context.get("router")
    detail_url = router.get_object_detail_urlpath(type(image), image.pk) if router else None
    return {
        "id": image.pk,
        "meta": {
            "type": "wagtailimages.Image",
            "detail_url": absolute(context, detail_url),
            "download_url": absolute(context, original_url(image)),
        },
        "title": image.title,
        "alt": alt,
        "width": image.width,
        "height": image.height,
        "download_url": absolute(context, original_url(image)),
        "renditions": {
            name: {
                "url": absolute(context, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
                "alt": alt,
            }
            for name, spec in IMAGE_RENDITIONS.items()
        },
    }


class ImageWithRenditionsField(Field):
    """A page's image (a foreign key) with its renditions."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    @staticmethod
    def prefetch(source):
        return [Prefetch(source, queryset=images_with_renditions())]

    def to_representation(self, image):
        return image_payload(image, self.context)


class EpisodeMediaField(Field):
    """An episode's audio or video: file URL, type, duration, frame size, poster, captions."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    @staticmethod
    def prefetch(source):
        return [source, Prefetch(f"{source}__poster", queryset=images_with_renditions())]

    def to_representation(self, media):
        if media is None:
            return None
        return {
            "id": media.pk,
            "title": media.title,
            "type": media.type,
            "mime_type": media.mime_type,
            "url": absolute(self.context, media.file.url) if media.file else None,
            "duration": media.duration,
            "duration_text": media.duration_text,
            "width": media.width,
            "height": media.height,
            "poster": image_payload(media.poster if media.poster_id else None, self.context),
            "captions_url": absolute(self.context, media.captions.url) if media.captions else None,
            "captions_language": media.captions_language if media.captions else None,
            "transcript": media.transcript,
        }


class StreamWithImagesField(Field):
    """A StreamField as Wagtail's API gives it, but every image chooser (at any depth) is the
    image with its renditions instead of a bare id. The images of a whole listing are fetched
    together (with their renditions) the first time one body is serialized."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def _images(self):
        key = f"_stream_images_{self.source}"
        if key not in self.context:
            instances = self.root.instance
            if not isinstance(instances, (list, tuple)) and not hasattr(instances, "model"):
                instances = [instances]
            ids = set()
            for instance in instances:
                value = getattr(instance, self.source, None)
                if value is not None:
                    _image_ids(value.stream_block, list(value.raw_data), ids)
            self.context[key] = images_with_renditions().in_bulk(ids) if ids else {}
        return self.context[key]

    def to_representation(self, value):
        return _represent(value.stream_block, list(value.raw_data), self.context, self._images())


def _image_ids(block, raw, ids):
    if isinstance(block, ImageChooserBlock):
        if isinstance(raw, int) or (isinstance(raw, str) and raw.isdigit()):
            ids.add(int(raw))
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            _image_ids(child, raw.get(name), ids)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, (list, tuple)):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                _image_ids(child, item.get("value"), ids)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, (list, tuple)):
        for item in raw:
            _image_ids(
                block.child_block, item.get("value") if isinstance(item, dict) else item, ids
            )


def _represent(block, raw, context, images):
    if isinstance(block, ImageChooserBlock):
        try:
            return image_payload(images.get(int(raw)), context)
        except (TypeError, ValueError):
            return None
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        return {
            name: _represent(child, raw.get(name), context, images)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.StreamBlock) and isinstance(raw, (list, tuple)):
        return [
            {
                "type": item["type"],
                "value": _represent(
                    block.child_blocks[item["type"]], item.get("value"), context, images
                ),
                "id": item.get("id"),
            }
            for item in raw
            if isinstance(item, dict) and item.get("type") in block.child_blocks
        ]
    if isinstance(block, blocks.ListBlock) and isinstance(raw, (list, tuple)):
        return [
            _represent(
                block.child_block,
                item.get("value") if isinstance(item, dict) and "value" in item else item,
                context,
                images,
            )
            for item in raw
        ]
    return block.get_api_representation(block.to_python(raw), context)
