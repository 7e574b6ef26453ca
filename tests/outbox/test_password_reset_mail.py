"""The admin's "forgot password" mail goes through the outbox: it survives a dead mail server,
is delivered on retry, and its link is never kept or shown once it has gone."""

import email
import email.policy
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from outbox import delivery
from outbox.models import OutgoingMail, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(staff_user):
    user = staff_user("phongvien")
    user.email = "phongvien@toasoan.invalid"
    user.save()
    return user


def ask_for_reset(client, address, capture):
    with capture(execute=True):
        return client.post(reverse("wagtailadmin_password_reset"), {"email": address})


def time_passes():
    OutgoingMail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_a_reset_mail_asked_while_smtp_is_down_is_delivered_on_retry(
    client, reporter, smtp_sink, staff_user, django_capture_on_commit_callbacks
):
    # The sink is not started: the mail server is down when the reporter asks.
    response = ask_for_reset(
        client, "phongvien@toasoan.invalid", django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.state, mail.attempts) == ("phongvien@toasoan.invalid", State.QUEUED, 1)
    assert mail.last_error

    # An admin looking at the queue does not see the link (it is a key to the account).
    admin_client = Client()
    admin_client.force_login(staff_user("admin", superuser=True))
    inspect = admin_client.get(
        reverse("wagtailsnippets_outbox_outgoingmail:inspect", args=[mail.pk])
    ).content.decode()
    assert "password_reset/confirm" not in inspect and "/reset/" not in inspect
    assert "Không hiển thị: thư này chứa liên kết đặt lại mật khẩu" in inspect

    smtp_sink.start()
    time_passes()
    assert delivery.deliver_due() == 1
    assert smtp_sink.recipients() == ["phongvien@toasoan.invalid"]
    message = email.message_from_bytes(smtp_sink.messages[0].content, policy=email.policy.default)
    text = message.get_body(("plain",)).get_content()
    link = re.search(r"http://testserver(/admin/password_reset/\S+)", text).group(1)

    mail.refresh_from_db()
    assert mail.state == State.SENT
    assert mail.text == "" and mail.html == ""  # no copy of the link kept

    # The link works: the reporter sets a new password and signs in with it.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new = "Mat-khau-moi-an-toan-2026"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": new, "new_password2": new},
    )
    assert done.status_code == 302
    reporter.refresh_from_db()
    assert reporter.check_password(new)


def test_asking_again_and_again_sends_a_few_mails_not_one_each(
    client, reporter, django_capture_on_commit_callbacks
):
    for _ in range(10):
        response = ask_for_reset(
            client, "phongvien@toasoan.invalid", django_capture_on_commit_callbacks
        )
        assert response.status_code == 302  # the same answer every time
    assert OutgoingMail.objects.filter(kind="accounts.password_reset").count() == 3


def test_an_unknown_address_queues_nothing_and_answers_the_same(
    client, reporter, django_capture_on_commit_callbacks
):
    response = ask_for_reset(client, "nobody@example.invalid", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert not OutgoingMail.objects.exists()
