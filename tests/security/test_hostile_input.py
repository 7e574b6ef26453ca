"""Hostile input never answers 500: the nine findings of the hostile-input issue, and their kin.

Runs on SQLite and PostgreSQL (PostgreSQL refuses NUL in text, SQLite does not)."""

import json

import pytest
from django.urls import reverse

from base.params import int_list, int_param

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(make_story):
    return make_story(title="Tin có bình luận", tags=["Thi đua"])


@pytest.fixture
def directory(home_page):
    from exemplars.models import ExemplarIndexPage

    page = home_page.add_child(instance=ExemplarIndexPage(title="Điển hình", slug="dien-hinh"))
    page.save_revision().publish()
    return page


def public_corpus(story, directory):
    index = story.get_parent().url
    return [
        (f"{story.url}?tra-loi=%C2%B2", 200),
        (f"{story.url}?trang-binh-luan=%C2%B2", 200),
        (f"{story.url}?trang-binh-luan=99999999999999999999", 200),
        (f"{story.url}?tra-loi=99999999999999999999", 200),
        (f"{directory.url}?q=a%00b", 200),
        (f"{directory.url}?year=%C2%B2&place=99999999999999999999", 200),
        (f"{index}?tag=a%00b", 200),  # no such tag: no stories
        (f"{index}?page=%C2%B2", 200),
        (f"{index}?month=2020-%C2%B2", 200),
        (f"{index}?month=99999-1", 200),
        ("/api/v2/pages/find/?html_path=/a%00b/", 404),
        ("/api/v2/pages/?offset=99999999999999999999", 400),
        ("/api/v2/pages/find/?id=", 400),  # found by the fuzzer
        ("/api/v2/pages/find/?id=%C2%B2", 400),
        ("/api/v2/pages/?search=thi&search_operator=xx", 400),
        ("/api/v2/pages/1/?search=%C2%B2&search_operator=%C2%B2", 400),  # found by the fuzzer
        ("/api/v2/pages/?id=99999999999999999999", 400),
        ("/api/v2/pages/?child_of=99999999999999999999", 400),
        ("/api/v2/images/?limit=99999999999999999999", 400),
        ("/tim-kiem/?q=%00&nam=%C2%B2", 200),
        ("/tim-kiem/?q=thi&nam=%C2%B2&page=%C2%B2", 200),
        ("/%00/", 400),
        ("/rss/chu-de/%00/", 400),
    ]


def test_public_corpus_never_500(client, story, directory):
    for url, expected in public_corpus(story, directory):
        response = client.get(url)
        assert response.status_code == expected, url


def test_a_400_is_translated(client, directory):
    response = client.get("/tin-tuc/%00/")
    assert response.status_code == 400
    assert "Địa chỉ có ký tự không được phép." in response.content.decode()


def test_control_characters_are_removed_from_a_search(client, make_story):
    story = make_story(title="Đại hội thi đua")
    html = client.get("/tim-kiem/", {"q": "\x00đại\x07 hội"}).content.decode()
    assert story.url in html
    assert "\x00" not in html


def test_control_characters_in_a_posted_form_are_removed_not_stored(client, story):
    import time

    from comments.forms import make_token
    from comments.models import Comment

    response = client.post(
        reverse("comments:post", args=[story.pk]),
        {
            "name": "Bạn\x00 đọc",
            "email": "a@example.invalid",
            "body": "Ý kiến\x00 có\x0b ký tự lạ",
            "token": make_token(story.pk, now=time.time() - 60),
        },
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 201
    comment = Comment.objects.get()
    assert (comment.author_name, comment.body) == ("Bạn đọc", "Ý kiến có ký tự lạ")


def test_moderation_post_with_odd_ids_is_a_400_not_a_500(client, story, staff_user):
    client.force_login(staff_user("admin", superuser=True))
    url = reverse("wagtailsnippets_comments_comment:moderate_many")
    assert client.post(url, {"action": "approve", "id": "²"}).status_code == 400
    assert client.post(url, {"action": "approve", "id": "99999999999999999999"}).status_code == 400


def test_moderation_next_never_leaves_the_site(client, story, staff_user):
    from comments.models import Comment, Status

    comment = Comment.objects.create(
        page=story, author_name="A", author_email="a@x.invalid", body="B", status=Status.PENDING
    )
    client.force_login(staff_user("admin", superuser=True))
    url = reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk, "approve"])
    for target in ("https://evil.example/phish", "//evil.example/", "javascript:alert(1)"):
        response = client.post(url, {"next": target})
        assert response.status_code == 302
        assert "evil.example" not in response["Location"]
        assert not response["Location"].startswith("javascript:")
    inside = reverse("wagtailsnippets_comments_comment:list") + "?status=pending"
    assert client.post(url, {"next": inside})["Location"] == inside


def test_a_page_edit_post_without_its_stream_counts_is_a_form_error(client, story, staff_user):
    client.force_login(staff_user("admin", superuser=True))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        {"title": "Tiêu đề đã sửa", "slug": story.slug, "lead": "Sapo"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The field's error travels in the editor's JSON data (escaped, shown by the editor's JS).
    message = "Không đọc được nội dung trình duyệt gửi lên: vui lòng tải lại trang."
    assert json.dumps(message)[1:-1] in html
    assert "Tiêu đề đã sửa" in html  # what the editor typed is kept
    story.refresh_from_db()
    assert story.title == "Tin có bình luận"
    assert len(story.body) == 1  # the saved body is untouched


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        ("²", None),
        ("٣", None),
        ("1_0", None),
        (" 7 ", 7),
        ("-1", None),
        ("", None),
        ("99999999999999999999", None),
        (None, None),
        ("1e3", None),
    ],
)
def test_int_param(value, expected):
    assert int_param(value) == expected


def test_int_list_drops_what_is_not_a_plain_id():
    assert int_list(["1", "²", "3", "0", "99999999999999999999"]) == [1, 3]
