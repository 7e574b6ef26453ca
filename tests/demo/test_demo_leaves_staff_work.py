"""`load_demo` (run again by every `make run`) only creates or updates its own demo objects:
staff drafts stay drafts, staff stories keep the links their reporters chose, and a second
run writes nothing at all."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "BẢN NHÁP CHƯA DUYỆT – không được đăng"


def _load():
    call_command("load_demo", stdout=StringIO())


def _state():
    """Rows per model, and each page's latest and live revisions, title and links."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    pages = {
        page.pk: (
            page.latest_revision_id,
            page.live_revision_id,
            page.live,
            page.title,
            page.url_path,
        )
        for page in Page.objects.all()
    }
    return counts, pages


def _writes(sql):
    """Whether a statement can change a row. Django adds many-to-many rows (the roles' group
    permissions) with "INSERT … ON CONFLICT DO NOTHING" / "INSERT OR IGNORE": those already
    there change nothing (the row counts below show it)."""
    sql = sql.lstrip().upper()
    if sql.startswith("INSERT OR IGNORE") or "ON CONFLICT DO NOTHING" in sql:
        return False
    return sql.startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))


def _links(story):
    return sorted(story.exemplar_links.values_list("exemplar_id", flat=True))


def test_a_second_run_leaves_staff_drafts_and_staff_stories_alone(client, staff_user):
    from editorial.roles import EDITORS
    from news.demo_stories import STORIES
    from news.models import ArticlePage, NewsIndexPage, SectionPage

    _load()
    editor = staff_user("btv", EDITORS)

    # A staff story in a section, naming an exemplar and a conference (as the demo's do), but
    # its reporter chose no exemplar; and one straight under the news index.
    section = SectionPage.objects.get(slug="thoi-su")
    staff_story = ArticlePage(
        title="Hội nghị biểu dương người tốt việc tốt: phóng sự của toà soạn",
        lead="Cô giáo Y Liên và già làng A Hrin dự hội nghị.",
        body=[{"type": "paragraph", "value": "<p>Y Liên, A Hrin, Đại hội Thi đua yêu nước.</p>"}],
        owner=editor,
    )
    section.add_child(instance=staff_story)
    staff_story.save_revision(user=editor).publish(user=editor)
    loose = ArticlePage(title="Tin kinh tế của toà soạn, chưa xếp mục", lead="Sapo.", owner=editor)
    NewsIndexPage.objects.get(locale__language_code="vi").add_child(instance=loose)
    loose.save_revision(user=editor).publish(user=editor)

    # Staff drafts (saved as the editor's admin does: a revision by the editor, not
    # published): on a demo story, with an exemplar link taken out, and on the staff story.
    demo_story = (
        ArticlePage.objects.filter(title__in=[s["title"] for s in STORIES])
        .filter(exemplar_links__isnull=False)
        .distinct()
        .first()
    )
    assert demo_story is not None
    for story in (demo_story, staff_story):
        draft = story.get_latest_revision_as_object()
        draft.title = DRAFT_TITLE
        if story is demo_story:
            draft.exemplar_links.remove(draft.exemplar_links.all()[0])
        draft.save_revision(user=editor)
    for story in (demo_story, staff_story, loose):
        story.refresh_from_db()
    assert demo_story.has_unpublished_changes and staff_story.has_unpublished_changes
    staff_links = _links(staff_story)

    before = _state()
    with CaptureQueriesContext(connection) as queries:
        _load()
    writes = [q["sql"] for q in queries.captured_queries if _writes(q["sql"])]
    assert writes == [], "\n".join(sql[:300] for sql in writes[:20])
    assert _state() == before

    for story in (demo_story, staff_story, loose):
        story.refresh_from_db()
        assert story.title != DRAFT_TITLE
        assert story.has_unpublished_changes or story is loose
    assert _links(staff_story) == staff_links == []
    assert loose.get_parent().specific_class is NewsIndexPage
    assert client.get(staff_story.url).status_code == 200
    assert DRAFT_TITLE not in client.get(demo_story.url).content.decode()
