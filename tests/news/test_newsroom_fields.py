"""Story kinds and newsroom fields (issue 16, item 4): kind, kicker, source line, dated
corrections and updates, and the breaking-news banner on the home page until it expires."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_kind_kicker_source_and_notes_show_on_the_story(client, make_story):
    from news.models import ArticleNote

    story = make_story(
        title="Lũ quét ở Tu Mơ Rông",
        kind="phong_su",
        kicker="Vùng cao sau bão",
        source_line="Theo TTXVN",
        publish=False,
    )
    draft = story.get_latest_revision_as_object()
    draft.notes.add(
        ArticleNote(
            kind="correction",
            date=timezone.make_aware(timezone.datetime(2026, 12, 3, 9, 30)),
            text="Sửa số hộ bị ảnh hưởng: 42 hộ, không phải 24.",
        )
    )
    draft.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "Phóng sự" in html and "Vùng cao sau bão" in html
    assert '<p class="article__source" lang="vi">Theo TTXVN</p>' in html
    assert "Đính chính" in html and "42 hộ, không phải 24" in html
    assert "03/12/2026" in html  # dated as people in Vietnam write it


def test_a_breaking_story_has_a_banner_on_the_home_page_until_it_expires(
    client, home_page, make_story
):
    story = make_story(
        title="Khẩn: Sạt lở trên quốc lộ 24",
        breaking_until=timezone.now() + timedelta(hours=2),
    )
    html = client.get(home_page.url).content.decode()
    assert 'class="breaking-banner"' in html and "Khẩn: Sạt lở trên quốc lộ 24" in html
    draft = story.get_latest_revision_as_object()
    draft.breaking_until = timezone.now() - timedelta(minutes=1)
    draft.save_revision().publish()
    assert 'class="breaking-banner"' not in client.get(home_page.url).content.decode()


def test_an_expired_banner_is_gone_on_the_next_render_without_a_publication(
    client, home_page, make_story, settings, clock
):
    settings.PAGE_CACHE_ENABLED = False  # the page cache keeps a page at most its timeout
    make_story(title="Tin khẩn", breaking_until=timezone.now() + timedelta(seconds=60))
    assert 'class="breaking-banner"' in client.get(home_page.url).content.decode()
    clock.advance(61)
    assert 'class="breaking-banner"' not in client.get(home_page.url).content.decode()
