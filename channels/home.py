"""The home page's "Trực tuyến" box (HOME_LIVE_PROVIDERS: read on every home render,
outside the cached fragments; channels/periodic.py purges the page at each slot start)."""

from .on_air import on_air


def on_air_now(home_page):
    channels = on_air().channels
    return {
        "on_air_channels": channels,
        "home_live_templates": ["channels/includes/on_air_home.html"] if channels else [],
    }
