"""A programme's podcast feed: RSS 2.0 with enclosures and the tags podcast apps read
(the iTunes namespace: author, owner, image, category, explicit, duration).

Built with Django's feed generator, so every text is escaped as XML.
"""

from django.http import HttpResponse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from discovery import seo

FEED_ITEMS = 100
# Apple asks for 1400–3000 px square art: a smaller poster is padded, never blown up
# (base/image_cards.py).
ART_RENDITION = "card-1400x1400|format-jpeg"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


class PodcastFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xmlns:itunes"] = ITUNES
        return attributes

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:explicit", "true" if feed["itunes_explicit"] else "false")
        handler.addQuickElement("itunes:type", "episodic")
        if feed.get("itunes_image"):
            handler.addQuickElement("itunes:image", "", {"href": feed["itunes_image"]})
        main, _sep, sub = feed["itunes_category"].partition("|")
        handler.startElement("itunes:category", {"text": main})
        if sub:
            handler.addQuickElement("itunes:category", "", {"text": sub})
        handler.endElement("itunes:category")
        if feed.get("itunes_email"):
            handler.startElement("itunes:owner", {})
            handler.addQuickElement("itunes:name", feed["itunes_author"])
            handler.addQuickElement("itunes:email", feed["itunes_email"])
            handler.endElement("itunes:owner")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", str(item["itunes_duration"]))
        handler.addQuickElement("itunes:explicit", "true" if item["itunes_explicit"] else "false")
        if item.get("itunes_image"):
            handler.addQuickElement("itunes:image", "", {"href": item["itunes_image"]})


def _file_size(media):
    try:
        return media.file.size
    except (OSError, ValueError):  # the file is missing from storage: still list the episode
        return 0


def podcast_response(programme, request):
    def absolute(url):
        return seo.absolute_url(request, url)

    cover = None
    if programme.cover_id:
        cover = absolute(programme.cover.get_rendition(ART_RENDITION).url)
    feed = PodcastFeed(
        title=programme.title,
        link=programme.get_full_url(request),
        description=programme.description,
        language=programme.language,
        feed_url=absolute(programme.podcast_url()),
        author_name=programme.podcast_author,
        itunes_author=programme.podcast_author,
        itunes_explicit=programme.explicit,
        itunes_image=cover,
        itunes_category=programme.podcast_category,
        itunes_email=programme.podcast_owner_email,
    )
    for episode in programme.episodes()[:FEED_ITEMS]:
        media = episode.media
        poster = None
        if media.poster_id:
            poster = absolute(media.poster.get_rendition(ART_RENDITION).url)
        feed.add_item(
            title=episode.title,
            link=episode.get_full_url(request),
            description=episode.summary or media.transcript[:500],
            unique_id=episode.get_full_url(request),
            unique_id_is_permalink=True,
            pubdate=episode.air_date,
            enclosures=[Enclosure(absolute(media.url), str(_file_size(media)), media.mime_type)],
            itunes_duration=int(round(media.duration or 0)),
            itunes_explicit=programme.explicit,
            itunes_image=poster,
        )
    response = HttpResponse(content_type=PodcastFeed.content_type)
    feed.write(response, "utf-8")
    return response
