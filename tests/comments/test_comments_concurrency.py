"""50 readers posting at the same moment: each comment is stored exactly once (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from comments.forms import make_token
from comments.models import Comment

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")


def _post_all(page, payloads, same_network=False):
    url = reverse("comments:post", args=[page.pk])
    barrier = threading.Barrier(len(payloads))
    codes = []

    def worker(n, data):
        from django.db import connections

        try:
            barrier.wait()
            response = Client().post(
                url,
                data,
                REMOTE_ADDR=f"10.9.9.{n + 1}" if same_network else f"10.{n}.0.1",
                headers={"Accept": "application/json"},
            )
            codes.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n, d)) for n, d in enumerate(payloads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return codes


def _data(page, n, body=None, email=None):
    return {
        "name": f"Bạn đọc {n}",
        "email": email or f"reader{n}@example.invalid",
        "body": body or f"Ý kiến số {n}",
        "token": make_token(page.pk, now=time.time() - 60),
    }


def test_fifty_parallel_posts_each_stored_once(story):
    codes = _post_all(story, [_data(story, n) for n in range(50)])
    assert codes.count(201) == 50
    assert Comment.objects.count() == 50
    assert sorted(Comment.objects.values_list("body", flat=True)) == sorted(
        f"Ý kiến số {n}" for n in range(50)
    )


def test_the_same_comment_posted_fifty_times_at_once_is_stored_once(story):
    payloads = [_data(story, 1, body="Một lần thôi", email="mot@example.invalid")] * 50
    codes = _post_all(story, payloads)
    assert Comment.objects.count() == 1
    # The same form token: a copy that arrives after the first is stored is answered as a
    # retry (201, the same comment); the others are held by the flood limit.
    assert codes.count(201) >= 1
    assert set(codes) <= {201, 409, 429}


def test_fifty_posts_from_one_network_at_once_let_one_through(story):
    codes = _post_all(story, [_data(story, n) for n in range(50)], same_network=True)
    assert codes.count(201) == 1
    assert codes.count(429) == 49
    assert Comment.objects.count() == 1
