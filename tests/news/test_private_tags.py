"""A tag is public only once a live story uses it: before that (a draft, a scheduled story, a
slip of the keyboard) it has no page, no feed, no place in a listing and no suggestion."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.roles import EDITORS, REPORTERS
from news.models import ArticlePage, NewsTag
from news.roles import ensure_roles

pytestmark = pytest.mark.django_db

SLIP = "thi đuađiển hình tiên tiến"
AUTOCOMPLETE = "/admin/tag-autocomplete/news/newstag/"


@pytest.fixture
def roles(news_index):
    return ensure_roles()


def reporters_draft(client, news_index, staff_user, tags):
    """A reporter saves a draft in the admin, as they do every day."""
    client.force_login(staff_user("phongvien", REPORTERS))
    data = nested_form_data(
        {
            "title": "Bản nháp của phóng viên",
            "slug": "",
            "kind": "tin",
            "lead": "Sapo.",
            "body": streamfield([]),
            "bylines": inline_formset([]),
            "related_links": inline_formset([]),
            "exemplar_links": inline_formset([]),
            "notes": inline_formset([]),
            "tags": tags,
            "comments_enabled": "on",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    assert client.post(url, data).status_code == 302
    client.logout()
    return ArticlePage.objects.get(title="Bản nháp của phóng viên")


def assert_not_public(client, news_index, tag):
    assert client.get(f"{news_index.url}chu-de/{tag.slug}/").status_code == 404
    assert client.get(reverse("feeds:tag", args=[tag.slug])).status_code == 404
    assert client.get(reverse("feeds:tag_atom", args=[tag.slug])).status_code == 404
    listing = client.get(news_index.url, {"tag": tag.slug})
    assert listing.status_code == 200
    assert tag.name not in listing.content.decode()


def test_a_drafts_slip_has_no_page_feed_or_suggestion(client, roles, news_index, staff_user):
    draft = reporters_draft(client, news_index, staff_user, f"Thi đua, {SLIP}")
    assert not draft.live
    slip = NewsTag.objects.get(name=SLIP)
    assert_not_public(client, news_index, slip)
    client.force_login(staff_user("bientap", EDITORS))
    assert client.get(AUTOCOMPLETE, {"term": "thi dua"}).json() == []
    assert client.get(AUTOCOMPLETE, {"term": "thi đuađiển"}).json() == []


def test_a_scheduled_storys_tags_wait_for_its_publication(
    client, roles, news_index, make_story, staff_user
):
    story = make_story(title="Tin hẹn giờ", tags=["Hội nghị điển hình"], publish=False)
    story.go_live_at = timezone.now() + timedelta(hours=2)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live and story.go_live_at
    tag = NewsTag.objects.get(name="Hội nghị điển hình")
    assert_not_public(client, news_index, tag)
    assert "Hội nghị điển hình" not in client.get("/").content.decode()

    story.go_live_at = None
    story.save_revision().publish()
    page = client.get(f"{news_index.url}chu-de/{tag.slug}/")
    assert page.status_code == 200 and "Tin hẹn giờ" in page.content.decode()
    assert client.get(reverse("feeds:tag", args=[tag.slug])).status_code == 200
    client.force_login(staff_user("bientap", EDITORS))
    assert client.get(AUTOCOMPLETE, {"term": "hoi nghi"}).json() == ["Hội nghị điển hình"]


def test_an_unpublished_storys_tag_leaves_the_public(client, news_index, make_story):
    story = make_story(title="Tin rút", tags=["Chỉ một bài"])
    tag = NewsTag.objects.get(name="Chỉ một bài")
    assert client.get(f"{news_index.url}chu-de/{tag.slug}/").status_code == 200
    story.unpublish()
    assert_not_public(client, news_index, tag)


def test_a_tag_used_only_behind_a_password_stays_private(client, news_index, make_story):
    from wagtail.models import PageViewRestriction

    story = make_story(title="Tin nội bộ", tags=["Nội bộ"])
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="x")
    assert_not_public(client, news_index, NewsTag.objects.get(name="Nội bộ"))
    assert "Nội bộ" not in client.get("/").content.decode()
