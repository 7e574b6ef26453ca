"""robots.txt; sitemap.xml itself comes from wagtail.contrib.sitemaps."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from editions.editions import edition_homes

from .seo import absolute_url


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    # Every existing edition's search and sitemaps (/tim-kiem/ and /en/tim-kiem/…).
    codes = list(edition_homes(request)) or [settings.LANGUAGE_CODE]
    searches, sitemaps = [], []
    for code in codes:
        with translation.override(code):
            searches.append(f"Disallow: {reverse('site_search')}")
            sitemaps.append(f"Sitemap: {absolute_url(request, reverse('sitemap'))}")
            sitemaps.append(f"Sitemap: {absolute_url(request, reverse('news_sitemap'))}")
    lines = ["User-agent: *", "Disallow: /admin/", *searches, "", *sitemaps, ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    """/favicon.ico for browsers and crawlers that ask for it: the site's icon."""
    return redirect(static("kontum_site/favicon.svg"), permanent=True)
