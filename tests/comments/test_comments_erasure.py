"""Erasure erases: name, email, text, network, browser, log labels and mail; threads keep their
shape; --delete never takes other people's words with it; export gives everything held."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from comments.models import Comment
from comments.moderation import moderate
from outbox import delivery
from outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db

SECRET = "nguyen.bi.mat@example.invalid"
PHONE = "Số điện thoại tôi 0905123456"


@pytest.fixture
def thread(story, make_comment, staff_user):
    mine = make_comment(
        story,
        author_name="Nguyễn Bí Mật",
        author_email=SECRET,
        body=PHONE,
        ip_address="203.0.113.0",
        user_agent="Firefox",
        notify_replies=True,
    )
    other = make_comment(story, parent=mine, author_name="Người khác", body="Tôi trả lời")
    own_reply = make_comment(story, parent=other, author_email=SECRET, body="Riêng tôi nói thêm")
    moderate([mine], "reject", staff_user("admin", superuser=True))  # leaves a log entry
    moderate([mine], "restore", staff_user("admin2", superuser=True))  # approved again
    delivery.queue(SECRET, "Có người trả lời", "…")
    return mine, other, own_reply


def _everything_text():
    rows = list(Comment.objects.values()) + list(ModelLogEntry.objects.values())
    rows += list(OutgoingMail.objects.values())
    return json.dumps(rows, default=str, ensure_ascii=False)


def test_export_gives_everything_held(thread, capsys):
    call_command("comments_export", SECRET)
    data = json.loads(capsys.readouterr().out)
    assert {c["comment"] for c in data["comments"]} == {PHONE, "Riêng tôi nói thêm"}
    assert [s["reply_notifications"] for s in data["subscriptions"]] == [True]
    assert {e["action"] for e in data["log_entries"]} >= {"comments.reject", "comments.restore"}
    assert [m["subject"] for m in data["mail"]] == ["Có người trả lời"]
    assert all(c["email"] == SECRET for c in data["comments"])


def test_erase_removes_every_trace_and_keeps_the_thread(thread, client, story):
    mine, other, own_reply = thread
    call_command("comments_erase", SECRET)
    everything = _everything_text()
    for secret in (SECRET, PHONE, "Nguyễn Bí Mật", "0905123456", "Firefox", "203.0.113.0"):
        assert secret not in everything, secret
    html = client.get(story.url).content.decode()
    assert html.count("Bình luận đã được xoá theo yêu cầu") == 2
    assert "Tôi trả lời" in html  # the other reader's reply keeps its place
    assert "1 bình luận" in html  # tombstones are not counted


def test_delete_removes_only_what_no_one_answered(thread, story):
    mine, other, own_reply = thread
    call_command("comments_erase", SECRET, "--delete")
    assert not Comment.objects.filter(pk=own_reply.pk).exists()  # nobody answered it: gone
    kept = Comment.objects.get(pk=mine.pk)  # someone answered it: a tombstone
    assert kept.erased and kept.body == "Bình luận đã được xoá theo yêu cầu"
    assert Comment.objects.filter(pk=other.pk, body="Tôi trả lời").exists()
    assert PHONE not in _everything_text() and SECRET not in _everything_text()


def test_the_admin_privacy_screen_erases_and_logs(thread, admin_client):
    url = reverse("wagtailsnippets_comments_comment:privacy")
    exported = admin_client.post(url, {"email": SECRET, "action": "export"})
    assert json.loads(exported.content)["comments"][0]["email"] == SECRET
    admin_client.post(url, {"email": SECRET, "action": "erase", "confirm": "on"})
    assert SECRET not in _everything_text() and PHONE not in _everything_text()
    content_type = ContentType.objects.get_for_model(Comment)
    erase_logs = ModelLogEntry.objects.filter(content_type=content_type, action="comments.erase")
    assert erase_logs.count() == 2
