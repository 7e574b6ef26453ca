"""The home page's "Trực tiếp" badge (HOME_LIVE_PROVIDERS: read on every home render)."""

from caching import view_restrictions

from .models import LiveBlogPage


def live_badge(home_page):
    """The newest running live blog on this site, or None (one query)."""
    running = LiveBlogPage.objects.descendant_of(home_page).filter(ended_at__isnull=True)
    blog = (
        view_restrictions.readable(running)
        .only("pk", "title", "url_path")
        .order_by("-first_published_at", "-pk")
        .first()
    )
    return {"running_live_blog": blog}
