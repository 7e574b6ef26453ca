"""The read API (Wagtail API v2): explicit fields, nothing unpublished, no private data."""

import pytest

pytestmark = pytest.mark.django_db

STORY_FIELDS = {
    "kind",
    "kicker",
    "section_name",
    "source_line",
    "corrections",
    "lead",
    "display_date",
    "authors",
    "tags",
    "featured_image",
    "featured_image_1200x630",
    "featured_image_caption",
    "featured_image_credit",
    "linked_exemplars",
    "linked_campaign",
    "linked_conference",
    "body",
}


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_story_detail_has_exactly_the_listed_fields(client, make_story, make_image, make_reporter):
    reporter = make_reporter("Y Hoa", email="bi-mat@example.invalid")
    story = make_story(
        title="Đại hội thi đua", image=make_image(), reporters=[reporter], tags=["Thi đua"]
    )
    data = get(client, f"/api/v2/pages/{story.pk}/")
    assert set(data) == {"id", "meta", "title"} | STORY_FIELDS
    assert data["authors"] == [{"name": "Y Hoa", "slug": "y-hoa", "role": "Phóng viên"}]
    assert data["tags"] == [{"name": "Thi đua", "slug": "thi-dua"}]
    assert "fill-1200x630" in data["featured_image_1200x630"]["url"]
    assert data["meta"]["type"] == "news.ArticlePage"
    assert "owner" not in data["meta"]
    assert b"bi-mat@example.invalid" not in client.get(f"/api/v2/pages/{story.pk}/").content


def test_listing_by_type_with_fields(client, corpus):
    data = get(client, "/api/v2/pages/", type="news.ArticlePage", fields="lead,authors", limit=20)
    assert data["meta"]["total_count"] == len(corpus)
    first = data["items"][0]
    assert {"lead", "authors"} <= set(first)
    assert "body" not in first


def test_unpublished_and_private_pages_are_absent(client, corpus, make_story):
    from wagtail.models import PageViewRestriction

    draft = make_story(title="Bản nháp bí mật", publish=False)
    private = make_story(title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    data = get(client, "/api/v2/pages/", type="news.ArticlePage", limit=20)
    ids = {item["id"] for item in data["items"]}
    assert draft.pk not in ids and private.pk not in ids
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
    # a published story whose newer draft is pending shows the published version only
    story = corpus["congress"]
    story.title = "Tiêu đề nháp chưa duyệt"
    story.save_revision()
    assert get(client, f"/api/v2/pages/{story.pk}/")["title"] != "Tiêu đề nháp chưa duyệt"


def test_unknown_fields_are_refused(client, corpus):
    response = client.get("/api/v2/pages/", {"type": "news.ArticlePage", "fields": "owner"})
    assert response.status_code == 400
    response = client.get("/api/v2/pages/", {"type": "news.ArticlePage", "fields": "email"})
    assert response.status_code == 400


def test_search_ignores_tone_marks(client, corpus):
    data = get(client, "/api/v2/pages/", search="dai hoi thi dua", type="news.ArticlePage")
    assert [item["id"] for item in data["items"]] == [corpus["congress"].pk]
    assert get(client, "/api/v2/pages/", search="%%%")["items"] == []


def test_images_endpoint(client, make_story, make_image):
    image = make_image("Ảnh đại hội")
    make_story(image=image)
    data = get(client, "/api/v2/images/")
    assert [item["id"] for item in data["items"]] == [image.pk]
    assert data["items"][0]["title"] == "Ảnh đại hội"


def test_listing_query_count_is_constant(client, make_story, make_reporter):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reporter = make_reporter()
    url = "/api/v2/pages/?type=news.ArticlePage&fields=lead,authors,tags,body"

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for n in range(2):
        make_story(title=f"Tin {n}", tags=["Thi đua", "Y tế"], reporters=[reporter])
    count()  # warm-up: content types and the site are cached after the first request
    small = count()
    for n in range(2, 12):
        make_story(title=f"Tin {n}", tags=["Thi đua", "Y tế"], reporters=[reporter])
    assert count() == small <= 10
    item = get(client, url)["items"][0]
    assert [tag["name"] for tag in item["tags"]] == ["Thi đua", "Y tế"] and item["authors"][0][
        "slug"
    ] == reporter.slug
