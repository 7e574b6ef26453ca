"""Emails: moderator digest (notify once), reporters on approval, opt-in reply notices."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from comments.models import Comment, Status
from comments.moderation import moderate
from comments.notifications import unsubscribe_token
from outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db


def _window_passes():
    """The digest window is over: the last digest was queued an hour ago."""
    OutgoingMail.objects.update(created_at=timezone.now() - timedelta(hours=1))


@pytest.fixture
def moderators(roles, staff_user):
    return [staff_user(name, "Kiểm duyệt viên") for name in ("kd1", "kd2")]


@pytest.fixture
def fast_rules(rules):
    rules.flood_seconds = 0
    rules.max_per_minute = 0
    rules.save()
    return rules


def test_a_flood_sends_one_digest_per_address(
    post_comment, story, moderators, fast_rules, django_capture_on_commit_callbacks
):
    for n in range(10):  # each request commits on its own
        with django_capture_on_commit_callbacks(execute=True):
            assert post_comment(story, email=f"r{n}@example.invalid").status_code == 201
    assert sorted(m.to[0] for m in mail.outbox) == ["kd1@example.invalid", "kd2@example.invalid"]
    assert Comment.objects.filter(moderators_notified=False).count() == 9
    # After the window the next comment brings a digest of everything not announced yet.
    _window_passes()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(story, email="late@example.invalid")
    assert len(mail.outbox) == 2
    assert "10 bình luận" in mail.outbox[0].subject
    assert not Comment.objects.filter(moderators_notified=False).exists()
    # Notify once: a further digest announces nothing already announced.
    _window_passes()
    mail.outbox.clear()
    from django.core.management import call_command

    call_command("comments_digest")
    assert mail.outbox == []


def test_no_moderator_mail_when_switched_off(
    post_comment, story, moderators, rules, django_capture_on_commit_callbacks
):
    rules.notify_moderators = False
    rules.save()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(story)
    assert mail.outbox == []


def test_spam_is_not_announced(
    post_comment, story, moderators, rules, django_capture_on_commit_callbacks
):
    rules.deny_words = "casino"
    rules.save()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(story, body="casino online")
    assert mail.outbox == []


def test_reporters_mailed_once_on_approval(
    story, make_comment, staff_user, rules, django_capture_on_commit_callbacks
):
    comment = make_comment(story, status=Status.PENDING, author_email="ban.doc@example.invalid")
    admin = staff_user("admin", superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        moderate([comment], "approve", admin)
    assert [m.to for m in mail.outbox] == [["nhung@toasoan.invalid"]]
    assert "ban.doc@example.invalid" not in mail.outbox[0].body
    assert "ban.doc@example.invalid" not in mail.outbox[0].alternatives[0][0]
    # Approving again (after a reject) does not send again.
    with django_capture_on_commit_callbacks(execute=True):
        moderate([comment], "reject", admin)
        moderate([comment], "approve", admin)
    assert len(mail.outbox) == 1


def test_reporters_not_mailed_when_switched_off(
    story, make_comment, staff_user, rules, django_capture_on_commit_callbacks
):
    rules.notify_authors = False
    rules.save()
    comment = make_comment(story, status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderate([comment], "approve", staff_user("admin", superuser=True))
    assert mail.outbox == []


def test_reply_notice_only_after_approval_and_opt_in(
    story, make_comment, staff_user, rules, client, django_capture_on_commit_callbacks
):
    rules.notify_authors = False
    rules.save()
    parent = make_comment(story, author_email="hoi@example.invalid", notify_replies=True)
    silent = make_comment(story, author_email="im@example.invalid", notify_replies=False)
    reply = make_comment(
        story,
        parent=parent,
        status=Status.PENDING,
        author_email="tl@example.invalid",
        body="Trả lời <script>x</script>",
    )
    other = make_comment(story, parent=silent, status=Status.PENDING)
    assert mail.outbox == []  # nothing before approval
    admin = staff_user("admin", superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        moderate([reply, other], "approve", admin)
    assert [m.to for m in mail.outbox] == [["hoi@example.invalid"]]
    message = mail.outbox[0]
    assert "tl@example.invalid" not in message.body
    html = message.alternatives[0][0]
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    # A reader's link points at the public site, not the admin's base URL.
    root = Site.objects.get(is_default_site=True).root_url
    assert unsubscribe.startswith(f"{root}/binh-luan/huy-theo-doi/")
    path = unsubscribe.replace(root, "")
    # A plain GET (a mail scanner following links) only asks.
    response = client.get(path)
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    parent.refresh_from_db()
    assert parent.notify_replies is True
    # RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click".
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Bạn đã hủy đăng ký" in response.content.decode()
    parent.refresh_from_db()
    assert parent.notify_replies is False
    mail.outbox.clear()
    late = make_comment(story, parent=parent, status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderate([late], "approve", admin)
    assert mail.outbox == []


def test_unsubscribe_links_expire_after_a_year(client, story, make_comment):
    from unittest import mock

    parent = make_comment(story, author_email="hoi@example.invalid", notify_replies=True)
    year_ago = time.time() - 366 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=year_ago):
        token = unsubscribe_token(parent)
    response = client.post(reverse("comments:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "hết hạn" in response.content.decode()
    assert Comment.objects.get().notify_replies is True


def test_tampered_unsubscribe_refused(client, story, make_comment):
    parent = make_comment(story, author_email="hoi@example.invalid", notify_replies=True)
    token = unsubscribe_token(parent)
    response = client.get(reverse("comments:unsubscribe", args=[token[:-3] + "abc"]))
    assert response.status_code == 400
    assert Comment.objects.get().notify_replies is True
    assert client.post(reverse("comments:unsubscribe", args=[token])).status_code == 200
    assert Comment.objects.get().notify_replies is False


def test_no_notice_for_replying_to_yourself(
    story, make_comment, staff_user, rules, django_capture_on_commit_callbacks
):
    rules.notify_authors = False
    rules.save()
    parent = make_comment(story, author_email="me@example.invalid", notify_replies=True)
    reply = make_comment(
        story,
        parent=parent,
        status=Status.PENDING,
        author_email="ME@example.invalid",
        body="Bổ sung",
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderate([reply], "approve", staff_user("admin", superuser=True))
    assert mail.outbox == []


def test_mail_links_admin_to_the_admin_base_and_readers_to_the_public_site(
    story, make_comment, moderators, staff_user, settings, django_capture_on_commit_callbacks
):
    from comments.notifications import send_moderator_digest

    settings.WAGTAILADMIN_BASE_URL = "https://quantri.example.vn"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "kontumtv.example.vn", 443
    site.save()
    make_comment(story, status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        send_moderator_digest.enqueue(force=True)
    digest = mail.outbox[0].body
    assert "https://quantri.example.vn/admin/snippets/comments/comment/?status=pending" in digest
    mail.outbox.clear()
    comment = make_comment(story, status=Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderate([comment], "approve", staff_user("admin", superuser=True))
    notice = mail.outbox[0].body
    assert f"https://kontumtv.example.vn{story.url}#{comment.anchor}" in notice
    assert "quantri.example.vn" not in notice
