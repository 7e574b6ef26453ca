"""The bench times the moderation queue as the people who use it: a moderator, not a superuser."""

import pytest
from django.test import Client
from django.urls import reverse

from bench.site_step import moderator

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_comments_comment:list"


def test_the_bench_opens_the_queue_as_a_moderator_and_its_session_lasts():
    user = moderator()
    assert not user.is_superuser
    assert [group.name for group in user.groups.all()] == ["Kiểm duyệt viên"]
    client = Client()
    client.force_login(user)
    assert client.get(reverse(QUEUE) + "?status=pending").status_code == 200
    # Asked for again (each bench step does), the account is the same and the session made
    # before still opens the queue (a new password would have ended it: the 302s it met).
    assert moderator().pk == user.pk
    assert client.get(reverse(QUEUE) + "?status=pending").status_code == 200
    # A moderator moderates and nothing else: the page explorer is not theirs.
    assert client.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)
