"""StreamField blocks that embed a video or an audio file in a story's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock


class VideoBlock(blocks.StructBlock):
    media = VideoChooserBlock(label=_("video"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "avmedia/blocks/media_block.html"


class AudioBlock(blocks.StructBlock):
    media = AudioChooserBlock(label=_("audio"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "avmedia/blocks/media_block.html"
