"""JSON-LD for programmes and episodes (see discovery.seo): a video episode is a
VideoObject (Google's video rich results: name, description, thumbnailUrl, uploadDate,
duration, contentUrl), an audio one a PodcastEpisode, and a programme a PodcastSeries with
its feed."""

from django.utils import timezone

from discovery import seo


def _picture(request, image):
    rendition = seo.social_rendition(image)
    if rendition is not None:
        return seo.absolute_url(request, rendition.url)
    return seo.station_card(request)[0]


def _series(programme, request):
    return {
        "@type": "PodcastSeries",
        "name": programme.title,
        "url": programme.get_full_url(request),
        "webFeed": seo.absolute_url(request, programme.podcast_url()),
    }


def programme_structured_data(programme, request):
    data = {
        "@context": "https://schema.org",
        **_series(programme, request),
        "description": seo.meta_description(programme) or programme.description,
        "image": _picture(request, programme.cover if programme.cover_id else None),
        "inLanguage": programme.language,
        "author": seo.organization(programme.podcast_author),
    }
    return {key: value for key, value in data.items() if value}


def episode_structured_data(episode, request):
    media = episode.media
    programme = episode.get_parent().specific
    url = episode.get_full_url(request)
    description = seo.meta_description(episode) or episode.title
    thumbnail = _picture(request, episode.get_social_image())
    aired = timezone.localtime(episode.air_date).isoformat()
    content_url = seo.absolute_url(request, media.url) if media.file else None
    if media.type == "video":
        data = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": episode.title,
            "description": description,
            "thumbnailUrl": [thumbnail],
            "uploadDate": aired,
            "duration": media.iso_duration if media.duration else None,
            "contentUrl": content_url,
            "encodingFormat": media.mime_type or None,
            "url": url,
            "inLanguage": programme.language,
        }
        if media.width and media.height:
            data["width"], data["height"] = media.width, media.height
    else:
        data = {
            "@context": "https://schema.org",
            "@type": "PodcastEpisode",
            "name": episode.title,
            "description": description,
            "url": url,
            "datePublished": aired,
            "image": thumbnail,
            "timeRequired": media.iso_duration if media.duration else None,
            "inLanguage": programme.language,
            "partOfSeries": _series(programme, request),
            "associatedMedia": {
                "@type": "MediaObject",
                "contentUrl": content_url,
                "encodingFormat": media.mime_type or None,
                "duration": media.iso_duration if media.duration else None,
            },
        }
        data["associatedMedia"] = {k: v for k, v in data["associatedMedia"].items() if v}
    return {key: value for key, value in data.items() if value not in (None, "", [])}
