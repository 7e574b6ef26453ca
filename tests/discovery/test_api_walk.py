"""The read API walked like a client would: every public page type, every field it lists,
absolute links, images with renditions, constant queries per listing, and hostile filters
answering 400 (never 500) with DEBUG off."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import aware
from tests.exemplars import conftest as registry_fixtures
from tests.programmes import conftest as programme_fixtures

# Fixtures of the registry and programme tests (their conftest files are not shared).
places, vocab = registry_fixtures.places, registry_fixtures.vocab
directory = registry_fixtures.directory
campaign, conference = registry_fixtures.campaign, registry_fixtures.conference
make_exemplar = registry_fixtures.make_exemplar
root_collection, make_media = programme_fixtures.root_collection, programme_fixtures.make_media
programme, make_episode = programme_fixtures.programme, programme_fixtures.make_episode

pytestmark = pytest.mark.django_db

PUBLIC_TYPES = [
    "kontum_site.HomePage",
    "kontum_site.ContentPage",
    "news.NewsIndexPage",
    "news.SectionPage",
    "news.ArticlePage",
    "exemplars.ExemplarIndexPage",
    "exemplars.ExemplarPage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
    "campaigns.ConferencePage",
    "programmes.ProgrammeIndexPage",
    "programmes.ProgrammePage",
    "programmes.EpisodePage",
]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def site_tree(
    home_page,
    news_index,
    make_story,
    make_image,
    make_reporter,
    make_exemplar,
    conference,
    make_episode,
):
    """One live page of every public type, with pictures, tags, links and awards."""
    from base.models import ContentPage
    from news.models import ArticleExemplar, SectionPage

    image = make_image("Ảnh đại hội")
    section = publish(news_index, SectionPage(title="Thời sự", slug="thoi-su", intro="Tin."))
    content = publish(
        home_page,
        ContentPage(
            title="Giới thiệu",
            slug="gioi-thieu",
            intro="Về chúng tôi.",
            body=[
                {"type": "paragraph", "value": "<p>Đài PT-TH.</p>"},
                {"type": "image", "value": image.pk},
            ],
        ),
    )
    campaign = conference.get_parent().specific
    exemplar = make_exemplar(
        title="Y Hoa",
        portrait=image,
        awards=[{"year": 2020, "conference": conference}, {"year": 2019}],
    )
    story = make_story(
        title="Đại hội thi đua",
        image=image,
        tags=["Thi đua", "Đại hội"],
        reporters=[make_reporter("Y Hoa")],
        date=aware(2020, 10, 22),
        parent=section,
        campaign=campaign,
        conference=conference,
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Xem <a linktype="page" id="{exemplar.pk}">đây</a>.</p>',
            },
            {"type": "image", "value": {"image": image.pk, "caption": "Chú thích", "credit": ""}},
        ],
    )
    ArticleExemplar.objects.create(page=story, exemplar=exemplar)
    episode = make_episode("Thời sự 18h", media=None)
    episode.media.poster = image
    episode.media.save()
    return {
        "image": image,
        "story": story,
        "exemplar": exemplar,
        "campaign": campaign,
        "conference": conference,
        "episode": episode,
        "content": content,
        "section": section,
    }


def api_fields(type_name):
    from django.apps import apps

    model = apps.get_model(type_name)
    return [field.name for field in model.api_fields]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


@pytest.fixture
def many(site_tree, make_story, make_image, make_reporter, make_exemplar):
    """Twelve stories and twelve exemplars, each with its own picture, tags, byline, links."""
    conference = site_tree["conference"]
    for n in range(11):
        image = make_image(f"Ảnh {n}")
        exemplar = make_exemplar(
            title=f"Điển hình {n}",
            portrait=image,
            awards=[{"year": 2020, "conference": conference}],
        )
        story = make_story(
            title=f"Tin {n}",
            image=image,
            tags=[f"Chủ đề {n}", "Thi đua"],
            reporters=[make_reporter(f"Phóng viên {n}")],
            parent=site_tree["section"],
            campaign=site_tree["campaign"],
            conference=conference,
            body=[{"type": "image", "value": {"image": image.pk, "caption": "", "credit": ""}}],
        )
        story.exemplar_links.create(exemplar=exemplar)
    return site_tree


@pytest.mark.parametrize("type_name", ["news.ArticlePage", "exemplars.ExemplarPage"])
def test_a_listing_costs_the_same_queries_whatever_its_limit(client, many, type_name):
    base = f"/api/v2/pages/?type={type_name}&fields=*&limit="
    count_queries(client, base + "50")  # warm-up: renditions made, site and types cached
    small, large = count_queries(client, base + "5"), count_queries(client, base + "50")
    assert small == large <= 30
    assert len(client.get(base + "50").json()["items"]) == 12


def is_url_key(key):
    return key in ("url", "full_url", "download_url", "detail_url", "html_url") or key.endswith(
        "_url"
    )


def walk_urls(data, found):
    if isinstance(data, dict):
        for key, value in data.items():
            if is_url_key(key) and value is not None:
                found.append(value)
            else:
                walk_urls(value, found)
    elif isinstance(data, list):
        for item in data:
            walk_urls(item, found)
    return found


def walk_images(data, found):
    """Every image in an answer: a dict whose meta type is an image."""
    if isinstance(data, dict):
        if data.get("meta", {}).get("type") == "wagtailimages.Image":
            found.append(data)
        for value in data.values():
            walk_images(value, found)
    elif isinstance(data, list):
        for item in data:
            walk_images(item, found)
    return found


def test_every_type_and_every_field(client, site_tree):
    seen_images = 0
    for type_name in PUBLIC_TYPES:
        listing = client.get("/api/v2/pages/", {"type": type_name, "fields": "*", "limit": 100})
        assert listing.status_code == 200, (type_name, listing.content)
        items = listing.json()["items"]
        assert items, type_name
        fields = api_fields(type_name)
        for item in items:
            assert set(fields) <= set(item), (type_name, set(fields) - set(item))
            detail = client.get(item["meta"]["detail_url"])
            assert detail.status_code == 200, item["meta"]["detail_url"]
            data = detail.json()
            assert set(fields) <= set(data), (type_name, set(fields) - set(data))
            for answer in (item, data):
                for url in walk_urls(answer, []):
                    assert url.startswith("http://localhost/"), (type_name, url)
                for image in walk_images(answer, []):
                    seen_images += 1
                    renditions = image["renditions"]
                    assert renditions, (type_name, image)
                    for rendition in renditions.values():
                        assert rendition["url"].startswith("http://localhost/media/")
                        assert rendition["width"] and rendition["height"]
                        assert rendition["alt"] == "Ảnh đại hội"
    assert seen_images >= 6  # story, its body, exemplar, programme's episode poster, content


def test_what_each_type_says(client, site_tree):
    story = client.get(f"/api/v2/pages/{site_tree['story'].pk}/").json()
    assert story["tags"] == [
        {"name": "Thi đua", "slug": "thi-dua"},
        {"name": "Đại hội", "slug": "dai-hoi"},
    ]
    image_block = next(block for block in story["body"] if block["type"] == "image")
    assert image_block["value"]["image"]["renditions"]["medium"]["url"].startswith("http://")
    assert image_block["value"]["caption"] == "Chú thích"
    assert story["linked_exemplars"][0]["url"] == "http://localhost/dien-hinh/y-hoa/"
    assert story["linked_campaign"]["url"].startswith("http://localhost/phong-trao/")

    exemplar = client.get(f"/api/v2/pages/{site_tree['exemplar'].pk}/").json()
    at_conference = next(a for a in exemplar["award_records"] if a["conference_id"])
    assert at_conference["campaign"] == site_tree["campaign"].title
    assert at_conference["campaign_id"] == site_tree["campaign"].pk
    listed = client.get(
        "/api/v2/pages/", {"type": "exemplars.ExemplarPage", "fields": "award_records"}
    ).json()["items"][0]
    assert listed["award_records"] == exemplar["award_records"]

    episode = client.get(f"/api/v2/pages/{site_tree['episode'].pk}/").json()
    media = episode["media"]
    assert media["url"].startswith("http://localhost/media/") and media["type"] == "video"
    assert media["poster"]["renditions"]["large"]["url"].startswith("http://localhost/media/")
    assert episode["air_date"].startswith("2026-11-30")
    assert media["captions_url"].endswith(".vtt")
    programme = client.get(f"/api/v2/pages/{site_tree['episode'].get_parent().pk}/").json()
    assert programme["podcast_url"].startswith("http://localhost/chuong-trinh/")

    html = client.get(f"/api/v2/pages/{site_tree['story'].pk}/?rich_text_format=html").json()
    assert 'href="http://localhost/dien-hinh/y-hoa/"' in html["body"][0]["value"]
    markdown = client.get(f"/api/v2/pages/{site_tree['story'].pk}/?rich_text_format=markdown")
    assert "(http://localhost/dien-hinh/y-hoa/)" in markdown.json()["body"][0]["value"]

    section = client.get(f"/api/v2/pages/{site_tree['section'].pk}/").json()
    assert section["intro"] == "Tin."
    content = client.get(f"/api/v2/pages/{site_tree['content'].pk}/").json()
    assert content["intro"] == "Về chúng tôi."
    assert content["body"][1]["value"]["renditions"]["medium"]["width"]


FILTER_VALUES = ["abc", "2026-13-45", "' OR 1=1", "-1", "1.5", "x" * 5000, "2026-02-30T25:61"]
GENERIC_FILTERS = [
    "id",
    "title",
    "slug",
    "first_published_at",
    "last_published_at",
    "show_in_menus",
    "order",
    "search",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "limit",
    "offset",
    "fields",
    "type",
    "rich_text_format",
]


def test_hostile_filters_are_400_never_500(site_tree, settings):
    from django.test import Client

    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    failures = []
    for type_name in PUBLIC_TYPES:
        names = set(GENERIC_FILTERS) | set(api_fields(type_name))
        for name in sorted(names):
            for value in FILTER_VALUES:
                params = {"type": type_name, name: value}
                response = client.get("/api/v2/pages/", params)
                if response.status_code not in (200, 400):
                    failures.append((type_name, name, value[:20], response.status_code))
    assert failures == []
    response = client.get("/api/v2/pages/", {"type": "news.ArticlePage", "display_date": "abc"})
    assert response.status_code == 400
    assert "display_date" in response.json()["message"]


def test_limit_up_to_a_hundred(client, site_tree):
    assert client.get("/api/v2/pages/", {"limit": 100}).status_code == 200
    assert client.get("/api/v2/pages/", {"limit": 101}).status_code == 400


def test_cache_headers_etag_and_cors(client, site_tree):
    url = "/api/v2/pages/?type=news.ArticlePage&fields=*"
    response = client.get(url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=60" in cache_control
    assert "s-maxage" in cache_control  # the front's, from caching.front_cache
    assert response["Access-Control-Allow-Origin"] == "*"
    etag = response["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert client.get(url, headers={"If-None-Match": '"autre"'}).status_code == 200
    image = client.get(f"/api/v2/images/{site_tree['image'].pk}/")
    assert image["ETag"] and image["Access-Control-Allow-Origin"] == "*"
    options = client.options("/api/v2/pages/")
    assert options["Access-Control-Allow-Origin"] == "*"
    assert options["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    post = client.post("/api/v2/pages/", {})
    assert post.status_code == 405 and "Access-Control-Allow-Origin" not in post
    page = client.get(site_tree["story"].url)
    assert "Access-Control-Allow-Origin" not in page
