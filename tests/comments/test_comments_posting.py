"""The public form and the checks on a new comment, in WordPress's order."""

import time
import unicodedata

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from comments.forms import make_token
from comments.models import Comment, Status, truncate_ip

pytestmark = pytest.mark.django_db


def test_form_is_on_the_story_with_the_required_texts(client, story):
    html = client.get(story.url).content.decode()
    assert 'id="binh-luan-form"' in html
    assert "Email của bạn sẽ không được hiển thị công khai" in html
    assert "Các trường bắt buộc được đánh dấu *" in html
    assert reverse("comments:post", args=[story.pk]) in html


def test_a_first_comment_waits_for_moderation(post_comment, story):
    response = post_comment(story)
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert "chờ kiểm duyệt" in response.json()["message"]
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert comment.ip_address == "203.0.113.0"
    assert comment.user_agent == "pytest"


def test_without_javascript_redirects_to_the_notice(client, post_comment, story):
    response = post_comment(story, json=False)
    assert response.status_code == 302
    assert response["Location"] == f"{story.url}?binh-luan=cho-duyet#binh-luan-thong-bao"
    html = client.get(response["Location"]).content.decode()
    assert "Bình luận của bạn đang chờ kiểm duyệt" in html
    assert "Bài viết rất hay." not in html  # nothing shows before approval


def test_errors_beside_fields_and_typed_text_kept(post_comment, story):
    response = post_comment(
        story, json=False, email="không-phải-email", body="Ý kiến <b>của tôi</b>"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vui lòng nhập địa chỉ email hợp lệ." in html
    assert "Ý kiến &lt;b&gt;của tôi&lt;/b&gt;" in html
    assert "Trần Văn Bình" in html
    assert not Comment.objects.exists()


@pytest.mark.parametrize("missing", ["name", "email", "body"])
def test_missing_fields(post_comment, story, missing):
    response = post_comment(story, **{missing: None})
    assert response.status_code == 400
    assert missing in response.json()["errors"]


def test_ip_truncation():
    assert truncate_ip("203.0.113.77") == "203.0.113.0"
    assert truncate_ip("2001:db8:abcd:12:1:2:3:4") == "2001:db8:abcd::"
    assert truncate_ip("rác") == ""


# 1. closed
def test_closed_per_page(post_comment, story):
    story.comments_enabled = False
    story.save_revision().publish()
    assert post_comment(story).status_code == 404
    assert not Comment.objects.exists()


def test_closed_automatically_after_n_days(post_comment, story, rules):
    from datetime import timedelta

    from django.utils import timezone

    rules.close_after_days = 10
    rules.save()
    story.first_published_at = timezone.now() - timedelta(days=11)
    story.save()
    response = post_comment(story)
    assert response.status_code == 403
    assert "Đã đóng bình luận" in response.json()["message"]


def test_closed_is_checked_before_everything(post_comment, story, rules):
    rules.comments_open = False
    rules.save()
    response = post_comment(story, token="giả", website="http://bot", email="")
    assert response.status_code == 403


# 2. form integrity
@pytest.mark.parametrize(
    "token",
    ["", "abc", "{page}:1:sai", "tampered"],
)
def test_tampered_or_missing_token_refused(post_comment, story, token):
    if token == "tampered":
        good = make_token(story.pk, now=time.time() - 60)
        token = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    response = post_comment(story, token=token.format(page=story.pk))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_token_for_another_page_refused(post_comment, story, make_story):
    other = make_story(title="Tin khác")
    response = post_comment(story, token=make_token(other.pk, now=time.time() - 60))
    assert response.status_code == 400


def test_too_fast_refused(post_comment, story):
    response = post_comment(story, token=make_token(story.pk))
    assert response.status_code == 400
    assert "nhanh" in response.json()["message"]


def test_expired_refused(post_comment, story):
    response = post_comment(story, token=make_token(story.pk, now=time.time() - 3 * 86400))
    assert response.status_code == 400
    assert "hết hạn" in response.json()["message"]


def test_honeypot_refused(post_comment, story):
    response = post_comment(story, website="http://spam.invalid")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_integrity_is_checked_before_fields(post_comment, story):
    response = post_comment(story, website="x", email="")
    assert response.status_code == 400
    assert response.json()["errors"] == {}


# 3. flood
def test_flood_per_ip_then_allowed_after_the_window(post_comment, story):
    assert post_comment(story, email="a@example.invalid").status_code == 201
    response = post_comment(story, email="b@example.invalid", body="Khác")
    assert response.status_code == 429
    cache.delete("comments:flood:ip:203.0.113.0")
    cache.delete("comments:flood:email:a@example.invalid")  # the window passed
    assert post_comment(story, email="b@example.invalid", body="Khác").status_code == 201


def test_flood_per_email_from_another_ip(post_comment, story):
    assert post_comment(story, ip="198.51.100.1").status_code == 201
    assert post_comment(story, ip="192.0.2.1", body="Lần hai").status_code == 429


def test_flood_window_expires_with_the_clock(post_comment, story, rules, settings, clock):
    rules.flood_seconds = 1
    rules.save()
    assert post_comment(story).status_code == 201
    assert post_comment(story, body="Lần hai").status_code == 429
    clock.advance(1.1)
    assert post_comment(story, body="Lần hai").status_code == 201


def test_per_minute_cap_per_ip(post_comment, story, rules):
    rules.flood_seconds = 0
    rules.max_per_minute = 3
    rules.save()
    for n in range(3):
        assert post_comment(story, email=f"n{n}@example.invalid").status_code == 201
    assert post_comment(story, email="n9@example.invalid").status_code == 429


def test_flood_before_duplicate(post_comment, story):
    post_comment(story)
    assert post_comment(story).status_code == 429  # same text: flood answers first


# 4. duplicate
def test_duplicate_refused(post_comment, story, rules):
    rules.flood_seconds = 0
    rules.save()
    assert post_comment(story).status_code == 201
    response = post_comment(story, body="  bài viết RẤT hay. ")
    assert response.status_code == 409
    assert Comment.objects.count() == 1


def test_same_text_elsewhere_is_not_a_duplicate(post_comment, story, make_story, rules):
    rules.flood_seconds = 0
    rules.save()
    other = make_story(title="Tin khác")
    assert post_comment(story).status_code == 201
    assert post_comment(other).status_code == 201


# 5. deny list
@pytest.mark.parametrize(
    "body",
    [
        "Vay TIỀN NHANH tại đây",
        "vay <b>tiền</b> nhanh",
        unicodedata.normalize("NFD", "Vay tiền nhanh"),
    ],
)
def test_deny_words_go_to_spam_nfc_casefolded(post_comment, story, rules, body):
    rules.deny_words = unicodedata.normalize("NFD", "vay tiền nhanh")
    rules.save()
    assert post_comment(story, body=body).json()["status"] == "pending"  # not told it is spam
    assert Comment.objects.get().status == Status.SPAM


def test_deny_list_matches_email_and_ip(post_comment, story, rules):
    rules.deny_words = "xau@example.invalid\n192.0.2.66"
    rules.flood_seconds = 0
    rules.save()
    post_comment(story, email="xau@example.invalid")
    post_comment(story, ip="192.0.2.66", email="khac@example.invalid", body="Khác")
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.SPAM}


def test_deny_beats_hold_and_trust(post_comment, story, rules, make_comment):
    rules.deny_words = "lừa đảo"
    rules.hold_words = "lừa"
    rules.save()
    make_comment(story, author_name="Trần Văn Bình", author_email="binh@example.invalid")
    post_comment(story, body="Đây là lừa đảo")
    assert Comment.objects.latest("pk").status == Status.SPAM


# 6. hold rules
def test_hold_words_vietnamese_with_nfd_input(post_comment, story, rules, make_comment):
    rules.hold_words = "chính quyền"
    rules.save()
    make_comment(story, author_name="Trần Văn Bình", author_email="binh@example.invalid")
    post_comment(story, body=unicodedata.normalize("NFD", "Chính Quyền xã làm tốt"))
    comment = Comment.objects.latest("pk")
    assert comment.status == Status.PENDING
    assert comment.body == "Chính Quyền xã làm tốt"  # stored in NFC


def test_links_hold_even_a_trusted_commenter(post_comment, story, rules, make_comment):
    make_comment(story, author_name="Trần Văn Bình", author_email="binh@example.invalid")
    post_comment(story, body="Xem http://a.invalid và www.b.invalid")
    assert Comment.objects.latest("pk").status == Status.PENDING


def test_one_link_under_the_limit(post_comment, story, rules, make_comment):
    make_comment(story, author_name="Trần Văn Bình", author_email="binh@example.invalid")
    post_comment(story, body="Xem http://a.invalid")
    assert Comment.objects.latest("pk").status == Status.APPROVED


# 7. trusted and staff
def test_returning_commenter_is_published(post_comment, story, make_comment):
    make_comment(story, author_name="Trần Văn Bình", author_email="BINH@example.invalid")
    response = post_comment(story)
    assert response.json()["status"] == "approved"


def test_a_guest_using_someone_elses_email_is_held(post_comment, story, make_comment):
    make_comment(story, author_name="Nguyễn Văn A", author_email="binh@example.invalid")
    post_comment(story)  # same email, another name
    assert Comment.objects.latest("pk").status == Status.PENDING


def test_pending_or_spam_history_does_not_make_trusted(post_comment, story, make_comment):
    make_comment(
        story,
        status=Status.SPAM,
        author_name="Trần Văn Bình",
        author_email="binh@example.invalid",
        body="Cũ",
    )
    post_comment(story)
    assert Comment.objects.latest("pk").status == Status.PENDING


def test_trust_switched_off(post_comment, story, rules, make_comment):
    rules.trust_returning = False
    rules.save()
    make_comment(story, author_name="Trần Văn Bình", author_email="binh@example.invalid")
    post_comment(story)
    assert Comment.objects.latest("pk").status == Status.PENDING


def test_hold_first_comment_switched_off(post_comment, story, rules):
    rules.hold_first_comment = False
    rules.save()
    assert post_comment(story).json()["status"] == "approved"


def test_staff_are_published_and_exempt_from_flood(client, post_comment, story, staff_user):
    editor = staff_user("bientap", superuser=True)
    client.force_login(editor)
    client.handler.enforce_csrf_checks = False
    for n in range(3):
        response = post_comment(story, body=f"Trả lời số {n}")
        assert response.status_code == 201
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.APPROVED}
    assert Comment.objects.filter(is_staff_reply=True, user=editor).count() == 3


def test_signed_in_users_need_csrf(story, staff_user, form_data):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(staff_user("bientap", superuser=True))
    response = csrf_client.post(reverse("comments:post", args=[story.pk]), form_data(story))
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_anonymous_posts_need_no_csrf_cookie(story, form_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        reverse("comments:post", args=[story.pk]), form_data(story)
    )
    assert response.status_code == 302


# Replies
def test_reply_to_an_approved_comment(post_comment, story, make_comment):
    parent = make_comment(story)
    post_comment(story, parent=str(parent.pk))
    reply = Comment.objects.latest("pk")
    assert (reply.parent, reply.thread, reply.depth) == (parent, parent, 2)


@pytest.mark.parametrize("status", [Status.PENDING, Status.SPAM, Status.TRASH, Status.REJECTED])
def test_replies_to_unapproved_comments_refused(post_comment, story, make_comment, status):
    parent = make_comment(story, status=status)
    response = post_comment(story, parent=str(parent.pk))
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_reply_to_a_comment_of_another_page_refused(post_comment, story, make_story, make_comment):
    parent = make_comment(make_story(title="Tin khác"))
    assert post_comment(story, parent=str(parent.pk)).status_code == 400


def test_depth_limit(post_comment, story, make_comment, rules):
    rules.max_depth = 3
    rules.save()
    level1 = make_comment(story)
    level2 = make_comment(story, parent=level1)
    level3 = make_comment(story, parent=level2)
    assert post_comment(story, parent=str(level3.pk)).status_code == 400
    assert post_comment(story, parent=str(level2.pk)).status_code == 201
    assert Comment.objects.latest("pk").thread == level1


# Bad input
@pytest.mark.parametrize(
    "fields",
    [
        {"name": "", "email": "", "body": ""},
        {"body": "x" * 200_000},
        {"name": "\x00\x01", "body": "a\x00b"},
        {"body": "\u200b\u202e\x07"},
        {"email": "a@b@c"},
        {"parent": "không-phải-số"},
        {"parent": "-5"},
    ],
)
def test_bad_input_gives_a_clear_error_never_a_500(post_comment, story, fields):
    response = post_comment(story, **fields)
    assert response.status_code == 400
    assert response.json()["message"]
    assert not Comment.objects.exists()


def test_bad_input_without_javascript(post_comment, story):
    response = post_comment(story, json=False, body="x" * 200_000)
    assert response.status_code == 400
    assert "quá dài" in response.content.decode()


def test_control_characters_are_stripped(post_comment, story):
    post_comment(story, body="Xin\x07 chào\u202e bạn\nđọc")
    assert Comment.objects.get().body == "Xin chào bạn\nđọc"


def test_invalid_form_encodings(client, story):
    url = reverse("comments:post", args=[story.pk])
    for body, content_type in [
        (b"name=%FF%FE&email=%C3", "application/x-www-form-urlencoded"),
        (b"\xff\xfe\x00garbage", "multipart/form-data; boundary=xyz"),
        (b'{"name": "a"}', "application/json"),
        (b"", "text/plain"),
    ]:
        response = client.generic(
            "POST", url, body, content_type=content_type, HTTP_ACCEPT="application/json"
        )
        assert response.status_code == 400, content_type
    assert not Comment.objects.exists()


def test_get_is_not_allowed_and_unknown_page_is_404(client, story):
    assert client.get(reverse("comments:post", args=[story.pk])).status_code == 405
    assert client.post(reverse("comments:post", args=[999999])).status_code == 404


def test_token_endpoint(client, story):
    token = client.get(reverse("comments:token", args=[story.pk])).json()["token"]
    value = signing.TimestampSigner(salt="comments.form").unsign(token)
    assert value.split(".")[0] == str(story.pk)
    # Every token is new: one token serves one submission.
    assert client.get(reverse("comments:token", args=[story.pk])).json()["token"] != token


def test_order_closed_then_integrity_then_flood_then_duplicate_then_deny(
    post_comment, story, rules
):
    rules.deny_words = "cấm"
    rules.save()
    assert post_comment(story, body="Lời cấm").status_code == 201  # stored as spam
    # Flood answers before duplicate and deny.
    assert post_comment(story, body="Lời cấm").status_code == 429
    rules.flood_seconds = 0
    rules.save()
    # Duplicate answers before deny.
    assert post_comment(story, body="Lời cấm").status_code == 409
    # Integrity answers before flood.
    rules.flood_seconds = 15
    rules.save()
    assert post_comment(story, body="Khác hẳn", website="bot").status_code == 400
    # Closed answers before everything.
    rules.comments_open = False
    rules.save()
    assert post_comment(story, body="Lời cấm", website="bot").status_code == 403
    assert Comment.objects.count() == 1
