"""Wagtail's {% picture %} and {% srcset_image %}, with each width offered once.

A rendition is never upscaled: for a picture narrower than the larger sizes asked for,
"fill-{480x270,960x540}" gives two 480-pixel renditions, and Wagtail would list both as
"480w": a srcset with two candidates of one width is invalid HTML (the browser may take
either). Load this library after wagtailimages_tags; the tags take the same arguments.

The HTML is Wagtail's, byte for byte (tests/base/test_pictures.py compares them), written with
plain string escaping: Wagtail builds every attribute through format_html and its lazy-string
wrappers, some 400 function calls a picture, and a listing shows a dozen pictures.
"""

from html import escape

from django import template
from django.apps import apps
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture, ResponsiveImage
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


def _escaped(value):
    """Django's conditional_escape: safe strings as they are, anything else escaped."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return escape(str(value))


def flat_attributes(attrs):
    """Django's flatatt (forms/utils.py), without its lazy wrappers: ' key="value"' pairs sorted
    by key, then the true boolean attributes, sorted; None and False left out."""
    pairs, flags = [], []
    for key, value in attrs.items():
        if isinstance(value, bool):
            if value:
                flags.append(key)
        elif value is not None:
            pairs.append((key, value))
    pairs.sort()
    flags.sort()
    return "".join(f' {_escaped(key)}="{_escaped(value)}"' for key, value in pairs) + "".join(
        f" {_escaped(key)}" for key in flags
    )


def img_tag(rendition, attrs):
    """Rendition.img_tag(attrs)."""
    merged = rendition.attrs_dict.copy()
    merged.update(apps.get_app_config("wagtailimages").default_attrs)
    merged.update(attrs)
    return f"<img{flat_attributes(merged)}>"


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
    def __html__(self):
        attrs = dict(self.attrs or {})
        if len(self.renditions) > 1:
            attrs["srcset"] = self.get_width_srcset(self.renditions)
        return mark_safe(img_tag(self.renditions[0], attrs))  # noqa: S308 (escaped above)


class SitePicture(_EachWidthOnce, Picture):
    def __html__(self):
        if not self.formats:
            return mark_safe(f"<picture>{SiteResponsiveImage.__html__(self)}</picture>")  # noqa: S308
        attrs = dict(self.attrs or {})
        fallback_format = self.get_fallback_format()
        fallback = self.formats[fallback_format]
        sources = []
        for fmt in self.source_format_order:
            if fmt.name != fallback_format and fmt.name in self.formats:
                source_attrs = {
                    "srcset": self.get_width_srcset(self.formats[fmt.name]),
                    "sizes": attrs.get("sizes"),
                    "type": fmt.mime_type,
                }
                sources.append(f"<source{flat_attributes(source_attrs)}>")
        if len(fallback) > 1:
            attrs["srcset"] = self.get_width_srcset(fallback)
        return mark_safe(f"<picture>{''.join(sources)}{img_tag(fallback[0], attrs)}</picture>")  # noqa: S308


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
