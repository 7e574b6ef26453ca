"""Outgoing mail: marked sent only once the mail server took it, retried, then shown to admins."""

import email
import email.policy
import socket
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, Status
from comments.moderation import moderate
from outbox import delivery
from outbox.models import OutgoingMail, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(make_story, make_reporter):
    reporter = make_reporter("Nguyễn Thị Hồng Nhung", email="nhung@toasoan.invalid")
    return make_story(title="Hội nghị điển hình tiên tiến", reporters=[reporter])


def pending(story, n):
    return Comment.objects.create(
        page=story,
        author_name=f"Bạn đọc {n}",
        author_email=f"reader{n}@example.invalid",
        body=f"Ý kiến số {n}",
        status=Status.PENDING,
    )


def time_passes():
    OutgoingMail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_smtp_down_keeps_the_mail_and_a_later_attempt_sends_it(
    story, smtp_sink, staff_user, django_capture_on_commit_callbacks
):
    admin = staff_user("admin", superuser=True)
    comment = pending(story, 1)
    with django_capture_on_commit_callbacks(execute=True):  # the sink is not started: SMTP down
        moderate([comment], "approve", admin)
    mail = OutgoingMail.objects.get()
    assert (mail.state, mail.attempts, mail.to) == (State.QUEUED, 1, "nhung@toasoan.invalid")
    assert "Connection refused" in mail.last_error or "Errno" in mail.last_error
    assert mail.next_attempt_at > timezone.now() + timedelta(seconds=100)
    assert delivery.deliver_due() == 0  # not due yet

    smtp_sink.start()
    time_passes()
    assert delivery.deliver_due() == 1
    mail.refresh_from_db()
    assert (mail.state, mail.attempts) == (State.SENT, 2)
    assert smtp_sink.recipients() == ["nhung@toasoan.invalid"]
    time_passes()
    assert delivery.deliver_due() == 0  # never sent twice
    assert len(smtp_sink.messages) == 1


def test_a_hanging_mail_server_costs_the_timeout_then_retries(story, settings):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)  # accepts, never says a word
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.getsockname()[1]
    settings.EMAIL_TIMEOUT = 1
    mail = delivery.queue("a@example.invalid", "Chủ đề", "Nội dung")
    started = time.monotonic()
    assert delivery.send_one(mail.pk) is False
    assert time.monotonic() - started < 5
    mail.refresh_from_db()
    assert mail.state == State.QUEUED and mail.attempts == 1
    server.close()


def test_after_the_last_attempt_admins_see_it_and_can_send_it_again(
    story, settings, client, staff_user, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    mail = delivery.queue("a@example.invalid", "Thông báo", "Nội dung")
    for _attempt in range(len(settings.OUTBOX_RETRY_DELAYS) + 1):
        time_passes()
        delivery.deliver_due()
    mail.refresh_from_db()
    assert mail.state == State.FAILED
    assert mail.attempts == 4  # the first try and three retries
    # Over about half an hour by default.
    assert sum(settings.OUTBOX_RETRY_DELAYS) >= 1800

    client.force_login(staff_user("admin", superuser=True))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 thư không gửi được" in dashboard
    listing = client.get(reverse("wagtailsnippets_outbox_outgoingmail:list") + "?state=failed")
    assert "Thông báo" in listing.content.decode()
    url = (
        reverse("wagtail_bulk_action", args=["outbox", "outgoingmail", "retry"]) + f"?id={mail.pk}"
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    mail.refresh_from_db()
    assert mail.state == State.SENT


def test_one_bulk_approval_is_one_mail_per_reporter(
    story, make_story, make_reporter, staff_user, smtp_sink, django_capture_on_commit_callbacks
):
    smtp_sink.start()
    comments = [pending(story, n) for n in range(36)]
    admin = staff_user("admin", superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert moderate(comments, "approve", admin) == 36
    assert smtp_sink.recipients() == ["nhung@toasoan.invalid"]
    message = email.message_from_bytes(smtp_sink.messages[0].content, policy=email.policy.default)
    assert message["Subject"].strip() == "36 bình luận mới trên bài viết của bạn"
    text = message.get_body(("plain",)).get_content()
    lines = text.splitlines()
    assert all(f"Ý kiến số {n}" in lines for n in range(36))


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_same_mail_sent_from_two_processes_at_once_goes_once(story, smtp_sink):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    smtp_sink.start()
    # Queued, its task not run yet: the worker and the periodic sweep both try at once.
    mail = OutgoingMail.objects.create(to="a@example.invalid", subject="Một lần", text="Nội dung")
    results = []
    barrier = threading.Barrier(4)

    def send():
        from django.db import connections

        barrier.wait()
        results.append(delivery.send_one(mail.pk))
        connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(smtp_sink.messages) == 1
    assert results.count(True) == 1
    mail.refresh_from_db()
    assert mail.state == State.SENT


def test_the_periodic_process_sends_what_a_lost_worker_did_not(story, smtp_sink):
    smtp_sink.start()
    mail = delivery.queue("a@example.invalid", "Còn sót", "Nội dung")  # its task never ran
    OutgoingMail.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    time_passes()
    call_command("run_periodic", "--once")
    mail.refresh_from_db()
    assert mail.state == State.SENT
    assert smtp_sink.recipients() == ["a@example.invalid"]
