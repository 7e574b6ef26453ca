"""One spelling per tag: folded reuse, tone-less suggestions, merging with redirects, and a
description on the tag's page."""

import pytest
from django.urls import reverse

from news.models import ArticlePage, NewsTag
from tests.conftest import ARTICLE_ADD_FORM as ADD_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, staff_user):
    client.force_login(staff_user("bientap", superuser=True))
    return client


def test_a_tag_typed_with_other_tone_marks_reuses_the_stored_one(editor, news_index, make_story):
    make_story(title="Tin cũ", tags=["Đăk Glei"])
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    response = editor.post(
        url, {**ADD_FORM, "title": "Tin mới ở Đắk Glei", "slug": "", "tags": "Đắk Glei, ĐĂK GLEI"}
    )
    assert response.status_code == 302
    assert list(NewsTag.objects.values_list("name", "slug")) == [("Đăk Glei", "dak-glei")]
    story = ArticlePage.objects.get(title="Tin mới ở Đắk Glei")
    assert [tag.name for tag in story.tags.all()] == ["Đăk Glei"]


def test_suggestions_match_without_tone_marks(editor, make_story):
    make_story(title="Tin", tags=["Đăk Glei", "Nông thôn mới", "Dân vận khéo"])
    url = "/admin/tag-autocomplete/news/newstag/"
    assert editor.get(url, {"term": "dak"}).json() == ["Đăk Glei"]
    assert editor.get(url, {"term": "Đắk"}).json() == ["Đăk Glei"]
    assert editor.get(url, {"term": "thon moi"}).json() == ["Nông thôn mới"]
    assert editor.get(url, {"term": "Dân"}).json()[0] == "Dân vận khéo"  # exact spelling first
    editor.logout()
    assert editor.get(url, {"term": "dak"}).status_code == 302  # the admin's login first


def test_merging_moves_stories_and_redirects_the_old_addresses(
    editor, client, news_index, make_story
):
    kept_story = make_story(title="Tin một", tags=["Đăk Glei"])
    moved_story = make_story(title="Tin hai", tags=["Đắk Glei (huyện)"])
    both = make_story(title="Tin ba", tags=["Đăk Glei", "Đắk Glei (huyện)"])
    keep = NewsTag.objects.get(name="Đăk Glei")
    other = NewsTag.objects.get(name="Đắk Glei (huyện)")
    url = reverse("wagtail_bulk_action", args=("news", "newstag", "merge"))
    url += f"?id={keep.pk}&id={other.pk}"
    confirm = editor.get(url)
    assert confirm.status_code == 200 and "Đắk Glei (huyện)" in confirm.content.decode()
    assert editor.post(url, {"keep": keep.pk}).status_code == 302
    assert list(NewsTag.objects.values_list("name", flat=True)) == ["Đăk Glei"]
    for story in (kept_story, moved_story, both):
        assert [t.name for t in ArticlePage.objects.get(pk=story.pk).tags.all()] == ["Đăk Glei"]
        latest = story.get_latest_revision().content["tagged_items"]
        assert {item["tag"] for item in latest} == {keep.pk}
    old_page = client.get(f"{news_index.url}chu-de/{other.slug}/")
    assert old_page.status_code == 301
    assert old_page["Location"].endswith(f"{news_index.url}chu-de/dak-glei/")
    old_feed = client.get(reverse("feeds:tag", args=[other.slug]))
    assert old_feed.status_code == 301
    assert old_feed["Location"].endswith(reverse("feeds:tag", args=["dak-glei"]))
    page = client.get(f"{news_index.url}chu-de/dak-glei/").content.decode()
    assert "Tin hai" in page and "Tin ba" in page


def test_the_merge_command(make_story):
    from django.core.management import call_command

    make_story(title="Tin", tags=["Nông thôn mới", "Nong thon moi!"])
    call_command("merge_tags", "nong-thon-moi", "nong-thon-moi-1")
    assert list(NewsTag.objects.values_list("name", flat=True)) == ["Nông thôn mới"]


def test_a_tag_description_shows_on_its_page(client, news_index, make_story):
    make_story(title="Tin", tags=["Nông thôn mới"])
    tag = NewsTag.objects.get()
    tag.description = "Chương trình mục tiêu quốc gia xây dựng nông thôn mới."
    tag.save()
    html = client.get(f"{news_index.url}chu-de/{tag.slug}/").content.decode()
    assert "Chương trình mục tiêu quốc gia xây dựng nông thôn mới." in html


def test_two_new_spellings_in_one_field_are_one_tag(make_story):
    story = make_story(title="Tin", tags=["Đắk Tô", "ĐĂK TÔ", "Đăk Tô"])
    assert list(NewsTag.objects.values_list("name", flat=True)) == ["Đắk Tô"]
    assert story.tags.count() == 1
