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
        ("quote", QuoteBlock()),
        ("table", TableBlock(label=_("Table"))),
        ("preformatted", PreformattedBlock()),
        ("embed", EmbedBlock(label=_("Embed from another site"), icon="media")),
    ]
