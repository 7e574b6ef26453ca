"""A count is what a reader can see: hiding a comment hides the replies below it, everywhere."""

import pytest
from django.urls import reverse

from comments.models import Comment, Status
from comments.moderation import moderate

pytestmark = pytest.mark.django_db


def test_a_rejected_root_hides_its_replies_on_the_page_and_in_every_count(
    client, story, make_comment, staff_user, news_index
):
    root = make_comment(story, body="Gốc sẽ bị từ chối")
    reply = make_comment(story, parent=root, body="Trả lời đã duyệt")
    deeper = make_comment(story, parent=reply, body="Trả lời sâu hơn")
    admin = staff_user("admin", superuser=True)
    moderate([root], "reject", admin)

    html = client.get(story.url).content.decode()
    assert "Trả lời đã duyệt" not in html and "Trả lời sâu hơn" not in html
    assert "1 bình luận" not in html and "2 bình luận" not in html
    listing = client.get(news_index.url).content.decode()
    assert "bình luận" not in listing.split("Hội nghị điển hình tiên tiến", 1)[1][:300]
    for comment in (root, reply, deeper):
        comment.refresh_from_db()
        assert comment.visible is False
    assert reply.status == Status.APPROVED  # its own decision stays

    # Restoring the root shows the thread again.
    moderate([root], "restore", admin)
    moderate([root], "approve", admin)
    html = client.get(story.url).content.decode()
    assert "Trả lời đã duyệt" in html and "Trả lời sâu hơn" in html
    assert "3 bình luận" in html


def test_no_reply_below_a_hidden_comment(post_comment, story, make_comment, staff_user):
    root = make_comment(story)
    reply = make_comment(story, parent=root)
    moderate([root], "spam", staff_user("admin", superuser=True))
    response = post_comment(story, parent=reply.pk, body="Trả lời một trả lời đã bị ẩn")
    assert response.status_code == 400
    assert "đã được đăng" in response.json()["message"]
    assert not Comment.objects.filter(body="Trả lời một trả lời đã bị ẩn").exists()


def test_the_reply_link_to_a_hidden_comment_offers_nothing(client, story, make_comment, staff_user):
    root = make_comment(story)
    reply = make_comment(story, parent=root, author_name="Người trả lời")
    moderate([root], "trash", staff_user("admin", superuser=True))
    html = client.get(f"{story.url}?tra-loi={reply.pk}").content.decode()
    assert "Người trả lời" not in html
    assert reverse("comments:post", args=[story.pk]) in html
