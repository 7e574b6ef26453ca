"""{% share_links page %}: Facebook, Zalo and "copy link" for a page, pointing at its canonical
address (the one Open Graph's ``og:url`` gives, so the preview the network fetches is the
page's own card)."""

from django import template

from discovery import seo
from sharing.links import facebook_share_url, zalo_share_url

register = template.Library()


@register.inclusion_tag("sharing/share_links.html", takes_context=True)
def share_links(context, page, title=""):
    request = context.get("request")
    # With the request, Wagtail reads the site's root paths once per request (not per page).
    path = page.get_url(request) if page is not None else None
    url = seo.absolute_url(request, path) if path else ""
    return {
        "share_url": url,
        "share_title": title or getattr(page, "title", ""),
        "facebook_url": facebook_share_url(url) if url else "",
        "zalo_url": zalo_share_url(url) if url else "",
    }
