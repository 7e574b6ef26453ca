"""Feeds as feed readers and podcast apps read them (feedparser, podcastparser): the channel's
picture, the full text, pictures with their size, one author per byline, conditional
requests, podcast art, and every URL on the Site whatever the request's Host."""

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import podcastparser
import pytest
from django.conf import settings
from PIL import Image

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1:8000"  # allowed, but not the Site's (localhost)
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"
HOSTILE_BODY = (
    '<p>Đoạn <a href="/tin-tuc/" onclick="steal()">một</a> <b style="color:red">đậm</b></p>'
    "<script>alert(1)</script><style>p{display:none}</style>"
    '<p><a href="javascript:alert(2)">hai</a></p>'
)


def parse(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def test_the_channel_has_the_station_logo(client, make_story):
    make_story(title="Tin")
    _, rss = parse(client, "/rss/")
    assert rss.feed.image.href == "http://localhost/static/kontum_site/logo.png"
    assert rss.feed.image.link == "http://localhost/"
    _, atom = parse(client, "/rss/atom/")
    assert atom.feed.logo == atom.feed.icon == "http://localhost/static/kontum_site/logo.png"


def test_full_text_is_in_the_feed_and_cleaned(client, make_story):
    make_story(title="Tin đầy đủ", body=[{"type": "paragraph", "value": HOSTILE_BODY}])
    response, rss = parse(client, "/rss/")
    content = rss.entries[0].content[0].value
    assert "Đoạn" in content and "đậm" in content and "Sapo của tin." in content
    assert 'href="http://localhost/tin-tuc/"' in content
    # What the feed itself says, before feedparser's own cleaning.
    item = ET.fromstring(response.content).find("channel/item")
    encoded = item.find(CONTENT_NS).text
    for banned in (
        "<script",
        "alert(1)",
        "<style",
        "display:none",
        "onclick",
        "style=",
        "javascript:",
    ):
        assert banned not in encoded, banned
    response, atom = parse(client, "/rss/atom/")
    assert "Đoạn" in atom.entries[0].content[0].value
    for banned in (b"&lt;script", b"onclick", b"javascript:"):
        assert banned not in response.content


def test_atom_has_one_author_per_byline(client, make_story, make_reporter):
    make_story(reporters=[make_reporter("Y Hoa"), make_reporter("A Tuấn")])
    _, atom = parse(client, "/rss/atom/")
    assert [author["name"] for author in atom.entries[0].authors] == ["Y Hoa", "A Tuấn"]
    _, rss = parse(client, "/rss/")
    assert rss.entries[0].author == "Y Hoa – A Tuấn"  # RSS: one dc:creator, the byline


@pytest.mark.parametrize("url", ["/rss/", "/rss/atom/", "/rss/phong-vien/y-hoa/"])
def test_conditional_requests_get_304(client, make_story, make_reporter, url):
    make_story(reporters=[make_reporter("Y Hoa")])
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"khac"').status_code == 200


def test_feed_urls_are_the_sites_whatever_the_host(client, make_story, make_image):
    story = make_story(title="Tin có ảnh", image=make_image())
    for url in ("/rss/", "/rss/atom/"):
        response, feed = parse(client, url, HTTP_HOST=OTHER_HOST)
        assert OTHER_HOST.encode() not in response.content
        assert b"testserver" not in response.content
        entry = feed.entries[0]
        assert entry.link == story.full_url.replace("testserver", "localhost")
        assert entry.media_content[0]["url"].startswith("http://localhost/media/")
    _, rss = parse(client, "/rss/", HTTP_HOST=OTHER_HOST)
    assert rss.feed.link == "http://localhost/"


def _rendition_size(url):
    path = Path(settings.MEDIA_ROOT) / url.split("/media/", 1)[1]
    with Image.open(path) as picture:
        return picture.size, picture


def test_podcast_apps_read_square_art_and_one_file_per_episode(
    client, programme, make_episode, make_media, make_image
):
    programme.cover = make_image("Bìa")  # the factory's picture is small
    programme.save_revision().publish()
    for number in range(2):
        make_episode(f"Bản tin {number}", days_ago=number, media=make_media(poster=make_image()))
    response = client.get(programme.url + "podcast/", HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200
    podcast = podcastparser.parse(programme.full_url + "podcast/", io.BytesIO(response.content))
    assert OTHER_HOST.encode() not in response.content and b"testserver" not in response.content
    assert podcast["cover_url"].startswith("http://localhost/media/")
    size, _ = _rendition_size(podcast["cover_url"])
    assert size == (1400, 1400)
    assert len(podcast["episodes"]) == 2
    urls = [episode["enclosures"][0]["url"] for episode in podcast["episodes"]]
    assert len(set(urls)) == 2 and all(url.startswith("http://localhost/media/") for url in urls)
    for episode in podcast["episodes"]:
        assert episode["link"].startswith("http://localhost/")
        assert _rendition_size(episode["episode_art_url"])[0] == (1400, 1400)


def test_the_art_is_padded_not_blown_up(client, programme, make_image):
    """A 100 px picture stays 100 px sharp in the middle of the square, on its own colour."""
    programme.cover = make_image("Bìa")
    programme.save_revision().publish()
    podcast = podcastparser.parse("x", io.BytesIO(client.get(programme.url + "podcast/").content))
    path = Path(settings.MEDIA_ROOT) / podcast["cover_url"].split("/media/", 1)[1]
    original = programme.cover.file
    with Image.open(original.path) as small, Image.open(path) as square:
        width, height = small.size
        assert square.size == (1400, 1400) and width < 1400
        corner = square.getpixel((0, 0))
        assert all(
            square.getpixel((x, y)) == corner for x, y in [(1399, 0), (0, 1399), (1399, 1399)]
        )
