"""Public display: approved only, threaded, ordered, paginated, counted; constant queries."""

import pytest
from django.urls import reverse

from comments.models import Comment, Status

pytestmark = pytest.mark.django_db


def test_only_approved_comments_show(client, story, make_comment):
    make_comment(story, body="Đã duyệt hiển thị")
    for status in (Status.PENDING, Status.REJECTED, Status.SPAM, Status.TRASH):
        make_comment(story, status=status, body=f"Ẩn {status}")
    html = client.get(story.url).content.decode()
    assert "Đã duyệt hiển thị" in html
    assert "Ẩn " not in html
    assert "1 bình luận" in html


def test_threaded_and_replies_of_hidden_parents_hidden(client, story, make_comment):
    root = make_comment(story, body="Gốc")
    reply = make_comment(story, parent=root, body="Trả lời cấp hai")
    make_comment(story, parent=reply, body="Trả lời cấp ba")
    hidden = make_comment(story, parent=root, status=Status.SPAM, body="Rác")
    make_comment(story, parent=hidden, body="Con của rác")
    html = client.get(story.url).content.decode()
    assert html.index("Gốc") < html.index("Trả lời cấp hai") < html.index("Trả lời cấp ba")
    assert html.count('class="comments__replies"') == 2
    assert "Con của rác" not in html


def test_order_oldest_or_newest_first(client, story, make_comment, rules):
    make_comment(story, body="Thứ nhất")
    make_comment(story, body="Thứ hai")
    html = client.get(story.url).content.decode()
    assert html.index("Thứ nhất") < html.index("Thứ hai")
    html = client.get(story.url, {"thu-tu": "moi-nhat"}).content.decode()
    assert html.index("Thứ hai") < html.index("Thứ nhất")
    rules.newest_first = True
    rules.save()
    html = client.get(story.url).content.decode()
    assert html.index("Thứ hai") < html.index("Thứ nhất")


def test_long_threads_are_paginated(client, story, rules):
    rules.per_page = 10
    rules.save()
    Comment.objects.bulk_create(
        Comment(
            page=story,
            author_name="Bạn đọc",
            author_email=f"r{n}@x.invalid",
            body=f"Ý kiến #{n:03d}#",
            body_hash=f"{n:064d}",
            status=Status.APPROVED,
            visible=True,  # bulk_create skips save(), which derives it
        )
        for n in range(25)
    )
    first = client.get(story.url).content.decode()
    assert "#000#" in first and "#010#" not in first
    third = client.get(story.url, {"trang-binh-luan": 3}).content.decode()
    assert "#024#" in third and "#000#" not in third
    assert client.get(story.url, {"trang-binh-luan": "abc"}).status_code == 200


def _bulk_comments(page, count, start=0):
    roots = Comment.objects.bulk_create(
        Comment(
            page=page,
            author_name=f"Bạn {n}",
            author_email=f"b{n}@x.invalid",
            body=f"Nội dung {n}",
            body_hash=f"{n:064d}",
            status=Status.APPROVED,
            visible=True,  # bulk_create skips save(), which derives it
        )
        for n in range(start, start + count // 2)
    )
    Comment.objects.bulk_create(
        Comment(
            page=page,
            parent=root,
            thread=root,
            depth=2,
            author_name="Trả lời",
            author_email=f"t{n}@x.invalid",
            body=f"Trả lời {n}",
            body_hash=f"t{n:063d}",
            status=Status.APPROVED,
            visible=True,  # bulk_create skips save(), which derives it
        )
        for n, root in enumerate(roots, start=start)
    )


def _queries(client, url, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_story_query_count_same_for_2_and_500_comments(client, story, make_story, settings):
    settings.PAGE_CACHE_ENABLED = False  # the cost of rendering; a cache hit costs none
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from caching.page_cache import page_content_changed

    client.get(story.url)  # warm caches (site root paths)
    # Each time the comment section is rebuilt, as after a moderation decision (bulk_create
    # sends no signal, so the test says what changed).
    page_content_changed.send(sender=Comment, page=story, listings=False)
    with CaptureQueriesContext(connection) as empty:
        client.get(story.url)
    _bulk_comments(story, 2)
    page_content_changed.send(sender=Comment, page=story, listings=False)
    with CaptureQueriesContext(connection) as one:
        client.get(story.url)
    _bulk_comments(story, 498, start=2)
    page_content_changed.send(sender=Comment, page=story, listings=False)
    with CaptureQueriesContext(connection) as full:
        html = client.get(story.url).content.decode()
    assert "500 bình luận" in html
    assert len(full.captured_queries) == len(one.captured_queries)
    # Without a comment the threads are not asked for at all (most stories have none).
    assert len(empty.captured_queries) == len(one.captured_queries) - 1


def test_counts_on_story_listings_without_n_plus_one(client, news_index, make_story):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    stories = [make_story(title=f"Tin số {n}") for n in range(3)]
    _bulk_comments(stories[0], 4)
    client.get(news_index.url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        html = client.get(news_index.url).content.decode()
    assert "4 bình luận" in html
    more = [make_story(title=f"Tin thêm {n}") for n in range(6)]
    for n, extra in enumerate(more):
        _bulk_comments(extra, 2, start=100 + 10 * n)
    client.get(news_index.url)
    with CaptureQueriesContext(connection) as many:
        html = client.get(news_index.url).content.decode()
    assert html.count("2 bình luận") == 6
    assert len(many.captured_queries) == len(few.captured_queries)


def test_reply_link_without_javascript(client, story, make_comment):
    root = make_comment(story, author_name="Y Nhung")
    html = client.get(story.url, {"tra-loi": root.pk}).content.decode()
    assert "Trả lời Y Nhung" in html
    assert f'name="parent" value="{root.pk}"' in html


def test_closed_page_shows_no_form(client, story, rules, make_comment):
    make_comment(story, body="Vẫn hiển thị")
    rules.comments_open = False
    rules.save()
    html = client.get(story.url).content.decode()
    assert "Vẫn hiển thị" in html
    assert 'id="binh-luan-form"' not in html
    assert "Đã đóng bình luận" in html


def test_page_without_comments_enabled_has_no_section(client, make_story):
    story = make_story(title="Không bình luận", comments_enabled=False)
    assert "binh-luan-form" not in client.get(story.url).content.decode()
    assert reverse("comments:post", args=[story.pk])
