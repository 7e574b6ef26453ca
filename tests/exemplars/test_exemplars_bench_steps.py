"""The bench steps of campaigns, exemplars and comments: valid tree, rows, targets served."""

import pytest

from bench import dataset

pytestmark = pytest.mark.django_db


def test_app_bench_steps_build_rows_and_their_targets_answer(
    client, admin_client, settings, news_index, campaign, directory, vocab
):
    from wagtail.models import Page

    from bench.steps import campaigns as campaign_step
    from bench.steps import comments as comment_step
    from bench.steps import exemplars as exemplar_step
    from bench.steps import news as news_step
    from campaigns.models import CampaignPage, ConferencePage
    from comments.models import Comment, Status
    from exemplars.models import AwardRecord, ExemplarPage

    settings.PAGE_CACHE_ENABLED = False
    ctx = dataset.BenchContext(scale=0.02)  # 400 stories, 2 campaigns, 60 exemplars, 4,000 comments
    steps = [news_step, campaign_step, exemplar_step, comment_step]
    for step in steps:
        step.build(ctx)
    assert CampaignPage.objects.filter(slug__startswith="phong-trao-bench-").count() == 2
    assert ConferencePage.objects.count() == 6
    assert ExemplarPage.objects.filter(slug__startswith="dien-hinh-bench-").count() == 60
    assert AwardRecord.objects.count() == 200
    assert Comment.objects.count() == 4000
    many = Page.objects.get(slug="bai-viet-200")
    assert Comment.objects.filter(page=many, status=Status.APPROVED).count() == 2000
    assert Page.find_problems() == ([], [], [], [], [])

    for step in steps:  # idempotent
        step.build(ctx)
    assert Comment.objects.count() == 4000
    assert ExemplarPage.objects.count() == 60

    found = dataset.BenchContext(scale=0.02)
    for step in steps:
        step.targets(found)
    kinds = {target.kind: target for target in found.targets}
    for kind in (
        "campaign",
        "exemplar directory, two facets",
        "exemplar profile",
        "search",
        "story, 200 comments",
        "story, 2,000 comments",
        "comment POST",
        "moderation queue",
        "moderation queue, 1,000 comments",
    ):
        assert kind in kinds
    for target in found.targets:
        if target.method == "POST":
            continue
        response = (admin_client if target.login else client).get(target.path)
        assert response.status_code == 200, target
    waiting = Comment.objects.filter(page__slug="bai-viet-202", status=Status.PENDING)
    assert waiting.count() == 1000
    queue = admin_client.get(kinds["moderation queue, 1,000 comments"].path).content.decode()
    assert waiting.first().author_name in queue
