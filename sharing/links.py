"""Plain share links: an address the reader's browser opens, no third-party script, no tracking.

Facebook documents its sharer address; Zalo documents only its script plugin (a third-party
request on every page view), so the link uses the share address Vietnamese sites open without
it. On phones the page's script also offers the system's share sheet (the Web Share API), which
lists Zalo, Messenger and the rest where they are installed."""

from urllib.parse import urlencode

FACEBOOK_SHARER = "https://www.facebook.com/sharer/sharer.php"
ZALO_SHARER = "https://sp.zalo.me/share"


def facebook_share_url(url):
    return f"{FACEBOOK_SHARER}?{urlencode({'u': url})}"


def zalo_share_url(url):
    return f"{ZALO_SHARER}?{urlencode({'url': url})}"
