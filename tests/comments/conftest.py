import time

import pytest

from tests.conftest import setup_roles
from tests.snapshots import replay


@pytest.fixture
def story(make_story, make_reporter):
    def build():
        reporter = make_reporter("Nguyễn Thị Hồng Nhung", email="nhung@toasoan.invalid")
        return make_story(title="Hội nghị điển hình tiên tiến", reporters=[reporter])

    return replay("comments.story", build)


@pytest.fixture
def rules(home_page):
    from wagtail.models import Site

    from comments.models import CommentSettings

    return CommentSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def form_data():
    from comments.forms import make_token

    def make(page, **overrides):
        data = {
            "name": "Trần Văn Bình",
            "email": "binh@example.invalid",
            "body": "Bài viết rất hay.",
            "token": make_token(page.pk, now=time.time() - 60),
            "website": "",
        }
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return make


@pytest.fixture
def post_comment(client, form_data):
    """POST a comment as a reader from ``ip``; JSON by default."""
    from django.urls import reverse

    def post(page, ip="203.0.113.7", json=True, client_=None, **fields):
        headers = {"Accept": "application/json"} if json else {}
        return (client_ or client).post(
            reverse("comments:post", args=[page.pk]),
            form_data(page, **fields),
            REMOTE_ADDR=ip,
            HTTP_USER_AGENT="pytest",
            headers=headers,
        )

    return post


@pytest.fixture
def make_comment(db):
    from comments.models import Comment, Status

    counter = {"n": 0}

    def make(page, status=Status.APPROVED, parent=None, **fields):
        counter["n"] += 1
        values = {
            "author_name": f"Bạn đọc {counter['n']}",
            "author_email": f"reader{counter['n']}@example.invalid",
            "body": f"Bình luận số {counter['n']}",
        }
        values.update(fields)
        return Comment.objects.create(
            page=page,
            status=status,
            parent=parent,
            thread=(parent.thread or parent) if parent else None,
            depth=parent.depth + 1 if parent else 1,
            **values,
        )

    return make


@pytest.fixture
def roles(home_page, news_index):
    setup_roles()
