"""`LiveBlogPosting` JSON-LD (schema.org; emitted by discovery's seo_head like every page's)."""

from django.utils import timezone

from base.models import SiteIdentity
from discovery import seo

JSON_LD_UPDATES = 50


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def live_blog_posting(page, request):
    identity = SiteIdentity.for_request(request) if request is not None else None
    publisher_name = getattr(identity, "publisher_name", "") or "Kon Tum Online"
    url = page.get_full_url(request)
    updates = [u for u in page.shown_updates() if not u.deleted_at][:JSON_LD_UPDATES]
    entries = []
    for update in updates:
        entry = {
            "@type": "BlogPosting",
            "headline": update.headline or page.title[:110],
            "articleBody": "\n\n".join(part for part in (update.text, update.quote) if part),
            "datePublished": _iso(update.created_at),
            "dateModified": _iso(update.edited_at or update.created_at),
            "url": f"{url}#{update.anchor}",
        }
        if update.byline:
            entry["author"] = {"@type": "Person", "name": update.byline}
        entries.append({key: value for key, value in entry.items() if value})
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "@id": url,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": page.title[:110],
        "description": seo.meta_description(page),
        "inLanguage": seo.page_language(page),
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(updates[0].created_at if updates else page.last_published_at),
        "coverageStartTime": _iso(page.coverage_start_time),
        "coverageEndTime": _iso(page.ended_at),
        "publisher": seo.publisher(request, publisher_name),
        "image": [seo.station_card(request)[0]],
        "liveBlogUpdate": entries,
    }
    return {key: value for key, value in data.items() if value not in (None, [], "")}
