"""Pages behind a password, a login or a group take no comments: the form is not shown there,
and a post (with or without JavaScript) is refused with a clear message, never a 500."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import PageViewRestriction

from comments.models import Comment

pytestmark = pytest.mark.django_db

REFUSED = "Trang có giới hạn truy cập không nhận bình luận."


@pytest.fixture
def reader(client):
    """A signed-in reader (not staff), in the group the restriction names."""
    user = User.objects.create_user("bandoc", "bandoc@example.invalid", "pw")
    user.groups.add(Group.objects.get_or_create(name="Bạn đọc thân thiết")[0])
    client.force_login(user)
    return user


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="mat-khau" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Bạn đọc thân thiết")[0])
    return restriction


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_restricted_page_refuses_comments(client, reader, story, post_comment, kind):
    restriction = restrict(story, kind)
    if kind == "password":
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])
        client.post(url, {"password": "mat-khau", "return_url": story.url})
    page = client.get(story.url)
    assert page.status_code == 200  # the reader may read it…
    html = page.content.decode()
    assert "Hội nghị điển hình tiên tiến" in html
    assert 'id="binh-luan-form"' not in html  # …but is not offered a comment form

    response = post_comment(story)
    assert response.status_code == 403
    assert response.json()["message"] == REFUSED
    response = post_comment(story, json=False)
    assert response.status_code == 403
    assert REFUSED in response.content.decode()
    assert 'id="binh-luan-form"' not in response.content.decode()
    assert client.get(reverse("comments:token", args=[story.pk])).status_code == 403
    assert not Comment.objects.exists()


def test_an_anonymous_reader_is_refused_too(client, story, post_comment):
    restrict(story, "password")
    response = post_comment(story)
    assert response.status_code == 403 and response.json()["message"] == REFUSED
    assert not Comment.objects.exists()


def test_a_restriction_on_a_parent_counts(client, story, news_index, post_comment):
    restrict(news_index, "login")
    response = post_comment(story)
    assert response.status_code == 403 and response.json()["message"] == REFUSED


def test_an_open_page_still_takes_comments(story, post_comment):
    assert post_comment(story).status_code == 201
