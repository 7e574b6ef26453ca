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
