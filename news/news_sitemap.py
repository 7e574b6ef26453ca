"""A Google News sitemap (/sitemap-news.xml): the stories published in the last two days,
newest first, at most 1000, with the news: tags Google reads (publication name and language,
publication date, title). Listed in robots.txt next to the sitemap of every page."""

from datetime import timedelta
from xml.sax.saxutils import XMLGenerator

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from base.models import SiteIdentity
from discovery import seo
from editions.editions import current_language

from .feeds import conditional
from .models import ArticlePage

MAX_URLS = 1000  # Google's limit for one news sitemap
WINDOW = timedelta(days=2)
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


def recent_stories(now=None, language=None):
    """The edition's recent stories (each edition has its own news sitemap: /sitemap-news.xml,
    /en/sitemap-news.xml…)."""
    since = (now or timezone.now()) - WINDOW
    return (
        ArticlePage.objects.live()
        .public()
        .filter(locale__language_code=language or current_language())
        .filter(display_date__gte=since, display_date__lte=now or timezone.now())
        .order_by("-display_date", "-pk")[:MAX_URLS]
    )


@require_GET
def news_sitemap(request):
    identity = SiteIdentity.for_request(request)
    name = getattr(identity, "site_name", "") or "Kon Tum Online"
    response = HttpResponse(content_type="application/xml; charset=utf-8")
    xml = XMLGenerator(response, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("urlset", {"xmlns": SITEMAP, "xmlns:news": NEWS})
    language = current_language()
    for story in recent_stories(language=language):
        xml.startElement("url", {})
        _element(xml, "loc", seo.absolute_url(request, story.get_url(request)))
        xml.startElement("news:news", {})
        xml.startElement("news:publication", {})
        _element(xml, "news:name", name)
        _element(xml, "news:language", language)
        xml.endElement("news:publication")
        _element(xml, "news:publication_date", timezone.localtime(story.date).isoformat())
        _element(xml, "news:title", story.title)
        xml.endElement("news:news")
        xml.endElement("url")
    xml.endElement("urlset")
    xml.endDocument()
    response["Cache-Control"] = "public, max-age=300"

    return conditional(request, response)  # ETag, and 304 when it matches


def _element(xml, name, text):
    xml.startElement(name, {})
    xml.characters(text)
    xml.endElement(name)
