from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from avmedia.blocks import AudioBlock, VideoBlock
from base.blocks import GalleryBlock
from exemplars.blocks import ExemplarCardBlock

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "h3",
    "h4",
    "superscript",  # m², CO₂, 1er: imported archives have them
    "subscript",
    "strikethrough",
    "code",
]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(label=_("Credit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "news/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "news/blocks/document_link.html"


class PreformattedBlock(blocks.TextBlock):
    """Text shown as typed, line breaks and indentation kept (code, tables typed in spaces)."""

    class Meta:
        icon = "code"
        label = _("Preformatted text")
        template = "news/blocks/preformatted.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "news/blocks/heading.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    video = EmbedBlock(label=_("Video from another site (embed)"), icon="media")
    embed = EmbedBlock(label=_("Post from another site (embed)"), icon="link")
    station_video = VideoBlock(label=_("Video of the station"))
    station_audio = AudioBlock(label=_("Audio of the station"))
    document = DocumentLinkBlock()
    table = TableBlock(label=_("Table"))
    preformatted = PreformattedBlock()
    exemplar = ExemplarCardBlock()
