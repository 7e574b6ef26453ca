"""The blocks of a content page beyond text, headings and plain pictures."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "kontum_site/blocks/captioned_image.html"


# The renditions a gallery shows: thumbnails cropped around each picture's focal point
# (Wagtail's ``fill`` honours it) and the whole picture for the viewer.
GALLERY_THUMBS = ("fill-400x300", "fill-800x600")
GALLERY_FULL = "max-1600x1600"
GALLERY_RENDITIONS = (*GALLERY_THUMBS, GALLERY_FULL)


def image_credit(image):
    """The credit an image carries itself, when the image model has such a field."""
    return getattr(image, "credit", "") or ""


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        help_text=_("Empty: the image's own credit, if it has one."),
    )

    class Meta:
        icon = "image"
        label = _("Picture")


class GalleryBlock(blocks.StructBlock):
    """A photo story's pictures: a plain list of figures; the script adds a viewer."""

    images = blocks.ListBlock(GalleryImageBlock(), min_num=1, label=_("Pictures"))
    caption = blocks.CharBlock(label=_("Gallery caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Photo gallery")
        template = "kontum_site/blocks/gallery.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = gallery_items(value)
        return context


def gallery_items(value):
    """The gallery's pictures, each with its renditions fetched for all of them at once
    (two queries for the whole gallery), and its credit defaulting to the image's own."""
    from wagtail.images import get_image_model

    ids = [item["image"].pk for item in value["images"] if item["image"] is not None]
    fetched = get_image_model().objects.prefetch_renditions(*GALLERY_RENDITIONS).in_bulk(ids)
    items = []
    for item in value["images"]:
        image = fetched.get(item["image"].pk) if item["image"] is not None else None
        if image is None:
            continue
        items.append(
            {
                "image": image,
                "caption": item["caption"],
                "credit": item["credit"] or image_credit(image),
            }
        )
    return items


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "kontum_site/blocks/quote.html"


class PreformattedBlock(blocks.TextBlock):
    class Meta:
        icon = "code"
        label = _("Preformatted text")
        template = "kontum_site/blocks/preformatted.html"


def content_page_blocks():
    return [
        ("captioned_image", CaptionedImageBlock()),
        ("gallery", GalleryBlock()),
        ("quote", QuoteBlock()),
        ("table", TableBlock(label=_("Table"))),
        ("preformatted", PreformattedBlock()),
        ("embed", EmbedBlock(label=_("Embed from another site"), icon="media")),
    ]
