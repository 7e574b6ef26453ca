"""Wagtail's {% picture %} and {% srcset_image %}, with each width offered once.

A rendition is never upscaled: for a picture narrower than the larger sizes asked for,
"fill-{480x270,960x540}" gives two 480-pixel renditions, and Wagtail would list both as
"480w": a srcset with two candidates of one width is invalid HTML (the browser may take
either). Load this library after wagtailimages_tags; the tags take the same arguments.
"""

from django import template
from wagtail.images.models import Picture, ResponsiveImage
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class _EachWidthOnce:
    @classmethod
    def get_width_srcset(cls, renditions_list):
        if len(renditions_list) == 1:
            return super().get_width_srcset(renditions_list)
        widths, kept = set(), []
        for rendition in renditions_list:
            if rendition.width not in widths:
                widths.add(rendition.width)
                kept.append(rendition)
        # Width descriptors stay even when one rendition is left: the tag's sizes needs them.
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in kept)


class SiteResponsiveImage(_EachWidthOnce, ResponsiveImage):
    pass


class SitePicture(_EachWidthOnce, Picture):
    pass


class _Node:
    wrapper = None
    _filters = None

    def get_filters(self):
        # Wagtail makes new Filter objects for every picture, and each parses its operations
        # again (an inspect.getcallargs per operation: ~8 ms of a home page's 13 pictures).
        # The node lives as long as its compiled template; its filters are the same each time.
        if self._filters is None:
            self._filters = super().get_filters()
        return self._filters

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = wagtailimages_tags.get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = self.wrapper(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return self.wrapper(renditions, attrs).__html__()


class SrcsetImageNode(_Node, wagtailimages_tags.SrcsetImageNode):
    wrapper = SiteResponsiveImage


class PictureNode(_Node, wagtailimages_tags.PictureNode):
    wrapper = SitePicture


def _tag(parser, token):
    node = wagtailimages_tags.image(parser, token)  # Wagtail's parsing and its errors
    site_node = {"picture": PictureNode, "srcset_image": SrcsetImageNode}[token.contents.split()[0]]
    return site_node(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


register.tag("picture", _tag)
register.tag("srcset_image", _tag)
