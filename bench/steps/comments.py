"""Bench step (see bench/dataset.py): 200,000 comments on the bench stories.

One story holds 2,000 approved comments, one 200, one 1,000 pending (the moderation queue
narrowed to it stands for "the queue at 1,000 comments"); the rest spread over other stories
with every status, about one in ten pending.
"""

import random
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from bench.dataset import BATCH
from comments.models import Comment, Status, body_fingerprint
from news.models import ArticlePage

COMMENTS = 200_000
SLUGS = {"many": "bai-viet-200", "some": "bai-viet-201", "queue": "bai-viet-202"}
WORDS_TEXT = "cảm ơn bài viết rất hay xã bà con đồng bào phấn khởi mong tỉnh quan tâm hơn nữa"
WORDS = WORDS_TEXT.split()


def _story_ids():
    return dict(ArticlePage.objects.filter(slug__in=SLUGS.values()).values_list("slug", "pk"))


def build(ctx):
    wanted = ctx.size(COMMENTS)
    existing = Comment.objects.filter(author_email__endswith="@bench.invalid").count()
    if existing >= wanted:
        ctx.say(f"  {existing:,} bench comments already there")
        return
    rng = random.Random(20205)
    special = _story_ids()
    many, some, queue = (special.get(SLUGS[key]) for key in ("many", "some", "queue"))
    others = list(
        ArticlePage.objects.exclude(pk__in=special.values())
        .order_by("pk")
        .values_list("pk", flat=True)[:5000]
    )
    plan = []  # (page_id, status)
    plan += [(many, Status.APPROVED)] * min(2000, wanted) if many else []
    plan += [(some, Status.APPROVED)] * 200 if some else []
    plan += [(queue, Status.PENDING)] * 1000 if queue else []
    statuses = [Status.APPROVED] * 8 + [Status.PENDING, Status.SPAM]
    while len(plan) < wanted:
        plan.append((rng.choice(others), rng.choice(statuses)))
    plan = plan[existing:wanted]
    now = timezone.now()
    rows = []
    for number, (page_id, status) in enumerate(plan, start=existing):
        body = " ".join(rng.choices(WORDS, k=rng.randint(8, 30))).capitalize() + f" ({number})."
        rows.append(
            Comment(
                page_id=page_id,
                author_name=f"Bạn đọc {number % 997}",
                author_email=f"ban-doc-{number}@bench.invalid",
                body=body,
                body_hash=body_fingerprint(body),
                status=status,
                visible=status == Status.APPROVED,  # bulk_create skips save(): top level
                created_at=now - timedelta(minutes=wanted - number),
                ip_address=f"203.0.{number % 250}.0",
            )
        )
        if len(rows) == BATCH * 5:
            Comment.objects.bulk_create(rows, batch_size=BATCH)
            ctx.progress("comments", number + 1 - existing, len(plan))
            rows = []
    Comment.objects.bulk_create(rows, batch_size=BATCH)
    ctx.say(f"  {len(plan):,} comments")


def targets(ctx):
    special = _story_ids()
    stories = {
        slug: ArticlePage.objects.get(pk=pk) for slug, pk in special.items() if pk is not None
    }
    if SLUGS["some"] in stories:
        ctx.target("story, 200 comments", stories[SLUGS["some"]].url)
        url = stories[SLUGS["some"]].url
        ctx.target("story, 200 comments (cold: no cached parts)", url, cold=True)
    if SLUGS["many"] in stories:
        ctx.target("story, 2,000 comments", stories[SLUGS["many"]].url)
        page = stories[SLUGS["many"]]
        ctx.target(
            "comment POST",
            reverse("comments:post", args=[page.pk]),
            method="POST",
            data={
                "csrfmiddlewaretoken": "{csrf}",
                "name": "Bạn đọc thử tải",
                "email": "thu-tai@bench.invalid",
                "body": "Bình luận thử tải.",
                "token": "",
                "website": "",
            },
        )
    queue = reverse("wagtailsnippets_comments_comment:list")
    ctx.target("moderation queue", f"{queue}?status=pending", login=True)
    if SLUGS["queue"] in stories:
        ctx.target(
            "moderation queue, 1,000 comments",
            f"{queue}?status=pending&page={stories[SLUGS['queue']].pk}",
            login=True,
        )
