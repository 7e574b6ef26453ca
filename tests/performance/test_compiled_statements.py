"""Renders from nothing read their listings and a story's own rows through compiled
statements (base/statements.py): built and compiled once, then run with each page's values.
What a reader sees must be each page's own rows, the draft's in a preview, and never a row a
view restriction hides."""

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import aware, setup_roles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _from_nothing(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = False


@pytest.fixture
def two_stories(make_story, make_reporter, make_exemplar):
    from news.models import ArticleExemplar, ArticleNote, ArticleRelatedStory

    stories = []
    for n, name in enumerate(("Hồ Thị Lan", "Trần Văn Bình")):
        exemplar = make_exemplar(f"Điển hình {name}", awards=[{"year": 2020 + n}])
        other = make_story(title=f"Tin liên quan {n}", date=aware(2021, 1, 1 + n))
        story = make_story(
            title=f"Bài của {name}",
            tags=[f"Chủ đề riêng {n}", f"Một chủ đề nữa {n}"],
            reporters=[make_reporter(name)],
            date=aware(2022, 2, 1 + n),
        )
        story.notes.add(ArticleNote(kind="update", date=timezone.now(), text=f"Cập nhật số {n}"))
        story.related_links.add(ArticleRelatedStory(story=other))
        story.exemplar_links.add(ArticleExemplar(exemplar=exemplar))
        story.save_revision().publish()
        stories.append((story, name, other, exemplar))
    return stories


def test_each_story_shows_its_own_rows_when_rendered_from_nothing_in_turn(two_stories):
    client = Client()
    (first, *first_rows), (second, *second_rows) = two_stories
    for story, own, other in (
        (first, first_rows, second_rows),
        (second, second_rows, first_rows),
        (first, first_rows, second_rows),
    ):
        html = client.get(story.url).content.decode()
        name, related, exemplar = own
        n = 0 if story is first else 1
        assert name in html and related.title in html and exemplar.title in html, story.title
        assert f"Cập nhật số {n}" in html and f"Chủ đề riêng {n}" in html
        # The tags in the order they were given, as taggit's manager reads them.
        given = [tag.name for tag in story.tags.all()]
        assert sorted(given, key=html.index) == given
        other_name, other_related, other_exemplar = other
        assert other_name not in html and other_exemplar.title not in html
        assert other_related.title not in html and f"Cập nhật số {1 - n}" not in html


def test_a_revision_shows_its_draft_rows_not_the_live_ones(two_stories, staff_user, make_reporter):
    """The editor's view of a draft reads the bylines, tags and notes the draft holds in
    memory, not the live story's rows from the database."""
    from news.models import ArticleByline, ArticleNote

    story, name, _other, _exemplar = two_stories[0]
    draft = story.specific.get_latest_revision_as_object()
    draft.bylines.clear()
    draft.bylines.add(ArticleByline(reporter=make_reporter("Phóng viên Bản Nháp")))
    draft.tags.set(["Chủ đề bản nháp"])
    draft.notes.add(ArticleNote(kind="correction", date=timezone.now(), text="Đính chính nháp"))
    revision = draft.save_revision()
    setup_roles()
    client = Client()
    client.force_login(staff_user("bientap", "Biên tập viên"))
    response = client.get(f"/admin/pages/{story.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Phóng viên Bản Nháp" in html and "Chủ đề bản nháp" in html
    assert "Đính chính nháp" in html
    live = Client().get(story.url).content.decode()
    assert name in live and "Phóng viên Bản Nháp" not in live and "Chủ đề bản nháp" not in live


def test_a_new_view_restriction_takes_a_story_off_the_home_page_at_once(
    news_index, make_story, home_page
):
    from wagtail.models import PageViewRestriction

    kept = make_story(title="Tin ai cũng đọc", date=aware(2023, 1, 1))
    hidden = make_story(title="Tin nội bộ của đài", date=aware(2023, 1, 2))
    client = Client()
    html = client.get("/").content.decode()
    assert kept.title in html and hidden.title in html
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    html = client.get("/").content.decode()
    assert kept.title in html and hidden.title not in html
    related = make_story(title="Tin cùng chủ đề", tags=["Nội bộ"], date=aware(2023, 1, 3))
    hidden.tags.add("Nội bộ")
    hidden.save_revision().publish()
    assert "Tin nội bộ của đài" not in client.get(related.url).content.decode()
