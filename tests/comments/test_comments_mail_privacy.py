"""Personal data in mail: erasure reaches the mails sent about a commenter (to moderators and
reporters), sent mail is pruned after OUTBOX_SENT_KEEP_DAYS, the export lists mail about and to
the commenter, and unsubscribe links do not carry the reader's address."""

import base64
import json
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, Status
from comments.moderation import moderate
from comments.notifications import UNSUBSCRIBE_SALT
from outbox.models import OutgoingMail, State

pytestmark = pytest.mark.django_db

SECRET = "nguyen.bi.mat@example.invalid"
NAME = "Nguyễn Bí Mật"
PHONE = "Số điện thoại tôi 0905123456, gọi sau 8 giờ"


@pytest.fixture
def mailed(
    story, post_comment, make_comment, rules, roles, staff_user, django_capture_on_commit_callbacks
):
    """The secret commenter's reply is announced to the moderators, to the story's reporter on
    approval, and to the parent commenter (who asked to hear of replies)."""
    rules.flood_seconds = 0
    rules.max_per_minute = 0
    rules.auto_approve_known = False
    rules.save()
    staff_user("kd1", "Kiểm duyệt viên")
    parent = make_comment(story, author_email="hoi@example.invalid", notify_replies=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(story, name=NAME, email=SECRET, body=PHONE, parent=parent.pk)
    assert response.status_code == 201
    mine = Comment.objects.get(author_email=SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        moderate([mine], "approve", staff_user("kd2", "Kiểm duyệt viên"))
    recipients = sorted(OutgoingMail.objects.values_list("to", flat=True))
    assert recipients == ["hoi@example.invalid", "kd1@example.invalid", "nhung@toasoan.invalid"]
    assert all(PHONE in m.text and NAME in m.text for m in OutgoingMail.objects.all())
    return mine


def _all_mail_text():
    return json.dumps(list(OutgoingMail.objects.values()), default=str, ensure_ascii=False)


@pytest.mark.parametrize("delete", [False, True])
def test_erasure_redacts_the_mails_sent_about_the_comment(mailed, delete):
    call_command("comments_erase", SECRET, *(["--delete"] if delete else []))
    everything = _all_mail_text()
    for secret in (SECRET, NAME, PHONE, "0905123456"):
        assert secret not in everything, secret
    # The mails stay (the record of what was sent), with the commenter's words taken out.
    assert OutgoingMail.objects.count() == 3
    assert all("Bình luận đã được xoá theo yêu cầu" in m.text for m in OutgoingMail.objects.all())


def test_erasure_keeps_other_commenters_in_a_shared_digest(
    story, post_comment, rules, roles, staff_user, django_capture_on_commit_callbacks
):
    rules.flood_seconds = 0
    rules.max_per_minute = 0
    rules.digest_minutes = 0
    rules.save()
    staff_user("kd1", "Kiểm duyệt viên")
    # Two pending comments in one digest (queued after both are stored).
    post_comment(story, name=NAME, email=SECRET, body=PHONE)
    post_comment(story, name="Người khác", email="khac@example.invalid", body="Ý kiến khác hẳn")
    OutgoingMail.objects.all().delete()
    Comment.objects.update(moderators_notified=False)
    from comments.notifications import send_moderator_digest

    send_moderator_digest.call(force=True)
    digest = OutgoingMail.objects.get()
    assert PHONE in digest.text and "Ý kiến khác hẳn" in digest.text
    call_command("comments_erase", SECRET)
    digest.refresh_from_db()
    assert PHONE not in digest.text + digest.html and NAME not in digest.text + digest.html
    assert "Ý kiến khác hẳn" in digest.text and "Người khác" in digest.html


def test_export_lists_mail_about_and_to_the_commenter(mailed, make_comment, story, capsys):
    call_command("comments_export", SECRET)
    data = json.loads(capsys.readouterr().out)
    about = data["mail_about_you"]
    assert sorted(m["kind"] for m in about) == [
        "comments.author_notice",
        "comments.moderator_digest",
        "comments.reply_notice",
    ]
    assert all(m["comments"] == [mailed.pk] for m in about)
    # Nobody else's address is given out.
    assert "kd1@example.invalid" not in json.dumps(data) and "hoi@" not in json.dumps(data)
    # The parent commenter's own export lists the reply notice sent to them, with its text.
    call_command("comments_export", "hoi@example.invalid")
    theirs = json.loads(capsys.readouterr().out)
    assert [m["kind"] for m in theirs["mail"]] == ["comments.reply_notice"]
    assert PHONE in theirs["mail"][0]["text"]


@override_settings(OUTBOX_SENT_KEEP_DAYS=30)
def test_sent_and_failed_mail_is_pruned_after_the_setting(db):
    from django.conf import settings

    from outbox.periodic import prune_sent

    assert ("outbox.periodic.prune_sent", 3600) in settings.PERIODIC_JOBS
    now = timezone.now()
    old = now - timedelta(days=31)
    OutgoingMail.objects.create(
        to="a@example.invalid",
        subject="old sent",
        text="x",
        state=State.SENT,
        sent_at=old,
        created_at=old,
    )
    OutgoingMail.objects.create(
        to="b@example.invalid", subject="old failed", text="x", state=State.FAILED, created_at=old
    )
    OutgoingMail.objects.create(
        to="c@example.invalid",
        subject="recent",
        text="x",
        state=State.SENT,
        sent_at=now - timedelta(days=29),
        created_at=old,
    )
    OutgoingMail.objects.create(
        to="d@example.invalid", subject="waiting", text="x", state=State.QUEUED, created_at=old
    )
    assert prune_sent() == 2
    assert sorted(OutgoingMail.objects.values_list("subject", flat=True)) == ["recent", "waiting"]


def _unsubscribe_links():
    for message in mail.outbox:
        if "List-Unsubscribe" in message.extra_headers:
            yield message.extra_headers["List-Unsubscribe"].strip("<>")


def test_unsubscribe_link_does_not_carry_the_address(mailed, client):
    links = list(_unsubscribe_links())
    assert len(links) == 1
    token = links[0].rstrip("/").rsplit("/", 1)[1]
    decoded = b""
    for part in token.split(":"):
        decoded += base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    assert b"hoi" not in decoded and b"example" not in decoded
    assert "hoi@example.invalid" not in links[0]
    path = links[0].split("://", 1)[1].split("/", 1)[1]
    assert client.post("/" + path).status_code == 200
    assert not Comment.objects.filter(
        author_email="hoi@example.invalid", notify_replies=True
    ).exists()


def test_links_sent_before_keep_working(story, make_comment, client):
    """Links already mailed (the address, signed) work until they expire, a year after."""
    make_comment(story, author_email="cu@example.invalid", notify_replies=True)
    old_token = signing.dumps("cu@example.invalid", salt=UNSUBSCRIBE_SALT)
    assert client.post(reverse("comments:unsubscribe", args=[old_token])).status_code == 200
    assert not Comment.objects.filter(notify_replies=True, status=Status.APPROVED).exists()


def test_erasure_reaches_mail_queued_before_mails_were_linked(story, make_comment):
    make_comment(story, author_name=NAME, author_email=SECRET, body=PHONE)
    old = OutgoingMail.objects.create(
        kind="comments.author_notice",
        to="nhung@toasoan.invalid",
        subject="Bình luận mới",
        text=f"{NAME} bình luận:\n\n{PHONE}\n",
        html=f"<p>{NAME}</p><p>{PHONE}</p>",
    )
    unrelated = OutgoingMail.objects.create(
        kind="comments.author_notice", to="nhung@toasoan.invalid", subject="Khác", text="Hay quá"
    )
    call_command("comments_erase", SECRET)
    old.refresh_from_db()
    assert PHONE not in old.text + old.html and NAME not in old.text + old.html
    assert "đã được xoá theo yêu cầu" in old.text
    unrelated.refresh_from_db()
    assert unrelated.text == "Hay quá"
