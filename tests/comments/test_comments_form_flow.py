"""The public form as readers meet it: what is missing before "too fast", ids that exist,
and a reader without JavaScript on a cached page who still gets a comment through."""

import re
import time

import pytest
from django.urls import reverse

from comments.forms import make_token
from comments.models import Comment

pytestmark = pytest.mark.django_db


def _token_in(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def test_an_empty_form_sent_at_once_says_what_is_missing(client, story):
    url = reverse("comments:post", args=[story.pk])
    data = {"name": "", "email": "", "body": "", "token": make_token(story.pk), "website": ""}
    answer = client.post(url, data, headers={"Accept": "application/json"})
    assert answer.status_code == 400
    assert set(answer.json()["errors"]) == {"name", "email", "body"}
    assert "nhanh" not in answer.json()["message"]
    page = client.post(url, data).content.decode()  # without JavaScript: the same errors
    assert "Vui lòng nhập họ tên." in page and "nhanh" not in page


def test_a_complete_form_sent_at_once_is_still_too_fast(client, story):
    url = reverse("comments:post", args=[story.pk])
    data = {
        "name": "Trần Văn Bình",
        "email": "binh@example.invalid",
        "body": "Bài viết rất hay.",
        "token": make_token(story.pk),
    }
    answer = client.post(url, data, headers={"Accept": "application/json"})
    assert answer.status_code == 400 and "nhanh" in answer.json()["message"]
    assert not Comment.objects.exists()


def _described_ids(html, name):
    tag = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html).group(0)
    found = re.search(r'aria-describedby="([^"]*)"', tag)
    return found.group(1).split() if found else []


def test_every_aria_describedby_names_an_element_on_the_page(client, story, post_comment):
    html = client.get(story.url).content.decode()
    ids = _described_ids(html, "email")
    assert ids
    for target in ids:
        assert f'id="{target}"' in html, target
    # Shown again with errors (no JavaScript): the fields point at their errors too.
    again = post_comment(story, json=False, email="không-phải-email", body="")
    html = again.content.decode()
    for name in ("email", "body"):
        ids = _described_ids(html, name)
        assert f"id_{name}-error" in ids
        for target in ids:
            assert f'id="{target}"' in html, target


def test_no_javascript_reader_on_a_cached_page_comments_with_one_extra_click(
    client, story, rules, clock
):
    from django.test import Client

    rules.min_seconds = 1
    rules.save()
    client.get(story.url)
    cached = client.get(story.url)
    assert cached["X-Page-Cache"] == "hit"
    cached_token = _token_in(cached.content.decode())
    clock.advance(1.1)  # readers read the story before writing
    url = reverse("comments:post", args=[story.pk])
    first = Client(REMOTE_ADDR="198.51.100.1").post(
        url,
        {
            "name": "A Thuận",
            "email": "thuan@example.invalid",
            "body": "Ý kiến thứ nhất",
            "token": cached_token,
        },
    )
    assert first.status_code == 302
    second_reader = Client(REMOTE_ADDR="203.0.113.9")
    typed = {
        "name": "Y Nhung",
        "email": "nhung@example.invalid",
        "body": "Ý kiến thứ hai, gõ kỹ",
        "token": cached_token,
    }
    html = second_reader.post(url, typed).content.decode()
    assert "Ý kiến thứ hai, gõ kỹ" in html and "Y Nhung" in html  # what was typed is kept
    assert "vui lòng gửi lại" in html.lower()
    fresh = _token_in(html)
    assert fresh != cached_token
    # One more press of "send", at once, and the comment is in.
    again = second_reader.post(url, {**typed, "token": fresh})
    assert again.status_code == 302
    assert Comment.objects.filter(author_name="Y Nhung").exists()


def test_a_refusal_gives_the_script_a_token_for_the_next_try(client, story, rules):
    rules.min_seconds = 1
    rules.save()
    url = reverse("comments:post", args=[story.pk])
    data = {
        "name": "Trần Văn Bình",
        "email": "binh@example.invalid",
        "body": "",
        "token": make_token(story.pk, now=time.time() - 30),
    }
    refused = client.post(url, data, headers={"Accept": "application/json"})
    assert refused.status_code == 400
    data.update(body="Bài viết rất hay.", token=refused.json()["token"])
    assert client.post(url, data, headers={"Accept": "application/json"}).status_code == 201
