"""Bench step (see bench/dataset.py): 20,000 stories with 500 tags and bylines."""

import random
from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone
from wagtail.images import get_image_model

from bench.dataset import BATCH, bulk_insert_pages
from caching.page_cache import publication_scopes
from comments.models import Comment
from news.models import ArticleByline, ArticlePage, ArticlePageTag, NewsIndexPage, NewsTag, Reporter

STORIES = 20_000
TAGS = 500
REPORTERS = 60
WORDS_TEXT = (
    "thi đua yêu nước điển hình tiên tiến khen thưởng huyện Đắk Hà Sa Thầy Kon Plông Ngọc Hồi "
    "nông thôn mới cà phê sâm Ngọc Linh đồng bào dân tộc thiểu số biên giới học sinh giáo viên "
    "chiến sĩ bộ đội biên phòng hợp tác xã mô hình kinh tế tập thể lao động sản xuất"
)
WORDS = WORDS_TEXT.split()


def _title(rng, number):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 11))).capitalize() + (
        f" (bài {number})"
    )


def build(ctx):
    rng = random.Random(20201)
    index = NewsIndexPage.objects.live().first()
    existing = ArticlePage.objects.child_of(index).count()
    wanted = ctx.size(STORIES)
    if existing >= wanted:
        ctx.say(f"  {existing:,} stories already there")
        return

    tag_rows = [
        NewsTag(
            name=f"Chủ đề {number:03d}", slug=f"chu-de-{number:03d}", folded=f"chu de {number:03d}"
        )
        for number in range(ctx.size(TAGS))
    ]
    NewsTag.objects.bulk_create(tag_rows, ignore_conflicts=True)
    tags = list(NewsTag.objects.filter(slug__startswith="chu-de-").values_list("pk", flat=True))
    Reporter.objects.bulk_create(
        [
            Reporter(name=f"Phóng viên {n:02d}", slug=f"phong-vien-{n:02d}")
            for n in range(REPORTERS)
        ],
        ignore_conflicts=True,
    )
    reporters = list(Reporter.objects.values_list("pk", flat=True))
    images = list(get_image_model().objects.values_list("pk", flat=True)[:30]) or [None]
    ctx.say(f"  {len(tags)} tags, {len(reporters)} reporters, {len(images)} pictures")

    now = timezone.now()
    body = [
        {"type": "paragraph", "value": "<p>" + " ".join(rng.choices(WORDS, k=80)) + ".</p>"}
        for _ in range(4)
    ]
    pages = []
    for number in range(existing, wanted):
        published = now - timedelta(hours=number * 2 + 1)
        title = _title(rng, number)
        pages.append(
            ArticlePage(
                title=title,
                slug=f"bai-viet-{number}",
                lead=" ".join(rng.choices(WORDS, k=30)).capitalize() + ".",
                body=body,
                featured_image_id=rng.choice(images),
                display_date=published,
                first_published_at=published,
                live=True,
                comments_enabled=True,
            )
        )
    saved = bulk_insert_pages(index, pages, ctx, label="stories")

    tagged, bylines = [], []
    for page in saved:
        for tag_id in rng.sample(tags, min(3, len(tags))):
            tagged.append(ArticlePageTag(content_object_id=page.pk, tag_id=tag_id))
        bylines.append(
            ArticleByline(page_id=page.pk, reporter_id=rng.choice(reporters), sort_order=0)
        )
    ArticlePageTag.objects.bulk_create(tagged, batch_size=BATCH)
    ArticleByline.objects.bulk_create(bylines, batch_size=BATCH)
    ctx.say(f"  {len(tagged):,} tag links, {len(bylines):,} bylines")
    ctx.shared["stories"] = saved


def targets(ctx):
    index = NewsIndexPage.objects.live().first()
    ctx.target("news index, page 1", index.url)
    ctx.target("news index, page 500", f"{index.url}?page=500")
    tag = NewsTag.objects.filter(slug="chu-de-007").first() or NewsTag.objects.first()
    ctx.target("tag page", index.tag_url(tag))

    # A story that truly has no comment (the label is checked, not assumed).
    commented = Comment.objects.values("page_id")
    story = ArticlePage.objects.live().exclude(pk__in=commented).order_by("pk").first()
    ctx.shared["plain_story"] = story
    ctx.target("story, 0 comments", story.url)
    ctx.target("story, 0 comments (page cache)", story.url, cached=True)
    ctx.target("story, 0 comments (cold: no cached parts)", story.url, cold=True)
    ctx.target("tag page (cold: no cached parts)", index.tag_url(tag), cold=True)
    # The renders a reader meets after a publication: before every request the stamps a
    # publication bumps are bumped (page cache off, the other parts cached).
    listed = (
        ArticlePage.objects.live()
        .filter(tags=tag, path__startswith=index.get_parent().path)
        .order_by("-display_date", "-pk")
        .first()
    )
    if listed is not None:
        after = publication_of(listed)
        ctx.target("home (after a publication in it)", "/", after=after)
        ctx.target("tag page (after a publication in it)", index.tag_url(tag), after=after)
    ctx.target(
        "story, 0 comments (after its publication)",
        story.url,
        after=publication_of(story),
    )


def publication_of(story):
    """The stamps a new revision of `story` moves when published (same title and tags: the
    site-wide rankings stay), as caching/page_cache.py computes them."""
    unchanged = SimpleNamespace(scopes=set(), live=False, title=story.title)
    return tuple(sorted(publication_scopes(story, before=unchanged)))
