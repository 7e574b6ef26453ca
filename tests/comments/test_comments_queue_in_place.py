"""The moderation queue says what changed without a reload (its script uses these answers),
and a reply shows what it answers."""

import re

import pytest
from django.urls import reverse

from comments.models import Status

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_comments_comment:list"


@pytest.fixture
def mod_client(client, roles, staff_user):
    client.force_login(staff_user("kiemduyet", "Kiểm duyệt viên"))
    return client


def _tab_counts(html):
    return dict(re.findall(r'data-state-count="(\w+)">\((\d+)\)', html))


def test_the_queue_has_status_tabs_with_counts(mod_client, story, make_comment):
    for status in (Status.PENDING, Status.PENDING, Status.APPROVED, Status.SPAM):
        make_comment(story, status=status)
    html = mod_client.get(reverse(LIST), {"status": "pending"}).content.decode()
    assert _tab_counts(html) == {
        "all": "4",
        "pending": "2",
        "approved": "1",
        "rejected": "0",
        "spam": "1",
        "trash": "0",
    }
    assert re.search(r'aria-current="page">Chờ duyệt', html)
    assert 'data-comment-status="pending">Chờ duyệt<' in html  # the status text, marked


def test_an_action_answers_with_the_new_status_counts_and_menu_label(
    mod_client, story, make_comment
):
    first, second = (make_comment(story, status=Status.PENDING) for _ in range(2))
    answer = mod_client.post(
        reverse("wagtailsnippets_comments_comment:moderate_many"),
        {"action": "approve", "id": [first.pk]},
        headers={"Accept": "application/json"},
    ).json()
    assert answer["comments"] == [{"id": first.pk, "status": "approved", "label": "Đã duyệt"}]
    assert answer["counts"]["pending"] == 1 and answer["counts"]["approved"] == 1
    assert answer["counts"]["all"] == 2
    assert answer["menu_label"] == "Bình luận (1)"
    answer = mod_client.post(
        reverse("wagtailsnippets_comments_comment:moderate", args=[second.pk, "spam"]),
        headers={"Accept": "application/json"},
    ).json()
    assert (answer["label"], answer["menu_label"]) == ("Thư rác", "Bình luận")


def test_a_reply_in_the_queue_shows_the_comment_it_answers(mod_client, story, make_comment):
    parent = make_comment(
        story, author_name="A Thuận", body="Khi nào tổ chức hội nghị <b>năm nay</b>?"
    )
    make_comment(story, status=Status.PENDING, parent=parent, body="Sáng thứ Bảy ạ")
    html = mod_client.get(reverse(LIST), {"status": "pending"}).content.decode()
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Sáng thứ Bảy ạ.*?</tr>", html, re.S).group(0)
    assert "Trả lời A Thuận:" in row
    assert "Khi nào tổ chức hội nghị &lt;b&gt;năm nay&lt;/b&gt;?" in row
