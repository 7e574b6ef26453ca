"""The moderation queue costs the same number of queries with 12 or 600 comments."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

QUEUE_BUDGET = 13  # the queue 10; narrowed to one page 13 (the page chooser shows the page)


@pytest.fixture
def grow_comments(news_index, make_story):
    from comments.models import Comment, Status, body_fingerprint

    stories = [make_story(title=f"Tin có bình luận {n}") for n in range(3)]
    statuses = [Status.PENDING, Status.APPROVED, Status.SPAM]

    def grow_to(total):
        existing = Comment.objects.count()
        rows = []
        for number in range(existing, total):
            body = f"Bình luận số {number} của bạn đọc."
            rows.append(
                Comment(
                    page=stories[number % 3],
                    author_name=f"Bạn đọc {number}",
                    author_email=f"ban-doc-{number}@example.invalid",
                    body=body,
                    body_hash=body_fingerprint(body),
                    status=statuses[number % 3],
                    visible=statuses[number % 3] == Status.APPROVED,
                )
            )
        Comment.objects.bulk_create(rows)
        return stories[0]

    return grow_to


def queue_queries(client, url, django_assert_max_num_queries):
    client.get(url)  # warm up
    with django_assert_max_num_queries(QUEUE_BUDGET) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_moderation_queue_queries_do_not_grow_with_the_comments(
    admin_client, grow_comments, django_assert_max_num_queries
):
    queue = reverse("wagtailsnippets_comments_comment:list")
    story = grow_comments(12)
    urls = [f"{queue}?status=pending", f"{queue}?status=pending&page={story.pk}"]
    small = [queue_queries(admin_client, url, django_assert_max_num_queries) for url in urls]
    assert "Bình luận số 0 của bạn đọc" in small[0][1].content.decode()

    grow_comments(600)
    large = [queue_queries(admin_client, url, django_assert_max_num_queries) for url in urls]
    assert "Bình luận số 597 của bạn đọc" in large[0][1].content.decode()
    assert [count for count, _ in large] == [count for count, _ in small], (small, large)
