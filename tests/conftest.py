"""Shared fixtures: the site tree, stories, users in the editorial groups."""

import os
from datetime import datetime

import pytest
from django.utils import timezone

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + ORM in browser tests


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    from kontum_site.demo import load

    return load()


@pytest.fixture
def news_index(home_page):
    from news.models import NewsIndexPage

    index = home_page.add_child(
        instance=NewsIndexPage(title="Tin tức", slug="tin-tuc", show_in_menus=True)
    )
    index.save_revision().publish()
    return index


def aware(year, month, day, hour=8):
    return timezone.make_aware(datetime(year, month, day, hour, 0))


@pytest.fixture
def make_image(db):
    import wagtail_factories

    def make(title="Ảnh mẫu"):
        return wagtail_factories.ImageFactory(title=title)

    return make


@pytest.fixture
def make_reporter(db):
    from news.models import Reporter

    def make(name="Nguyễn Thị Hồng Nhung", **fields):
        return Reporter.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_story(news_index):
    from news.models import ArticleByline, ArticlePage

    def make(
        title="Đại hội Thi đua yêu nước",
        lead="Sapo của tin.",
        tags=(),
        date=None,
        image=None,
        reporters=(),
        publish=True,
        parent=None,
        body=None,
        **fields,
    ):
        story = ArticlePage(
            live=False,
            title=title,
            lead=lead,
            display_date=date,
            featured_image=image,
            body=body or [{"type": "paragraph", "value": "<p>Nội dung bài viết.</p>"}],
            **fields,
        )
        for reporter in reporters:
            story.bylines.add(ArticleByline(reporter=reporter))
        if tags:
            story.tags.add(*tags)
        (parent or news_index).add_child(instance=story)
        revision = story.save_revision()
        if publish:
            revision.publish()
            story.refresh_from_db()
        return story

    return make


@pytest.fixture
def staff_user(db):
    from django.contrib.auth.models import Group, User

    def make(username, group_name=None, superuser=False):
        if superuser:
            return User.objects.create_superuser(username, f"{username}@example.invalid", "pw")
        user = User.objects.create_user(username, f"{username}@example.invalid", "pw")
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make
