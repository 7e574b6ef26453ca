"""Who the reader is behind proxies, limits claimed atomically, one submission per form."""

import time

import pytest
from django.urls import reverse

from comments.forms import make_token
from comments.models import Comment

pytestmark = pytest.mark.django_db


def behind_proxy(client, story, forwarded, remote="127.0.0.1", n=1, token=None, json=True):
    return client.post(
        reverse("comments:post", args=[story.pk]),
        {
            "name": f"Bạn đọc {n}",
            "email": f"reader{n}@example.invalid",
            "body": f"Ý kiến số {n}",
            "token": token or make_token(story.pk, now=time.time() - 60),
        },
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
        headers={"Accept": "application/json"} if json else {},
    )


def test_readers_behind_a_trusted_proxy_each_have_their_own_limit(client, story, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert behind_proxy(client, story, "198.51.100.7", n=1).status_code == 201
    assert behind_proxy(client, story, "203.0.113.9", n=2).status_code == 201
    again = behind_proxy(client, story, "203.0.113.9", n=3)
    assert again.status_code == 429
    assert 1 <= int(again["Retry-After"]) <= 15
    assert sorted(Comment.objects.values_list("ip_address", flat=True)) == [
        "198.51.100.0",
        "203.0.113.0",
    ]


def test_a_forged_header_from_an_untrusted_address_is_ignored(client, story, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert behind_proxy(client, story, "198.51.100.7", remote="192.0.2.5", n=1).status_code == 201
    # Another made-up X-Forwarded-For does not make the same sender someone else.
    assert behind_proxy(client, story, "203.0.113.9", remote="192.0.2.5", n=2).status_code == 429
    assert Comment.objects.get().ip_address == "192.0.2.0"


def test_without_trusted_proxies_the_header_counts_for_nothing(client, story, settings):
    settings.TRUSTED_PROXIES = []
    behind_proxy(client, story, "198.51.100.7", n=1)
    assert behind_proxy(client, story, "203.0.113.9", n=2).status_code == 429
    assert Comment.objects.get().ip_address == "127.0.0.0"


def test_the_client_is_the_right_most_untrusted_hop(client, story, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    # The reader forged the first entry; nginx (10.0.0.2) and Varnish (127.0.0.1) appended.
    chain = "6.6.6.6, 198.51.100.7, 10.0.0.2"
    assert behind_proxy(client, story, chain, n=1).status_code == 201
    assert Comment.objects.get().ip_address == "198.51.100.0"


def test_garbage_in_the_header_is_not_an_address(client, story, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert behind_proxy(client, story, "<script>, not-an-ip", n=1).status_code == 201
    assert Comment.objects.get().ip_address == "127.0.0.0"


def test_per_minute_limit_answers_429_with_retry_after(post_comment, story, rules):
    rules.flood_seconds = 0
    rules.max_per_minute = 2
    rules.save()
    codes = [post_comment(story, email=f"r{n}@example.invalid").status_code for n in range(2)]
    assert codes == [201, 201]
    third = post_comment(story, email="r3@example.invalid")
    assert third.status_code == 429
    assert 1 <= int(third["Retry-After"]) <= 60


def test_a_form_token_serves_one_submission(client, story):
    token = make_token(story.pk, now=time.time() - 60)
    data = {
        "name": "Trần Văn Bình",
        "email": "binh@example.invalid",
        "body": "Bài viết rất hay.",
        "token": token,
    }
    url = reverse("comments:post", args=[story.pk])
    first = client.post(url, data, headers={"Accept": "application/json"})
    assert first.status_code == 201
    # The same submission again (a retry after a lost answer) is answered, not stored again.
    retry = client.post(url, data, headers={"Accept": "application/json"})
    assert retry.status_code == 201
    assert Comment.objects.count() == 1
    # Another comment on the used token is refused, the text kept, with a fresh token.
    replay = client.post(url, {**data, "body": "Một ý kiến khác"})
    assert replay.status_code == 409
    html = replay.content.decode()
    assert "đã được gửi" in html
    assert "Một ý kiến khác" in html
    assert token not in html
    assert Comment.objects.count() == 1
