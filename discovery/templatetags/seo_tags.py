"""{% seo_head %}: canonical link, Open Graph, Twitter card, JSON-LD and feed links."""

import contextlib

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from base.models import HomePage, SiteIdentity
from discovery import seo

register = template.Library()


def home_structured_data(request):
    """The home page's NewsMediaOrganization and WebSite with a SearchAction (the home page
    is base's; what search engines read of it is this app's)."""
    identity = SiteIdentity.for_request(request) if request is not None else None
    site_name = getattr(identity, "site_name", "") or "Kon Tum Online"
    data = seo.home_page_data(
        request,
        site_name=site_name,
        publisher_name=getattr(identity, "publisher_name", "") or site_name,
        search_path=reverse("site_search"),
    )
    return data if isinstance(data, list) else [data]


def _site_identity(context):
    settings = context.get("settings")
    try:
        return settings["kontum_site"]["SiteIdentity"]
    except (TypeError, KeyError, AttributeError):
        return None


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    page = context.get("page")
    if page is not None and not hasattr(page, "get_breadcrumbs"):
        page = None
    identity = _site_identity(context)
    site_name = getattr(identity, "site_name", "") or "Kon Tum Online"
    publisher = getattr(identity, "publisher_name", "") or site_name
    canonical = context.get("canonical_url")
    if canonical is None and request is not None:
        canonical = seo.canonical_url(request)

    description = context.get("meta_description") or seo.meta_description(page)
    image = seo.social_image(page)
    rendition = seo.social_rendition(image)
    if rendition is not None:
        image_url = seo.absolute_url(request, rendition.url)
        image_width, image_height = rendition.width, rendition.height
    else:  # every page kind shares a 1200 × 630 picture: the station's card at least
        image_url, image_width, image_height = seo.station_card(request)

    structured = []
    if page is not None:
        getter = getattr(page, "get_structured_data", None)
        if callable(getter):
            data = getter(request)
            structured.extend(data if isinstance(data, list) else [data])
        elif isinstance(page, HomePage):
            structured.extend(home_structured_data(request))
        if page.depth > 2 and request is not None:
            crumbs = [
                (_("Home") if crumb.depth == 2 else crumb.title, crumb.get_full_url(request))
                for crumb in page.get_breadcrumbs()
            ]
            crumbs.append((page.title, page.get_full_url(request)))
            structured.append(seo.breadcrumb_list(crumbs))

    feeds = list(context.get("feed_links") or [])
    with contextlib.suppress(NoReverseMatch):  # the news app provides the site-wide feed
        feeds.insert(0, (_("Latest news"), reverse("feeds:latest")))

    title = context.get("page_title") or (
        (page.seo_title or page.title) if page is not None else site_name
    )
    return {
        "canonical": canonical,
        "og_type": "article"
        if any(d.get("@type") == "NewsArticle" for d in structured)
        else ("website"),
        "title": title,
        "description": description,
        "site_name": site_name,
        "publisher": publisher,
        "image_url": image_url,
        "image_width": image_width,
        "image_height": image_height,
        "image_alt": getattr(image, "title", "") if image else site_name,
        "structured": [mark_safe(seo.json_ld(item)) for item in structured],
        "feeds": feeds,
        "noindex": context.get("noindex", False),
        "og_locale": _og_locale(),
    }


def _og_locale():
    """Open Graph's language_TERRITORY: the edition's language, in Viet Nam (English for
    readers abroad is en_US, the form Facebook knows)."""
    language = translation.get_language() or "vi"
    return "en_US" if language == "en" else f"{language}_VN"


@register.simple_tag(takes_context=True)
def meta_description(context):
    return context.get("meta_description") or seo.meta_description(context.get("page"))
