"""The site's {% picture %} and {% srcset_image %} write Wagtail's HTML, byte for byte, with
their own escaping (base/templatetags/site_images.py): a picture in every shape the site's
templates ask for, and attributes that need escaping."""

import pytest
from django.template import Context, Template
from wagtail.images.models import Filter, Picture, ResponsiveImage
from wagtail.images.templatetags.wagtailimages_tags import get_renditions_or_not_found

from base.templatetags.site_images import SitePicture, SiteResponsiveImage

SHAPES = [
    "format-{webp,jpeg} fill-{480x270,960x540}",
    "format-{avif,webp,jpeg} width-{200,400}",
    "format-jpeg fill-{160x160,320x320}",
    "format-{webp,jpeg} fill-160x160",
    "width-300",
]
ATTRS = [
    {},
    {"sizes": "(max-width: 699px) 100vw, 720px", "alt": "", "fetchpriority": "high"},
    {"alt": "Lễ \"tuyên dương\" <điển hình> & 'tiên tiến'", "loading": "lazy", "class": "a b"},
    {"alt": "Ảnh", "hidden": True, "inert": False, "data-x": None},
]


def renditions_of(image, shape):
    filters = [Filter(spec=spec) for spec in Filter.expand_spec(shape)]
    return get_renditions_or_not_found(image, filters)


@pytest.mark.django_db
@pytest.mark.parametrize("shape", SHAPES)
def test_a_picture_is_wagtails_html_byte_for_byte(make_image, shape):
    image = make_image('Tuyên dương <điển hình> & "tiên tiến"')
    renditions = renditions_of(image, shape)
    for attrs in ATTRS:
        ours = SitePicture(renditions, dict(attrs)).__html__()
        # Wagtail's, with the one thing the site changes (each width listed once).
        wagtails = Picture(renditions, dict(attrs))
        wagtails.get_width_srcset = SitePicture.get_width_srcset
        assert ours == wagtails.__html__()
        ours = SiteResponsiveImage(renditions, dict(attrs)).__html__()
        wagtails = ResponsiveImage(renditions, dict(attrs))
        wagtails.get_width_srcset = SiteResponsiveImage.get_width_srcset
        assert ours == wagtails.__html__()


@pytest.mark.django_db
def test_the_picture_tag_escapes_what_an_editor_typed(make_image):
    image = make_image('Ảnh "đẹp" <b>')
    html = Template(
        "{% load wagtailimages_tags site_images %}"
        "{% picture image format-{webp,jpeg} fill-{480x270,960x540} alt=image.title %}"
    ).render(Context({"image": image}))
    assert 'alt="Ảnh &quot;đẹp&quot; &lt;b&gt;"' in html
    assert "<b>" not in html
    assert html.startswith("<picture><source ") and html.endswith("></picture>")
