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
from urllib.parse import urlencode, urlsplit

from django.templatetags.static import static
from django.utils.text import Truncator
from wagtail.models import Site

from editions.editions import current_language
from language.vietnamese import nfc

# Exactly 1200 × 630 whatever the picture's size (base/image_cards.py).
SOCIAL_RENDITION = "card-1200x630|format-jpeg"
# The station's own card and logo, for pages without a picture of their own.
STATION_CARD = ("kontum_site/social-card.jpg", 1200, 630)
STATION_LOGO = ("kontum_site/logo.png", 512, 512)
DESCRIPTION_LENGTH = 200
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def site_root_url(request=None):
    """The Site's own root ("https://kontumonline.vn"), as the canonical links use it: from the
    Site record found for the request, never from the request's Host header."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url.rstrip("/") if site is not None else ""


def absolute_url(request, url):
    """``url`` (a path, "/media/…", or already absolute) as an absolute URL on the Site.

    The one way this site writes an absolute URL (feeds, Open Graph, JSON-LD, robots.txt,
    sitemaps): a request with another allowed Host (a port, "localhost") changes nothing."""
    if not url:
        return url
    if urlsplit(url).scheme:  # already absolute (e.g. media on a CDN)
        return url
    if url.startswith("//"):
        return "https:" + url
    if not url.startswith("/"):
        url = "/" + url
    return site_root_url(request) + url


# Query parameters that never make another page (campaign tracking, click ids).
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "zarsrc", "_hsenc", "mc_")


def canonical_url(request):
    """The page as requested, on the Site: a listing's page 2 or a filtered listing is its own
    canonical (Google's advice for paginated series), less tracking parameters and ``page=1``."""
    query = [
        (key, value)
        for key, value in request.GET.items()
        if value
        and not key.startswith(TRACKING_PARAMETERS)
        and not (key == "page" and value == "1")
    ]
    url = absolute_url(request, request.path)
    return f"{url}?{urlencode(query)}" if query else url


def page_language(page):
    """The language of a page's text (JSON-LD `inLanguage`): its edition's. A page answers
    only under its own edition (editions/wagtail_hooks.py), so that is the active language;
    the page's own locale is used when it is already loaded (no query)."""
    locale = page._state.fields_cache.get("locale") if hasattr(page, "_state") else None
    return locale.language_code if locale is not None else current_language()


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
    """The sharing card's rendition. Through get_renditions: Wagtail's get_rendition writes
    the rendition to the cache on every call, even one prefetched with the image."""
    if image is None:
        return None
    return next(iter(image.get_renditions(SOCIAL_RENDITION).values()))


def static_url(request, path):
    return absolute_url(request, static(path))


def station_card(request):
    """(absolute URL, width, height) of the station's 1200 × 630 sharing card."""
    path, width, height = STATION_CARD
    return static_url(request, path), width, height


def station_logo(request):
    path, width, height = STATION_LOGO
    return {
        "@type": "ImageObject",
        "url": static_url(request, path),
        "width": width,
        "height": height,
    }


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


def publisher(request, name):
    """The publisher of the site's stories: a NewsMediaOrganization with its logo."""
    data = organization(name, url=site_root_url(request) + "/")
    data["@type"] = "NewsMediaOrganization"
    data["logo"] = station_logo(request)
    return data


def home_page_data(request, *, site_name, publisher_name, search_path):
    """The home page's NewsMediaOrganization and WebSite (with a SearchAction)."""
    root = site_root_url(request) + "/"
    org = publisher(request, publisher_name)
    org["@context"] = "https://schema.org"
    org["@id"] = root + "#publisher"
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": root + "#website",
        "url": root,
        "name": site_name,
        "inLanguage": current_language(),
        "publisher": {"@id": org["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, search_path) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return [org, website]


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


def postal_address(place_unit):
    """A PostalAddress from an administrative unit (exemplars.Place): its own name as the
    locality, the province above it as the region, Vietnam as the country. None without one."""
    if place_unit is None:
        return None
    chain = []
    unit = place_unit
    while unit is not None and len(chain) < 6:
        chain.append(unit)
        unit = unit.parent if unit.parent_id else None
    province = next((u for u in chain if u.level == "province"), None)
    locality = next((u for u in chain if u.level != "province"), None)
    address = {"@type": "PostalAddress", "addressCountry": "VN"}
    if locality is not None:
        address["addressLocality"] = locality.name
    if province is not None:
        address["addressRegion"] = province.name
    return address


def place(name="", address=None):
    """A schema.org Place; ``address`` a PostalAddress dict or text. Empty values are left out
    (an Event's location needs a name or an address, never an empty string)."""
    data = {"@type": "Place"}
    if isinstance(address, str) and address:
        address = {"@type": "PostalAddress", "streetAddress": address, "addressCountry": "VN"}
    if name:
        data["name"] = name
    if address:
        data["address"] = address
        if not name:
            data["name"] = address.get("addressLocality") or address.get("streetAddress", "")
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
        data["location"] = place(location_name, address)
    if organizer:
        data["organizer"] = organizer
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}
