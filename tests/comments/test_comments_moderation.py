"""The moderation queue in the Wagtail admin: listing, filters, bulk actions, audit log."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from comments.models import Comment, Status

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_comments_comment:list"


@pytest.fixture
def moderator(roles, staff_user):
    return staff_user("kiemduyet", "Kiểm duyệt viên")


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def test_menu_item_shows_the_pending_count(mod_client, story, make_comment):
    for _ in range(3):
        make_comment(story, status=Status.PENDING)
    make_comment(story, status=Status.APPROVED)
    html = mod_client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    assert "Bình luận (3)" in json.dumps(json.loads(props), ensure_ascii=False)


def test_listing_filters_and_search(mod_client, story, make_story, make_comment):
    other = make_story(title="Tin khác")
    make_comment(story, status=Status.PENDING, body="Ý kiến về đường sá")
    make_comment(other, status=Status.SPAM, body="Quảng cáo")
    make_comment(story, status=Status.APPROVED, body="Đã duyệt rồi", author_name="Y Nhung")
    url = reverse(LIST)
    html = mod_client.get(url, {"status": "pending"}).content.decode()
    assert "Ý kiến về đường sá" in html and "Quảng cáo" not in html
    html = mod_client.get(url, {"page": other.pk}).content.decode()
    assert "Quảng cáo" in html and "đường sá" not in html
    html = mod_client.get(url, {"q": "Nhung"}).content.decode()
    assert "Đã duyệt rồi" in html and "Quảng cáo" not in html
    html = mod_client.get(url, {"created_at_after": "2000-01-01"}).content.decode()
    assert "Quảng cáo" in html
    assert "Phím tắt" in html  # the keyboard help is on the page


def test_listing_query_count_is_constant(
    mod_client, story, make_comment, django_assert_max_num_queries
):
    from comments.models import Comment

    Comment.objects.bulk_create(
        Comment(
            page=story,
            author_name=f"Bạn {n}",
            author_email=f"b{n}@x.invalid",
            body=f"Nội dung {n}",
            body_hash=f"{n:064d}",
            status=Status.PENDING,
        )
        for n in range(50)
    )
    with django_assert_max_num_queries(45):
        assert mod_client.get(reverse(LIST)).status_code == 200


def _bulk(client, action, comments):
    url = (
        reverse("wagtail_bulk_action", args=("comments", "comment", action))
        + "?"
        + "&".join(f"id={c.pk}" for c in comments)
        + "&next="
        + reverse(LIST)
    )
    confirm = client.get(url)
    assert confirm.status_code == 200
    return client.post(url)


@pytest.mark.parametrize(
    "action,expected",
    [
        ("approve", Status.APPROVED),
        ("reject", Status.REJECTED),
        ("spam", Status.SPAM),
        ("trash", Status.TRASH),
    ],
)
def test_bulk_actions_change_status_and_are_logged(
    mod_client, moderator, story, make_comment, action, expected
):
    comments = [make_comment(story, status=Status.PENDING) for _ in range(3)]
    response = _bulk(mod_client, action, comments)
    assert response.status_code == 302
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == expected
        assert comment.previous_status == Status.PENDING
        assert comment.moderated_by == moderator and comment.moderated_at
    entries = ModelLogEntry.objects.filter(action=f"comments.{action}")
    assert entries.count() == 3
    assert {e.user_id for e in entries} == {moderator.pk}


def test_spam_and_trash_can_be_undone(mod_client, story, make_comment):
    approved = make_comment(story, status=Status.APPROVED)
    pending = make_comment(story, status=Status.PENDING)
    _bulk(mod_client, "spam", [approved])
    _bulk(mod_client, "trash", [pending])
    _bulk(mod_client, "restore", [approved, pending])
    approved.refresh_from_db()
    pending.refresh_from_db()
    assert approved.status == Status.APPROVED
    assert pending.status == Status.PENDING
    assert ModelLogEntry.objects.filter(action="comments.restore").count() == 2


def test_bulk_spam_then_count_spam(mod_client, story, make_comment):
    comments = [make_comment(story, status=Status.PENDING) for _ in range(5)]
    _bulk(mod_client, "spam", comments[:4])
    assert Comment.objects.filter(status=Status.SPAM).count() == 4
    html = mod_client.get(reverse(LIST), {"status": "spam"}).content.decode()
    assert html.count('data-object-id="') == 4


def test_keyboard_endpoint_moderates_one_and_many(mod_client, story, make_comment):
    one, two, three = (make_comment(story, status=Status.PENDING) for _ in range(3))
    response = mod_client.post(
        reverse("wagtailsnippets_comments_comment:moderate", args=[one.pk, "approve"]),
        headers={"Accept": "application/json"},
    )
    assert response.json()["status"] == "approved"
    response = mod_client.post(
        reverse("wagtailsnippets_comments_comment:moderate_many"),
        {"action": "trash", "id": [two.pk, three.pk]},
    )
    assert response.json()["changed"] == 2
    assert (
        mod_client.post(
            reverse("wagtailsnippets_comments_comment:moderate_many"),
            {"action": "delete", "id": [1]},
        ).status_code
        == 400
    )


def test_detail_shows_thread_and_earlier_comments(mod_client, story, make_story, make_comment):
    root = make_comment(story, body="Gốc của chuỗi")
    reply = make_comment(
        story,
        parent=root,
        status=Status.PENDING,
        body="Trả lời chờ duyệt",
        author_email="hoa@example.invalid",
    )
    make_comment(
        make_story(title="Tin cũ"), body="Bình luận cũ của Hoa", author_email="hoa@example.invalid"
    )
    html = mod_client.get(
        reverse("wagtailsnippets_comments_comment:inspect", args=[reply.pk])
    ).content.decode()
    assert "Gốc của chuỗi" in html and "Trả lời chờ duyệt" in html
    assert "Bình luận cũ của Hoa" in html
    assert "hoa@example.invalid" in html  # moderators see the email


def test_staff_reply_from_the_admin(mod_client, moderator, story, make_comment):
    parent = make_comment(story, status=Status.PENDING)
    response = mod_client.post(
        reverse("wagtailsnippets_comments_comment:reply", args=[parent.pk]),
        {"body": "Cảm ơn bạn, tòa soạn sẽ phản ánh."},
    )
    assert response.status_code == 302
    parent.refresh_from_db()
    assert parent.status == Status.APPROVED
    reply = Comment.objects.get(parent=parent)
    assert (reply.status, reply.is_staff_reply, reply.user) == (Status.APPROVED, True, moderator)
    assert ModelLogEntry.objects.filter(action="comments.reply").count() == 1


def test_dashboard_panel(mod_client, story, make_comment):
    make_comment(story, status=Status.PENDING, body="Chờ trên bảng điều khiển")
    html = mod_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 bình luận chờ kiểm duyệt" in html
    assert "Chờ trên bảng điều khiển" in html


def test_moderator_edits_comment_rules(mod_client, home_page):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["comments", "commentsettings", site.pk])
    assert mod_client.get(url).status_code == 200


def test_nobody_adds_comments_in_the_admin(admin_client, story, make_comment):
    make_comment(story)
    html = admin_client.get(reverse(LIST)).content.decode()
    assert reverse("wagtailsnippets_comments_comment:add") not in html
    assert admin_client.get(reverse("wagtailsnippets_comments_comment:add")).status_code in (
        302,
        403,
    )


def test_edit_form_cannot_change_status(mod_client, story, make_comment):
    comment = make_comment(story, status=Status.PENDING)
    url = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
    response = mod_client.post(
        url, {"author_name": "Sửa tên", "body": "Sửa lỗi chính tả", "status": "approved"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.author_name, comment.status) == ("Sửa tên", Status.PENDING)
