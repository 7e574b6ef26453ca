"""`manage.py load_demo` builds a credible site, twice without change, and every page serves."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def model_counts():
    from django.apps import apps

    labels = {"kontum_site", "news", "campaigns", "exemplars", "comments", "wagtailimages", "auth"}
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in labels
    } | {"pages": Page.objects.count()}


def test_load_demo_builds_the_site_once_and_every_page_serves(client):
    """One load is slow (images, revisions), so one test checks the whole promise."""
    call_command("load_demo", stdout=StringIO())
    first = model_counts()
    call_command("load_demo", stdout=StringIO())
    assert model_counts() == first, "load_demo is not idempotent"
    check_content()
    check_comments()
    check_roles()
    check_every_public_page(client)


def check_content():
    from news.models import ArticlePage, NewsTag, Reporter

    assert ArticlePage.objects.live().count() >= 15
    assert Reporter.objects.count() >= 5
    assert NewsTag.objects.count() >= 20
    assert ArticlePage.objects.filter(featured_image__isnull=True).count() == 0


def check_every_public_page(client):
    from news.models import NewsIndexPage, NewsTag, Reporter

    pages = Page.objects.live().filter(depth__gt=1).select_related("locale")
    urls = [(page.url, page.locale.language_code) for page in pages]  # each in its edition
    index = NewsIndexPage.objects.get(locale__language_code="vi")  # the Vietnamese edition
    urls += [(index.tag_url(tag), "vi") for tag in NewsTag.objects.all()]
    urls += [(index.reporter_url(reporter), "vi") for reporter in Reporter.objects.all()]
    assert len(urls) > 40
    for url, language in urls:
        assert url.isascii() and re.fullmatch(r"[a-z0-9/\-]+", url), url
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode(), url


def check_roles():
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS, REPORTERS

    assert set(Group.objects.values_list("name", flat=True)) >= {REPORTERS, EDITORS}


def check_comments():
    from comments.models import Comment, Status
    from news.models import ArticlePage

    approved = Comment.objects.filter(status=Status.APPROVED)
    stories = ArticlePage.objects.filter(pk__in=approved.values("page_id"))
    assert stories.count() >= 3, "approved threads on several stories"
    assert approved.filter(parent__isnull=False).exists(), "threads have replies"
    for status in (Status.PENDING, Status.SPAM, Status.TRASH):
        assert Comment.objects.filter(status=status).exists(), f"a {status} queue to moderate"
