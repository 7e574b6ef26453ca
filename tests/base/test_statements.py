"""base/statements.py: a queryset built and compiled once per shape, run with new values,
gives what the ORM gives."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.statements import Statement
from tests.conftest import aware

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(make_story, make_image, make_reporter):
    from comments.models import Comment, Status

    image = make_image("Ảnh chung")
    made = [
        make_story(
            title=f"Tin số {n}",
            tags=["Thi đua"],
            image=image if n % 2 else None,
            date=aware(2024, 1, 1 + n),
            reporters=[make_reporter(f"Phóng viên {n}")],
        )
        for n in range(5)
    ]
    Comment.objects.create(
        page=made[1],
        author_name="Bạn đọc",
        author_email="b@example.invalid",
        body="Hay",
        body_hash="1" * 64,
        status=Status.APPROVED,
        visible=True,
    )
    return made


def listing(count, **ids):
    from news.models import ArticlePage, story_listing

    return story_listing(ArticlePage.objects.filter(pk__in=[ids[f"p{n}"] for n in range(count)]))


def described(story):
    image = story.featured_image
    renditions = sorted(
        (rendition.filter_spec, rendition.image.pk == image.pk)
        for rendition in getattr(image, "prefetched_renditions", ())
    )
    return (story.pk, story.title, story.url, story.approved_comment_count, renditions)


def test_a_statement_gives_the_rows_the_orm_gives(stories, client):
    for story in stories:  # the cards' renditions exist, as on a site that has shown them
        client.get(story.url)
    client.get("/")
    statement = Statement(listing)
    ids = {f"p{n}": story.pk for n, story in enumerate(stories)}
    compiled = statement(len(stories), **ids)
    orm = list(listing(len(stories), **ids))
    assert [described(story) for story in compiled] == [described(story) for story in orm]
    assert any(renditions for *_rest, renditions in map(described, compiled))
    assert [story.approved_comment_count for story in compiled].count(1) == 1
    # Each picture's renditions point back to that very instance (a picture two stories
    # share included), so a rendition's alt text reads no row again.
    assert all(
        rendition.image is story.featured_image
        for story in compiled
        for rendition in getattr(story.featured_image, "prefetched_renditions", ())
    )
    with CaptureQueriesContext(connection) as captured:
        assert [story.featured_image.title for story in compiled if story.featured_image_id]
    assert not captured.captured_queries  # the pictures came with the rows


def test_a_statement_is_built_once_per_shape_and_run_with_each_value(stories):
    built = []

    def build(count, **ids):
        built.append(count)
        return listing(count, **ids)

    statement = Statement(build)
    for story in stories:
        assert [found.pk for found in statement(1, p0=story.pk)] == [story.pk]
    assert built == [1]
    pair = statement(2, p0=stories[0].pk, p1=stories[3].pk)
    assert sorted(found.pk for found in pair) == [stories[0].pk, stories[3].pk]
    assert built == [1, 2]


def test_values_are_bound_on_each_run(stories):
    from news.models import ArticlePage

    statement = Statement(lambda *, page: ArticlePage.objects.filter(pk=page))
    assert [story.title for story in statement(page=stories[2].pk)] == ["Tin số 2"]
    assert [story.title for story in statement(page=stories[4].pk)] == ["Tin số 4"]
    with pytest.raises(TypeError):
        statement(page=float(stories[0].pk))
    by_slug = Statement(lambda *, slug: ArticlePage.objects.filter(slug=slug))
    assert [story.pk for story in by_slug(slug=stories[3].slug)] == [stories[3].pk]
    assert [story.pk for story in by_slug(slug=stories[1].slug)] == [stories[1].pk]
    # A value the SQL does not bind (a limit is written into the SQL) is refused.
    sliced = Statement(lambda *, count: ArticlePage.objects.all()[:count])
    with pytest.raises(ImproperlyConfigured):
        sliced(count=2)


def test_values_rows_and_a_shape_that_matches_nothing(stories):
    from news.models import ArticlePage

    titles = Statement(lambda *, page: ArticlePage.objects.filter(pk=page).values("title"))
    assert titles(page=stories[0].pk) == [{"title": "Tin số 0"}]
    nothing = Statement(lambda count: ArticlePage.objects.filter(pk__in=[])[:count])
    with CaptureQueriesContext(connection) as captured:
        assert nothing(3) == []
    assert not captured.captured_queries
