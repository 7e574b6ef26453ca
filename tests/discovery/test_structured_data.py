"""Structured data and sharing cards as extractors read them (extruct): Google's required and
recommended properties for each page kind, a 1200 × 630 og:image everywhere, every URL on
the Site whatever the request's Host, self-canonicals, and the Google News sitemap."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import extruct
import pytest
from django.conf import settings
from django.utils import timezone
from PIL import Image

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1:8000"  # allowed, but not the Site's (localhost)
REQUIRED = {  # Google Search Central: required + recommended properties we promise
    "NewsArticle": ["headline", "image", "datePublished", "dateModified", "author", "publisher"],
    "NewsMediaOrganization": ["name", "url", "logo"],
    "WebSite": ["name", "url", "potentialAction"],
    "VideoObject": [
        "name",
        "description",
        "thumbnailUrl",
        "uploadDate",
        "duration",
        "contentUrl",
    ],
    "PodcastEpisode": ["name", "url", "datePublished", "associatedMedia", "partOfSeries"],
    "PodcastSeries": ["name", "url", "webFeed", "image"],
    "Event": ["name", "startDate", "location"],
}


def extract(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    html = response.content.decode()
    data = extruct.extract(
        html, base_url="http://localhost/", syntaxes=["json-ld", "opengraph"], uniform=True
    )
    og = {}
    for block in data["opengraph"]:
        og.update(block)
    return html, data["json-ld"], og


def of_type(items, kind):
    found = [item for item in items if item.get("@type") == kind]
    assert found, f"no {kind} in {[i.get('@type') for i in items]}"
    for key in REQUIRED.get(kind, ()):
        assert found[0].get(key), f"{kind}.{key}"
    return found[0]


def no_empty_values(value, where="$"):
    if isinstance(value, dict):
        for key, inner in value.items():
            no_empty_values(inner, f"{where}.{key}")
    elif isinstance(value, list):
        assert value, where
        for number, inner in enumerate(value):
            no_empty_values(inner, f"{where}[{number}]")
    else:
        assert value not in ("", None), where


def card_size(og):
    assert og["og:image"].startswith("http://localhost/"), og["og:image"]
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    path = og["og:image"].split("/media/", 1)
    if len(path) == 2:
        with Image.open(Path(settings.MEDIA_ROOT) / path[1]) as picture:
            assert picture.size == (1200, 630)


def test_home_page_names_the_news_organisation_and_its_search(client, home_page):
    _, items, og = extract(client, "/")
    org = of_type(items, "NewsMediaOrganization")
    assert org["logo"]["@type"] == "ImageObject" and org["logo"]["url"].startswith("http://")
    site = of_type(items, "WebSite")
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://localhost/tim-kiem/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    card_size(og)  # the station's card: the home page has no picture of its own
    for item in items:
        no_empty_values(item)


def test_story_has_its_corrections_and_the_publishers_logo(client, make_story, make_reporter):
    from news.models import ArticleNote

    story = make_story(title="Tin đã đính chính", reporters=[make_reporter("Y Hoa")])
    story.notes.add(
        ArticleNote(kind="correction", date=timezone.now(), text="Sửa tên xã: Đăk Blà.")
    )
    story.notes.add(ArticleNote(kind="update", date=timezone.now(), text="Thêm ảnh."))
    story.save_revision().publish()
    _, items, og = extract(client, story.url)
    article = of_type(items, "NewsArticle")
    assert [c["text"] for c in article["correction"]] == ["Sửa tên xã: Đăk Blà."]
    assert article["correction"][0]["@type"] == "CorrectionComment"
    logo = article["publisher"]["logo"]
    assert logo["@type"] == "ImageObject" and logo["url"].endswith(".png")
    card_size(og)  # no picture: the station's card, not nothing
    no_empty_values(article)


def test_video_episode_is_a_video_object(client, make_episode, make_media, make_image):
    media = make_media(poster=make_image("Ảnh bản tin"), duration=65)
    episode = make_episode("Thời sự tối", media=media, summary="Bản tin tối nay.")
    _, items, og = extract(client, episode.url)
    video = of_type(items, "VideoObject")
    assert video["duration"] == "PT1M5S"
    assert video["uploadDate"].endswith("+07:00")
    assert video["contentUrl"].startswith("http://localhost/media/")
    assert "card-1200x630" in video["thumbnailUrl"][0]
    assert og["og:description"] == "Bản tin tối nay."
    assert og["og:image"] == video["thumbnailUrl"][0]
    card_size(og)
    no_empty_values(video)


def test_audio_episode_and_programme_are_a_podcast(client, programme, make_episode, make_media):
    episode = make_episode("Nông thôn mới", media=make_media(kind="audio", duration=300))
    _, items, _ = extract(client, episode.url)
    podcast = of_type(items, "PodcastEpisode")
    assert podcast["associatedMedia"]["contentUrl"].startswith("http://localhost/media/")
    assert podcast["partOfSeries"]["@type"] == "PodcastSeries"
    assert podcast["partOfSeries"]["webFeed"] == programme.full_url + "podcast/"
    no_empty_values(podcast)
    _, items, og = extract(client, programme.url)
    series = of_type(items, "PodcastSeries")
    assert series["webFeed"] == programme.full_url + "podcast/"
    card_size(og)


def test_events_have_a_place_with_an_address(client, conference, campaign):
    _, items, og = extract(client, conference.url)
    event = of_type(items, "Event")
    location = event["location"]
    assert location["@type"] == "Place"
    assert location["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "VN",
        "addressLocality": "xã Đăk Blà",
        "addressRegion": "tỉnh Kon Tum",
    }
    no_empty_values(event)
    card_size(og)
    _, items, _ = extract(client, campaign.url)
    movement = of_type(items, "Event")  # 2015–2020: Kon Tum, before the 2025 merger
    assert movement["location"]["address"]["addressRegion"] == "tỉnh Kon Tum"
    no_empty_values(movement)


def test_a_small_portrait_makes_a_full_size_card(client, make_exemplar, make_image):
    exemplar = make_exemplar("Y Nhi", portrait=make_image("Chân dung"), kind="individual")
    _, items, og = extract(client, exemplar.url)
    card_size(og)
    person = of_type(items, "Person")
    assert person["image"] == og["og:image"]


def test_every_url_is_the_sites_whatever_the_host(client, make_story, make_image):
    story = make_story(title="Tin có ảnh", image=make_image())
    html, items, og = extract(client, story.url, HTTP_HOST=OTHER_HOST)
    assert OTHER_HOST not in html and "testserver" not in html
    assert og["og:image"].startswith("http://localhost/media/")
    assert og["og:url"] == story.full_url
    article = of_type(items, "NewsArticle")
    assert article["image"][0] == og["og:image"]
    assert f'<meta name="twitter:image" content="{og["og:image"]}">' in html
    robots = client.get("/robots.txt", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Sitemap: http://localhost/sitemap.xml" in robots and OTHER_HOST not in robots


def test_listing_pages_are_their_own_canonical(client, corpus):
    html = client.get("/tin-tuc/?page=2&utm_source=zalo", HTTP_HOST=OTHER_HOST).content.decode()
    assert '<link rel="canonical" href="http://localhost/tin-tuc/?page=2">' in html
    html = client.get("/tin-tuc/?page=1").content.decode()
    assert '<link rel="canonical" href="http://localhost/tin-tuc/">' in html


def test_news_sitemap_lists_the_last_two_days(client, make_story):
    now = timezone.now()
    fresh = make_story(title="Tin <mới> & nóng", date=now - timedelta(hours=3))
    make_story(title="Tin cũ", date=now - timedelta(days=3))
    response = client.get("/sitemap-news.xml", HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "news": "http://www.google.com/schemas/sitemap-news/0.9",
    }
    root = ET.fromstring(response.content)
    urls = root.findall("s:url", ns)
    assert [u.find("s:loc", ns).text for u in urls] == [fresh.full_url]
    news = urls[0].find("news:news", ns)
    assert news.find("news:publication/news:name", ns).text
    assert news.find("news:publication/news:language", ns).text == "vi"
    assert news.find("news:title", ns).text == "Tin <mới> & nóng"
    published = news.find("news:publication_date", ns).text
    assert published == timezone.localtime(fresh.date).isoformat()
    assert published.endswith("+07:00")
    assert (
        "Sitemap: http://localhost/sitemap-news.xml" in client.get("/robots.txt").content.decode()
    )
