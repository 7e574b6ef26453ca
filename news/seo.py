"""NewsArticle JSON-LD for stories (see discovery.seo)."""

from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin

from base.blocks import GALLERY_FULL, gallery_items
from base.models import SiteIdentity
from discovery import seo


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def article_structured_data(page, request):
    identity = SiteIdentity.for_request(request) if request is not None else None
    publisher_name = getattr(identity, "publisher_name", "") or "Kon Tum Online"
    url = page.get_full_url(request)
    index = page.news_index()
    authors = []
    for reporter in page.reporters():
        author = {"@type": "Person", "name": reporter.name}
        if isinstance(index, RoutablePageMixin):
            path = index.reverse_subpage("reporter", args=[reporter.slug])
            author["url"] = index.get_full_url(request) + path
        authors.append(author)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": page.title[:110],
        "description": seo.meta_description(page),
        "datePublished": _iso(page.date),
        "dateModified": _iso(page.last_published_at or page.date),
        "inLanguage": seo.page_language(page),
        "articleSection": page.section.title if page.section else None,
        "author": authors or [seo.organization(publisher_name)],
        "publisher": seo.publisher(request, publisher_name),
    }
    rendition = seo.social_rendition(page.picture_with_renditions())
    if rendition is not None:
        data["image"] = [seo.absolute_url(request, rendition.url)]
    else:
        data["image"] = [seo.station_card(request)[0]]
    if page.kind == "anh":
        data["image"] = _gallery_images(page, request) or data["image"]
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": note.text,
            "datePublished": _iso(note.date),
        }
        for note in page.dated_notes()
        if note.kind == "correction"
    ]
    if corrections:
        data["correction"] = corrections
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def _gallery_images(page, request):
    """A photo story's pictures as ImageObjects (the viewer's rendition, its caption and
    credit), fetched with their renditions in two queries."""
    found = []
    for block in page.body:
        if block.block_type != "gallery":
            continue
        for item in gallery_items(block.value):
            rendition = item["image"].get_rendition(GALLERY_FULL)
            image = {
                "@type": "ImageObject",
                "url": seo.absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "caption": item["caption"],
                "creditText": item["credit"],
            }
            found.append({key: value for key, value in image.items() if value not in (None, "")})
    return found
