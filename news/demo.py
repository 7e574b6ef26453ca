"""Demo news content: the "Tin tức" section, reporters, tags and 18 stories.

Idempotent and offline: what the demo makes is found again by its key (kontum_site.
demo_marks), never by title, and follow-ups (related stories, sections, the breaking story
and the correction, read counts) touch only demo stories, once, and never publish over a
staff draft. Pictures are drawn locally (demo.images); texts are in demo_stories.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection

from base.models import HomePage
from demo import marks as demo_marks
from demo.images import make_demo_image
from language.vietnamese import fold, nfc

from .demo_stories import DEMO_NOTE, NEWS_INDEX_INTRO, REPORTERS, STORIES, TAGS
from .models import (
    ArticleByline,
    ArticleNote,
    ArticlePage,
    ArticleRelatedStory,
    DailyReads,
    NewsIndexPage,
    NewsTag,
    Reporter,
    SectionPage,
)

TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NEWS_INDEX_TITLE = "Tin tức"
NEWS_INDEX_SLUG = "tin-tuc"
COLLECTION_NAME = "Ảnh minh họa (demo)"


def _say(stdout, message):
    if stdout:
        stdout.write(message)


def demo_collection():
    return demo_marks.ensure(
        "news.collection",
        lambda: Collection.get_first_root_node().add_child(name=COLLECTION_NAME),
    )


def _make_news_index(home):
    news_index = demo_marks.add_page(
        home,
        NewsIndexPage(
            title=NEWS_INDEX_TITLE,
            slug=NEWS_INDEX_SLUG,
            show_in_menus=True,
            intro=NEWS_INDEX_INTRO,
            live=False,
        ),
    )
    first_section = home.get_first_child()
    if news_index is not None and first_section.pk != news_index.pk:
        news_index.move(first_section, pos="left")  # News leads the header menu
        news_index.refresh_from_db()
    return news_index


def ensure_news_index(home):
    return demo_marks.ensure("news.index", lambda: _make_news_index(home))


def ensure_reporters(collection):
    reporters = {}
    for data in REPORTERS:
        name = nfc(data["name"])
        reporters[name] = demo_marks.ensure(
            f"news.reporter:{name}",
            lambda data=data, name=name: Reporter.objects.create(
                name=name,
                role=data["role"],
                bio=data["bio"],
                photo=make_demo_image(f"Ảnh đại diện – {name}", f"reporter:{name}", collection),
            ),
        )
    return reporters


def ensure_tags():
    return {nfc(name): NewsTag.objects.get_or_create(name=nfc(name))[0] for name in TAGS}


def story_body(story, collection):
    """The StreamField raw data, with a picture drawn for each image block."""
    body, count = [], 0
    for block in story["body"]:
        if block["type"] == "image":
            count += 1
            image = make_demo_image(
                f"{story['title']} – ảnh {count}", f"{story['key']}:{count}", collection
            )
            block = {"type": "image", "value": {**block["value"], "image": image.pk}}
        body.append(block)
    return body + [DEMO_NOTE]


def create_story(news_index, story, reporters, tags, collection):
    date = datetime(*story["date"], tzinfo=TIME_ZONE)
    page = ArticlePage(
        title=nfc(story["title"]),
        lead=story["lead"],
        featured_image=make_demo_image(story["title"], story["key"], collection),
        featured_image_caption=story["image_caption"],
        featured_image_credit=story["image_credit"],
        body=story_body(story, collection),
        display_date=date,
        first_published_at=date,
        live=False,
    )
    for name in story["reporters"]:
        if reporters.get(nfc(name)) is not None:
            page.bylines.add(ArticleByline(reporter=reporters[nfc(name)]))
    page.tags.add(*(tags[nfc(name)] for name in story["tags"]))
    news_index.add_child(instance=page)  # the slug comes from the title (SitePage)
    page.save_revision().publish()
    return page


def ensure_stories(news_index, reporters, tags, collection):
    """{story key: its demo page, or None where staff deleted it}."""
    pages, created = {}, 0
    for story in STORIES:
        key = f"news.story:{story['key']}"
        page = demo_marks.get(key)
        if page is None and not demo_marks.made(key):
            page = demo_marks.mark(
                key, create_story(news_index, story, reporters, tags, collection)
            )
            created += 1
        pages[story["key"]] = page
    return pages, created


def ensure_related(pages):
    """Each demo story's related stories, chosen once (a later change by staff stays)."""
    linked = 0
    for story in STORIES:
        page = pages.get(story["key"])
        related = [pages[key] for key in story.get("related", []) if pages.get(key) is not None]
        if page is None or not related or not demo_marks.editable(page):
            continue
        if not demo_marks.once(f"news.related:{story['key']}"):
            continue
        page = page.get_latest_revision_as_object()  # the live version: no draft waits
        for other in related:
            page.related_links.add(ArticleRelatedStory(story=other))
        page.save_revision().publish()
        linked += 1
    return linked


def load(stdout=None):
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("news.demo needs a HomePage: run demo.site.load first.")
    news_index = ensure_news_index(home)
    if news_index is None:
        _say(stdout, _("News: the site has a news section of its own; no demo news added."))
        return None
    collection = demo_collection()
    _say(
        stdout,
        _("News: the section “%(title)s” at %(url)s")
        % {"title": news_index.title, "url": news_index.url},
    )

    reporters = ensure_reporters(collection)
    _say(stdout, _("News: %(count)d reporters") % {"count": len(reporters)})

    tags = ensure_tags()
    _say(stdout, _("News: %(count)d tags") % {"count": len(tags)})

    pages, created = ensure_stories(news_index, reporters, tags, collection)
    _say(stdout, _("News: %(count)d stories (%(new)d new)") % {"count": len(pages), "new": created})

    linked = ensure_related(pages)
    _say(stdout, _("News: related stories chosen for %(count)d new stories") % {"count": linked})

    sections, moved = ensure_sections(news_index)
    _say(
        stdout,
        _("News: %(count)d sections, %(moved)d stories placed in them")
        % {"count": len(sections), "moved": moved},
    )
    ensure_newsroom_demo(sections)
    ensure_demo_reads(news_index)
    return news_index


def ensure_demo_reads(news_index):
    """A week of read counts for a few stories, so "Đọc nhiều" has something to show (once)."""
    if not demo_marks.once("news.reads"):
        return
    today = timezone.localdate()
    demo = demo_marks.pks(ArticlePage)
    stories = list(
        ArticlePage.objects.descendant_of(news_index).live().filter(pk__in=demo).order_by("pk")[:8]
    )
    DailyReads.objects.bulk_create(
        DailyReads(page=story, day=today - timedelta(days=day), count=(rank + 3) * (day + 2))
        for rank, story in enumerate(reversed(stories))
        for day in range(3)
    )


# The news sections, and words of a story's title (folded) that place it in one.
SECTIONS = [
    ("Thời sự", "thoi-su", []),
    ("Kinh tế", "kinh-te", ["hop tac xa", "lam giau", "thoat ngheo", "kinh te", "doanh nghiep"]),
    ("Văn hóa – Xã hội", "van-hoa-xa-hoi", ["co giao", "tho cam", "y te", "giao duc", "van hoa"]),
    ("Quốc phòng – An ninh", "quoc-phong-an-ninh", ["bien gioi", "cuu chien binh", "dan van"]),
    ("Thể thao", "the-thao", []),
]


def ensure_sections(news_index):
    """The sections under the news index; demo stories still directly under it move into the
    section their title names (Thời sự by default), once. Staff stories stay where they are."""
    sections = {}
    for title, slug, _words in SECTIONS:
        sections[slug] = demo_marks.ensure(
            f"news.section:{slug}",
            lambda title=title, slug=slug: demo_marks.add_page(
                news_index, SectionPage(title=title, slug=slug, show_in_menus=True)
            ),
        )
    moved = 0
    demo = demo_marks.pks(ArticlePage)
    for story in ArticlePage.objects.child_of(news_index).filter(pk__in=demo).order_by("pk"):
        folded = fold(story.title)
        slug = next(
            (slug for _t, slug, words in SECTIONS if any(word in folded for word in words)),
            "thoi-su",
        )
        section = sections.get(slug) or sections.get("thoi-su")
        if section is not None and demo_marks.once(f"news.placed:{story.pk}"):
            story.move(section, pos="last-child")
            moved += 1
    return sections, moved


def ensure_newsroom_demo(sections):
    """One breaking story and one correction, for the newsroom fields (once)."""
    demo = demo_marks.pks(ArticlePage)
    current = sections.get("thoi-su")
    story = (
        ArticlePage.objects.child_of(current).filter(pk__in=demo).order_by("-display_date", "-pk")
        if current
        else ArticlePage.objects.none()
    ).first()
    if story is not None and demo_marks.editable(story) and demo_marks.once("news.breaking"):
        draft = story.get_latest_revision_as_object()  # the live version: no draft waits
        draft.breaking_until = timezone.now() + timedelta(days=7)
        draft.kicker = "Tin nóng"
        draft.save_revision().publish()
    economy = sections.get("kinh-te")
    corrected = (
        ArticlePage.objects.child_of(economy).filter(pk__in=demo).order_by("pk")
        if economy
        else ArticlePage.objects.none()
    ).first()
    if (
        corrected is not None
        and demo_marks.editable(corrected)
        and demo_marks.once("news.correction")
    ):
        draft = corrected.get_latest_revision_as_object()
        draft.source_line = "Theo Báo Kon Tum (dữ liệu mẫu)"
        draft.notes.add(
            ArticleNote(
                kind="correction",
                date=timezone.now(),
                text="Sửa diện tích trồng sâm: 120 ha, không phải 210 ha (dữ liệu mẫu).",
            )
        )
        draft.save_revision().publish()
