"""Metadata for search engines and social shares: descriptions, Open Graph, JSON-LD.

A page type joins by defining any of these (all optional):

- ``get_meta_description()`` → str (default: search_description, else the first snippet text
  part of a FoldedSearchMixin page, e.g. a story's lead);
- ``get_social_image()`` → an image (default: ``search_image()``), shared as a 1200×630 JPEG;
- ``get_structured_data(request)`` → a dict or list of JSON-LD objects (NewsArticle for stories;
  ``person_or_organization()`` and ``event()`` below build those of exemplars and conferences).

Every page also gets a BreadcrumbList.
"""

import json

from django.utils.text import Truncator

from language.vietnamese import nfc

SOCIAL_RENDITION = "fill-1200x630|format-jpeg"
DESCRIPTION_LENGTH = 200
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def meta_description(page):
    if page is None:
        return ""
    custom = getattr(page, "get_meta_description", None)
    if callable(custom):
        text = custom()
    else:
        text = page.search_description
        if not text and hasattr(page, "get_snippet_text_parts"):
            parts = [part for part in page.get_snippet_text_parts() if part]
            text = parts[0] if parts else ""
    return Truncator(" ".join(nfc(text or "").split())).chars(DESCRIPTION_LENGTH)


def social_image(page):
    if page is None:
        return None
    getter = getattr(page, "get_social_image", None) or getattr(page, "search_image", None)
    return getter() if callable(getter) else None


def social_rendition(image):
    return image.get_rendition(SOCIAL_RENDITION) if image is not None else None


def json_ld(data):
    """JSON for a <script type="application/ld+json">, safe inside HTML."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        _JSON_SCRIPT_ESCAPES
    )


def breadcrumb_list(items):
    """items: [(name, absolute url)] from the home page down to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def organization(name, url=None, logo_url=None):
    data = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    if logo_url:
        data["logo"] = {"@type": "ImageObject", "url": logo_url}
    return data


def person_or_organization(
    *, is_person, name, url, description="", image_url=None, awards=(), extra=None
):
    """JSON-LD for an exemplar: a Person (individual) or an Organization (collective)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person" if is_person else "Organization",
        "name": name,
        "url": url,
    }
    if description:
        data["description"] = description
    if image_url:
        data["image"] = image_url
    if awards:
        data["award"] = list(awards)
    data.update(extra or {})
    return data


def event(*, name, url, start, end=None, location_name="", address="", organizer=None, **extra):
    """JSON-LD Event for a conference or congress."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "url": url,
        "startDate": start.isoformat() if start else None,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if end:
        data["endDate"] = end.isoformat()
    if location_name or address:
        data["location"] = {"@type": "Place", "name": location_name or address, "address": address}
    if organizer:
        data["organizer"] = organizer
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}
