"""Video and audio (issue 16, item 1) and programmes with podcast feeds (item 2)."""

import re
import shutil

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from discovery.search import SearchQuery, site_search
from tests.programmes.conftest import FILES

pytestmark = pytest.mark.django_db


def test_an_episode_plays_in_the_browser_s_own_player_with_captions(
    client, make_episode, make_media
):
    media = make_media(transcript="Xin kính chào quý vị.")
    episode = make_episode("Thời sự tối 30/11", media=media)
    html = client.get(episode.url).content.decode()
    assert re.search(r'<video class="player__video" controls preload="metadata"', html)
    assert f'<source src="{media.url}" type="video/mp4">' in html
    assert re.search(
        r'<track kind="captions" src="[^"]+\.vtt" srclang="vi" label="[^"]+" default>', html
    )
    assert "<summary>" in html and "Xin kính chào quý vị." in html  # the transcript
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]  # no player script


def test_audio_plays_in_an_audio_element(client, make_episode, make_media):
    episode = make_episode("Nông thôn mới số 1", media=make_media("audio", "Phát thanh mẫu"))
    html = client.get(episode.url).content.decode()
    assert '<audio class="player__audio" controls' in html
    assert 'type="audio/mpeg"' in html


def test_a_programme_lists_its_episodes_newest_first_page_by_page(
    client, programme, make_episode, make_media
):
    from programmes.models import EPISODES_PER_PAGE

    media = make_media()
    for day in range(EPISODES_PER_PAGE + 2):
        make_episode(f"Bản tin ngày {30 - day:02d}", days_ago=day, media=media)
    first = client.get(programme.url).content.decode()
    titles = re.findall(r'class="episode__title"><a [^>]+>([^<]+)<', first)
    assert titles[:2] == ["Bản tin ngày 30", "Bản tin ngày 29"]
    assert len(titles) == EPISODES_PER_PAGE
    second = client.get(programme.url, {"page": 2}).content.decode()
    assert re.findall(r'class="episode__title"><a [^>]+>([^<]+)<', second) == [
        "Bản tin ngày 18",
        "Bản tin ngày 17",
    ]


def test_the_podcast_feed_is_read_by_a_podcast_client(client, programme, make_episode, make_media):
    make_episode("Tin <sáng> & tối", media=make_media(duration=4))
    make_episode("Bản tin hôm qua", days_ago=1)
    response = client.get(programme.url + "podcast/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Thời sự Kon Tum"
    assert feed.feed.image.href.endswith(".jpg") if programme.cover_id else True
    assert feed.feed.publisher_detail.email == "podcast@example.invalid"  # itunes:owner
    assert feed.feed.tags[0].term == "News"  # itunes:category
    assert [entry.title for entry in feed.entries] == ["Tin <sáng> & tối", "Bản tin hôm qua"]
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.href.startswith("http://localhost/")  # the Site's
    assert enclosure.href.endswith(".mp4")
    assert enclosure.type == "video/mp4"
    assert int(enclosure.length) == (FILES / "thoi-su-kon-tum.mp4").stat().st_size
    assert feed.entries[0].itunes_duration == "4"
    assert "<sáng>" not in response.content.decode()  # escaped in the XML
    # The programme page announces it.
    assert 'type="application/rss+xml"' in client.get(programme.url).content.decode()


def test_episodes_are_found_by_search_and_listed_in_the_sitemap(client, make_episode):
    episode = make_episode("Biên phòng Ia Dom giúp dân dựng nhà")
    assert episode.pk in site_search(SearchQuery.parse("bien phong ia dom")).ids
    assert (
        episode.full_url.split("://", 1)[1].split("/", 1)[1]
        in client.get("/sitemap.xml").content.decode()
    )


def test_a_story_leads_with_a_video_and_embeds_audio(client, make_story, make_media):
    video = make_media()
    audio = make_media("audio", "Phỏng vấn")
    story = make_story(
        title="Tin có video",
        lead_video=video,
        body=[
            {"type": "paragraph", "value": "<p>Đoạn mở.</p>"},
            {"type": "station_audio", "value": {"media": audio.pk, "caption": "Nghe phỏng vấn"}},
        ],
    )
    html = client.get(story.url).content.decode()
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert '<audio class="player__audio"' in html and "Nghe phỏng vấn" in html


@pytest.fixture
def editor(client, staff_user):
    client.force_login(staff_user("bientap", superuser=True))
    return client


def test_the_admin_refuses_captions_that_are_not_webvtt_and_keeps_the_upload_form(
    editor, root_collection
):
    from avmedia.models import MediaItem

    url = reverse("wagtailmedia:add", args=("video",))
    video = (FILES / "thoi-su-kon-tum.mp4").read_bytes()
    response = editor.post(
        url,
        {
            "title": "Bản tin có phụ đề hỏng",
            "file": SimpleUploadedFile("tin.mp4", video, "video/mp4"),
            "captions": SimpleUploadedFile(
                "tin.vtt", b"1\n00:00 --> 00:01\nkhong phai", "text/vtt"
            ),
            "captions_language": "vi",
            "duration": "0",
            "collection": str(root_collection.pk),
        },
    )
    assert response.status_code == 200
    assert "WEBVTT" in response.content.decode()
    assert "Bản tin có phụ đề hỏng" in response.content.decode()  # what was typed is kept
    assert not MediaItem.objects.exists()
    response = editor.post(
        url,
        {
            "title": "Bản tin có phụ đề",
            "file": SimpleUploadedFile("tin.mp4", video, "video/mp4"),
            "captions": SimpleUploadedFile(
                "tin.vtt", (FILES / "thoi-su-kon-tum.vi.vtt").read_bytes(), "text/vtt"
            ),
            "captions_language": "vi",
            "duration": "0",
            "collection": str(root_collection.pk),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    item = MediaItem.objects.get()
    if shutil.which("ffprobe"):  # Debian's ffmpeg: the file's own duration and size
        assert round(item.duration) == 4 and (item.width, item.height) == (320, 180)


def test_the_podcast_feed_says_how_long_the_front_may_keep_it(client, programme, make_episode):
    """Banned with the listings group on every publication (caching/front_cache.py)."""
    make_episode("Bản tin hôm nay")
    response = client.get(programme.url + "podcast/")
    assert "s-maxage=" in response["Cache-Control"]
    assert response["X-Front-Group"] == "listings"


def test_captions_are_stored_as_vtt_whatever_their_uploaded_name(editor, root_collection):
    """A WebVTT file named captions.html is taken, and stored (so served) as .vtt: never a web
    page on the site's origin (the shipped nginx then gives it text/vtt,
    tests/base/test_media_front.py)."""
    import mimetypes

    from avmedia.models import MediaItem

    response = editor.post(
        reverse("wagtailmedia:add", args=("video",)),
        {
            "title": "Phụ đề tên lạ",
            "file": SimpleUploadedFile(
                "tin.mp4", (FILES / "thoi-su-kon-tum.mp4").read_bytes(), "video/mp4"
            ),
            "captions": SimpleUploadedFile(
                "captions.html",
                b"WEBVTT\n\n00:00.000 --> 00:01.000\n<b>Xin chao</b>\n",
                "text/html",
            ),
            "captions_language": "vi",
            "duration": "0",
            "collection": str(root_collection.pk),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    name = MediaItem.objects.get().captions.name
    assert name.startswith("media_captions/captions") and name.endswith(".vtt")
    assert ".html" not in name
    assert mimetypes.guess_type(name)[0] == "text/vtt"


def test_captions_stored_under_another_name_are_renamed_to_vtt(root_collection, make_media):
    """The migration gives a .vtt name to captions uploaded before (e.g. captions.html)."""
    import importlib

    from django.apps import apps
    from django.core.files.base import ContentFile

    from avmedia.models import MediaItem

    item = make_media(captions=False)
    storage = item.captions.storage
    old_name = storage.save("media_captions/captions.html", ContentFile(b"WEBVTT\n\nXin chao\n"))
    MediaItem.objects.filter(pk=item.pk).update(captions=old_name)
    migration = importlib.import_module("avmedia.migrations.0002_captions_stored_as_vtt")
    migration.rename_stored_captions(apps, None)
    item.refresh_from_db()
    assert item.captions.name.endswith(".vtt") and ".html" not in item.captions.name
    assert item.captions.open("rb").read() == b"WEBVTT\n\nXin chao\n"
    assert not storage.exists(old_name)
