"""Which embedded URLs our embed blocks can show: decided offline by Wagtail's own oEmbed
provider list (the patterns `wagtail.embeds.finders.oembed.OEmbedFinder` matches), never by
asking the network during an import."""

import re
from functools import cache
from urllib.parse import parse_qs, urlsplit

from wagtail.embeds import oembed_providers
from wagtail.embeds.finders.oembed import OEmbedFinder

VIDEO_PROVIDERS = (
    "youtube",
    "vimeo",
    "dailymotion",
    "ted",
    "wordpress",  # wordpress.tv
    "vidyard",
    "wistia",
    "viddler",
    "videojug",
    "ustream",
    "vzaar",
    "animoto",
    "coub",
)


@cache
def _finders():
    video = [getattr(oembed_providers, name) for name in VIDEO_PROVIDERS]
    return OEmbedFinder(providers=video), OEmbedFinder()


def player_url(src):
    """The page URL of a known player iframe (YouTube, Vimeo), which oEmbed understands."""
    src = (src or "").strip()
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    host = parts.netloc.lower().removeprefix("www.")
    if host in ("youtube.com", "youtube-nocookie.com") and parts.path.startswith("/embed/"):
        video = parts.path.split("/embed/", 1)[1].split("/")[0]
        if video and video != "videoseries":
            return f"https://www.youtube.com/watch?v={video}"
        listing = parse_qs(parts.query).get("list")
        if listing:
            return f"https://www.youtube.com/playlist?list={listing[0]}"
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return "https://vimeo.com/" + parts.path.split("/video/", 1)[1].split("/")[0]
    if host == "dailymotion.com" and parts.path.startswith("/embed/video/"):
        return "https://www.dailymotion.com/video/" + parts.path.rsplit("/", 1)[1]
    return src


def kind(url):
    """ "video", "embed" (another oEmbed provider Wagtail knows) or None (unknown)."""
    url = (url or "").strip()
    if not re.match(r"^https?://", url):
        return None
    video, every = _finders()
    if video.accept(url):
        return "video"
    if every.accept(url):
        return "embed"
    return None
