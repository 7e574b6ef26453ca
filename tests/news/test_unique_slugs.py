"""editorial.slugs through its users: the admin's page form (as a reporter) and the reporters."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from news.models import ArticlePage, Reporter
from tests.conftest import ARTICLE_ADD_FORM, admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(staff_user):
    call_command("setup_roles", stdout=io.StringIO())
    return staff_user("phongvien", "Phóng viên")


def test_a_reporter_adding_two_stories_of_one_title_gets_a_numbered_slug(
    client, news_index, reporter
):
    client.force_login(reporter)
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    for _ in range(3):
        response = client.post(url, {**ARTICLE_ADD_FORM, "title": "Hội nghị điển hình", "slug": ""})
        assert response.status_code == 302, response.content.decode()[:2000]
    slugs = sorted(ArticlePage.objects.child_of(news_index).values_list("slug", flat=True))
    assert slugs == ["hoi-nghi-dien-hinh", "hoi-nghi-dien-hinh-2", "hoi-nghi-dien-hinh-3"]


def test_editing_a_story_keeps_its_own_slug(client, news_index, reporter):
    client.force_login(reporter)
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    client.post(url, {**ARTICLE_ADD_FORM, "title": "Hội nghị điển hình", "slug": ""})
    story = ArticlePage.objects.get()
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    data = admin_form_data(client, url)
    data["body-count"] = "0"  # the StreamField as the browser's script sends it
    data["slug"] = ""  # emptied: made again from the title, and the story's own is free
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().slug == "hoi-nghi-dien-hinh"
    assert story.revisions.count() == 2


def test_reporters_of_one_name_get_numbered_slugs(db):
    names = ["Y Nhung", "Y Nhung", "Y Nhung"]
    slugs = [Reporter.objects.create(name=name).slug for name in names]
    assert slugs == ["y-nhung", "y-nhung-2", "y-nhung-3"]
    first = Reporter.objects.get(slug="y-nhung")
    first.slug = ""
    first.save()  # its own slug is free for it again
    assert first.slug == "y-nhung"
