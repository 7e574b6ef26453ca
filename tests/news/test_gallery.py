"""Photo stories (issue 27, item 3): the gallery block, the "ảnh" kind, JSON-LD, the API."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from caching import content_versions
from editorial.roles import REPORTERS
from news.models import ArticlePage
from news.roles import ensure_roles
from tests.conftest import ARTICLE_ADD_FORM


def gallery(images, caption="Mùa cà phê"):
    return {
        "type": "gallery",
        "value": {
            "images": [
                {"image": image.pk, "caption": f"Ảnh {i} <b>đẹp</b>", "credit": f"Y Nhung {i}"}
                for i, image in enumerate(images, 1)
            ],
            "caption": caption,
        },
    }


@pytest.fixture
def photo_story(make_story, make_image):
    def make(count=3, **fields):
        images = [make_image(f"Ảnh số {i}") for i in range(count)]
        return make_story(kind="anh", body=[gallery(images)], **fields), images

    return make


def test_gallery_renders_an_accessible_list_of_figures(client, photo_story):
    story, images = photo_story(3)
    response = client.get(story.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    section = page.select_one("section.gallery[data-gallery]")
    assert section["aria-label"] == "Mùa cà phê"
    figures = section.select("ul.gallery__list > li > figure")
    assert len(figures) == 3
    first = figures[0]
    assert first.figcaption.get_text(" ", strip=True) == "Ảnh 1 <b>đẹp</b> Ảnh: Y Nhung 1"
    assert b"&lt;b&gt;\xc4\x91\xe1\xba\xb9p&lt;/b&gt;" in response.content  # escaped, not markup
    img = first.find("img")
    assert img["alt"] == "Ảnh 1 <b>đẹp</b>"
    assert "fill-400x300" in img["srcset"]  # focal-point crops (fill-400x300, fill-800x600)
    assert first.a["href"] == first.a["data-full"]  # without script: a link to the full size
    assert page.find("script", src=lambda s: s and s.endswith("js/gallery.js"))
    assert "Ảnh" in page.select_one(".story-kind").get_text()


# A story page with a gallery, rendered in full (page cache off, fragments stale). The
# gallery's images come with their renditions in bulk (prefetch_renditions), for the body and
# again for the JSON-LD: the count is the same for 1 picture or 12.
# Editions add none: the active locale comes from the cached ids, and the page's versions
# are not looked for while one edition is live; a story without comments asks for no threads.
GALLERY_STORY_BUDGET = 22


def rendered_queries(client, url):
    client.get(url)  # renditions made once
    content_versions.bump(content_versions.SITE)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_story_with_a_twelve_picture_gallery_fetches_renditions_in_bulk(
    client, photo_story, settings
):
    settings.PAGE_CACHE_ENABLED = False
    twelve, _images = photo_story(12)
    one, _images = photo_story(1, title="Ảnh khác")
    counts = rendered_queries(client, twelve.url), rendered_queries(client, one.url)
    assert counts == (GALLERY_STORY_BUDGET, GALLERY_STORY_BUDGET)


def test_photo_story_json_ld_lists_its_pictures(client, photo_story):
    story, _images = photo_story(3)
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    data = [
        json.loads(s.string)
        for s in page.find_all("script", type="application/ld+json")
        if "NewsArticle" in s.string
    ][0]
    assert len(data["image"]) == 3
    assert data["image"][0]["@type"] == "ImageObject"
    assert data["image"][0]["caption"] == "Ảnh 1 <b>đẹp</b>"
    assert data["image"][0]["creditText"] == "Y Nhung 1"
    assert data["image"][0]["url"].startswith("http")


def test_read_api_gives_the_gallery_pictures_with_renditions(client, photo_story):
    story, images = photo_story(2)
    response = client.get(f"/api/v2/pages/{story.pk}/")
    assert response.status_code == 200, response.content[:300]
    block = response.json()["body"][0]
    assert block["type"] == "gallery"
    assert block["value"]["caption"] == "Mùa cà phê"
    first = block["value"]["images"][0]
    assert first["image"]["id"] == images[0].pk
    assert first["image"]["renditions"]["medium"]["url"].startswith("http")
    assert first["credit"] == "Y Nhung 1"


def add_form(title, kind, body):
    return {**ARTICLE_ADD_FORM, "title": title, "slug": "", "kind": kind, **body}


def test_reporter_creates_a_photo_story_with_a_gallery(client, news_index, staff_user, make_image):
    ensure_roles()
    client.force_login(staff_user("phongvien", REPORTERS))
    images = [make_image(f"Ảnh {i}") for i in range(2)]
    body = nested_form_data(
        {
            "body": streamfield(
                [
                    (
                        "gallery",
                        {
                            "images": streamfield(
                                [
                                    (
                                        "item",
                                        {"image": image.pk, "caption": "Chú thích", "credit": ""},
                                    )
                                    for image in images
                                ]
                            ),
                            "caption": "Lễ hội",
                        },
                    )
                ]
            )
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    response = client.post(url, add_form("Phóng sự ảnh lễ hội", "anh", body))
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(
        ".error-message, .help-critical"
    )
    story = ArticlePage.objects.get(title="Phóng sự ảnh lễ hội")
    value = story.body[0].value
    assert [item["image"].pk for item in value["images"]] == [i.pk for i in images]
    assert value["caption"] == "Lễ hội"


def test_photo_story_without_a_gallery_is_refused_keeping_the_input(
    client, news_index, staff_user, settings
):
    ensure_roles()
    client.force_login(staff_user("phongvien", REPORTERS))
    body = nested_form_data({"body": streamfield([("heading", "Chỉ có chữ")])})
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    response = client.post(url, add_form("Ảnh thiếu", "anh", body), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(title="Ảnh thiếu").exists()
    page = BeautifulSoup(response.content, "html.parser")
    kind_field = page.find("select", attrs={"name": "kind"}).find_parent(class_="w-field__wrapper")
    assert "Tin ảnh cần có một bộ ảnh trong nội dung" in kind_field.get_text(" ", strip=True)
    assert page.find("input", attrs={"name": "title"})["value"] == "Ảnh thiếu"  # input kept
    html = response.content.decode()
    # the body typed is kept (inside the stream editor's JSON, non-ASCII as \\u escapes)
    assert json.dumps("Chỉ có chữ")[1:-1] in html or "Chỉ có chữ" in html
