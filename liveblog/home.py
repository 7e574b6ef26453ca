"""The home page's "Trực tiếp" badge (HOME_LIVE_PROVIDERS: read on every home render)."""

from caching import site_values, view_restrictions

from .models import LiveBlogPage


def live_badge(home_page):
    """The newest running live blog on this site, or None. Kept with the values under the
    site stamp (caching/site_values.py), which a live blog's publication, end or reopening
    moves (models.announce): no query on a home render."""
    return {
        "running_live_blog": site_values.get(
            f"live-badge:{home_page.pk}", lambda: running_blog(home_page)
        )
    }


def running_blog(home_page):
    running = LiveBlogPage.objects.descendant_of(home_page).filter(ended_at__isnull=True)
    blog = (
        view_restrictions.readable(running)
        .only("pk", "title", "url_path")
        .order_by("-first_published_at", "-pk")
        .first()
    )
    return blog
