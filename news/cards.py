"""Story cards, rendered in Python.

A card is the listings' unit: the home page shows about fifteen, a tag or section page twelve,
a story four, and a render from nothing (after a publication) makes each again. As a template
include a card cost ~0.5 ms (a context push and some forty nodes: two `{% pageurl %}`, a
`{% picture %}` whose filters are parsed each time, the comment link's own include); built
here it is one URL, one picture and a format_html. What a card needs is read by
`models.listings.story_listing` (the picture's renditions and the comment count).
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

from base.templatetags.site_images import SitePicture
from comments.display import count_link
from language.templatetags.vietnamese import time_datetime
from language.vietnamese import format_date

from .models.listings import LISTING_PICTURE

LEAD_WORDS = 45

# The picture's sizes by variant: the lead fills the first screen's column (fetched at once,
# it is the largest element), a compact card's thumbnail is 110 px (the side columns), a row's
# 38 % of a phone's width and a column on wider screens (site.css).
PICTURE_ATTRS = {
    "lead": {"sizes": "(max-width: 699px) 100vw, 720px", "alt": "", "fetchpriority": "high"},
    "compact": {"sizes": "110px", "alt": "", "loading": "lazy"},
    None: {"sizes": "(max-width: 699px) 38vw, 480px", "alt": "", "loading": "lazy"},
}
_FILTERS = [Filter(spec=spec) for spec in Filter.expand_spec(LISTING_PICTURE)]


def picture_html(image, variant):
    renditions = get_renditions_or_not_found(image, _FILTERS)
    attrs = PICTURE_ATTRS.get(variant, PICTURE_ATTRS[None])
    return SitePicture(renditions, dict(attrs)).__html__()


def story_card(story, request=None, variant=None, heading_level=3, show_lead=False):
    """One story's card (`<article class="story-card">`): its picture, title, kind, date and
    comment link, and its lead for the lead story or where `show_lead` asks. Its title and
    lead are in the edition's language (listings show the edition's own stories)."""
    url = story.get_url(request)
    lang = get_language() or "vi"
    media = ""
    if story.featured_image_id:
        media = format_html(
            '<a class="story-card__media" href="{}" tabindex="-1" aria-hidden="true">{}</a>',
            url,
            mark_safe(picture_html(story.featured_image, variant)),  # noqa: S308 (Wagtail's HTML)
        )
    heading = "h2" if heading_level == 2 else "h3"
    kind = ""
    if story.kind == "anh":
        kind = format_html(
            '<span class="story-card__kind">{}</span> · ', pgettext("story card", "Photos")
        )
    date = story.date
    lead = ""
    if variant == "lead" or show_lead:
        lead = format_html(
            '<p class="story-card__lead" lang="{}">{}</p>',
            lang,
            Truncator(story.lead).words(LEAD_WORDS, truncate=" …"),
        )
    return format_html(
        '<article class="story-card{}">{}<div class="story-card__body">'
        '<{} class="story-card__title" lang="{}"><a href="{}">{}</a></{}>'
        '<p class="story-card__meta">{}<time datetime="{}">{}</time>{}</p>{}</div></article>',
        f" story-card--{variant}" if variant else "",
        media,
        mark_safe(heading),  # noqa: S308 (one of two literals)
        lang,
        url,
        story.title,
        mark_safe(heading),  # noqa: S308
        kind,
        time_datetime(date),
        format_date(date),
        count_link(url, getattr(story, "approved_comment_count", 0)),
        lead,
    )
