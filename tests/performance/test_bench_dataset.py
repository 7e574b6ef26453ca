"""The bench dataset builder: bulk-inserted stories form a valid Wagtail tree and are served."""

import pytest

from bench import dataset

pytestmark = pytest.mark.django_db


def test_bulk_inserted_stories_are_a_valid_tree_and_render(client, settings, news_index):
    from wagtail.models import Page

    from bench.steps import news as bench
    from news.models import ArticlePage, NewsTag

    settings.PAGE_CACHE_ENABLED = False
    ctx = dataset.BenchContext(scale=0.005)  # 100 stories, 2 tags
    bench.build(ctx)
    stories = ArticlePage.objects.child_of(news_index)
    assert stories.count() == 100
    assert NewsTag.objects.filter(slug__startswith="chu-de-").count() == 2
    assert Page.find_problems() == ([], [], [], [], [])
    news_index.refresh_from_db()
    assert news_index.numchild == 100

    story = stories.get(slug="bai-viet-42")
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert client.get("/tin-tuc/?page=5").status_code == 200
    # A new child added the normal way after the bulk insert gets a free path.
    extra = news_index.add_child(instance=ArticlePage(title="Tin bổ sung", lead="Sapo."))
    assert extra.path > story.path

    bench.build(ctx)  # idempotent: nothing added the second time
    assert stories.count() == 101

    found = dataset.BenchContext(scale=0.005)
    bench.targets(found)
    kinds = {target.kind: target.path for target in found.targets}
    assert kinds["news index, page 500"] == "/tin-tuc/?page=500"
    for path in kinds.values():
        assert client.get(path).status_code == 200


def test_the_rows_after_a_publication_render_what_a_publication_moves(client, settings, news_index):
    """The bench's "after a publication" rows bump, before each request, the stamps a story's
    publication bumps: the home and the tag page read their stories again, as after a real
    publication; without the bump the same request is served from the cached parts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.management.commands.bench import Command
    from bench.steps import news as bench
    from caching.content_versions import scope

    settings.PAGE_CACHE_ENABLED = False
    ctx = dataset.BenchContext(scale=0.005)
    bench.build(ctx)
    bench.targets(ctx)
    targets = {target.kind: target for target in ctx.targets if target.after}
    assert set(targets) == {
        "home (after a publication in it)",
        "tag page (after a publication in it)",
        "story, 0 comments (after its publication)",
    }
    home = targets["home (after a publication in it)"]
    assert scope("listing", news_index.get_parent().pk) in home.after

    def stories_read(target, publish):
        client.get(target.path)
        if publish:
            Command().publication(target)()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target.path).status_code == 200
        return sum('"news_articlepage"' in query["sql"] for query in queries.captured_queries)

    for target in targets.values():
        # (the home reads the breaking-news banner on every render, outside its parts)
        warm = stories_read(target, publish=False)
        assert warm <= 1, target.kind
        assert stories_read(target, publish=True) > warm, target.kind
