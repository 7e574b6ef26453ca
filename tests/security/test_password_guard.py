"""Guessing passwords: staff sign-in and page passwords are limited per account and per
network; during a lockout even the right password does nothing, and is not even checked."""

import re

import pytest
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

LOCKED = "Nhập sai mật khẩu quá nhiều lần"


@pytest.fixture(autouse=True)
def _a_window_just_begun(clock, settings):
    """Each test starts at the beginning of a counting window (windows are aligned on the
    clock): a slow machine does not cross into the next window halfway through the guesses."""
    window = settings.PASSWORD_GUARD_WINDOW_SECONDS
    clock.advance(window - clock.time() % window)


@pytest.fixture
def roles(home_page, news_index):
    from django.core.management import call_command

    call_command("setup_roles")


@pytest.fixture
def reporter(roles, staff_user):
    user = staff_user("phongvien", "Phóng viên")
    user.set_password("mat-khau-dung-2026")
    user.save()
    return user


@pytest.fixture
def checked_passwords():
    """How many times a password was really checked and found wrong (Django's own signal)."""
    calls = []

    def receiver(**kwargs):
        calls.append(kwargs["credentials"].get("username"))

    user_login_failed.connect(receiver)
    yield calls
    user_login_failed.disconnect(receiver)


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_fifty_wrong_passwords_lock_the_account_and_the_right_one_does_not_sign_in(
    client, reporter, checked_passwords
):
    responses = [sign_in(client, "phongvien", f"sai-{n}") for n in range(50)]
    assert all(response.status_code == 200 for response in responses)
    first_locked = next(n for n, r in enumerate(responses) if LOCKED in r.content.decode())
    assert first_locked == 4  # the fifth wrong password says so at once
    assert all(LOCKED in r.content.decode() for r in responses[first_locked:])
    # Once locked, passwords are no longer checked at all (no hashing to spend CPU on).
    assert len(checked_passwords) == 5

    response = sign_in(client, "phongvien", "mat-khau-dung-2026")
    assert not signed_in(client)
    page = response.content.decode()
    assert LOCKED in page and re.search(r"đợi (1[0-5]|[1-9]) phút", page)
    assert 'value="phongvien"' in page  # the form keeps the username
    assert len(checked_passwords) == 5


def test_the_username_is_one_account_whatever_its_case_and_spaces(client, reporter):
    for n, name in enumerate(["phongvien", "PhongVien", " PHONGVIEN ", "phongvien", "phongVIEN"]):
        sign_in(client, name, f"sai-{n}")
    sign_in(client, "phongvien", "mat-khau-dung-2026")
    assert not signed_in(client)


def test_another_account_from_another_network_still_signs_in(client, reporter, staff_user):
    for n in range(6):
        sign_in(client, "phongvien", f"sai-{n}")
    editor = staff_user("bientap", "Biên tập viên")
    editor.set_password("bien-tap-dung-2026")
    editor.save()
    response = sign_in(client, "bientap", "bien-tap-dung-2026", address="198.51.100.20")
    assert response.status_code == 302
    assert signed_in(client)


def test_one_network_guessing_many_accounts_is_stopped(client, reporter, checked_passwords):
    for n in range(20):  # a different made-up account and address each time, one /24
        sign_in(client, f"nguoi-dung-{n}", "123456", address=f"203.0.113.{n + 1}")
    response = sign_in(client, "phongvien", "mat-khau-dung-2026", address="203.0.113.200")
    assert LOCKED in response.content.decode()
    assert not signed_in(client)
    assert len(checked_passwords) == 20
    # The account itself is not locked: from its own network the reporter signs in.
    response = sign_in(client, "phongvien", "mat-khau-dung-2026", address="192.0.2.10")
    assert response.status_code == 302 and signed_in(client)


def test_behind_the_trusted_proxies_each_reader_network_counts_on_its_own(
    client, reporter, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.PASSWORD_GUARD_FAILURES_PER_ACCOUNT = 1000
    for n in range(20):
        sign_in(client, f"ai-do-{n}", "x", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    locked = sign_in(
        client, "phongvien", "mat-khau-dung-2026", "127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.50"
    )
    assert LOCKED in locked.content.decode()
    fine = sign_in(
        client, "phongvien", "mat-khau-dung-2026", "127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.50"
    )
    assert fine.status_code == 302


def test_a_forged_forwarded_for_from_outside_does_not_escape_the_limit(client, reporter, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(20):
        sign_in(
            client, f"ai-do-{n}", "x", address="203.0.113.9", HTTP_X_FORWARDED_FOR=f"10.{n}.0.1"
        )
    response = sign_in(
        client, "phongvien", "mat-khau-dung-2026", "203.0.113.9", HTTP_X_FORWARDED_FOR="10.99.0.1"
    )
    assert LOCKED in response.content.decode()
    assert not signed_in(client)


def test_the_lockout_ends_with_its_window(client, reporter, settings, clock):
    settings.PASSWORD_GUARD_WINDOW_SECONDS = 60
    clock.advance(60 - clock.time() % 60)  # start at the beginning of a window
    for n in range(5):
        sign_in(client, "phongvien", f"sai-{n}")
    assert LOCKED in sign_in(client, "phongvien", "mat-khau-dung-2026").content.decode()
    clock.advance(60 - clock.time() % 60 + 0.1)  # the next window
    response = sign_in(client, "phongvien", "mat-khau-dung-2026")
    assert response.status_code == 302 and signed_in(client)


def test_the_front_end_sign_in_is_limited_too(client, reporter):
    url = reverse("wagtailcore_login")
    for n in range(5):
        client.post(url, {"username": "phongvien", "password": f"sai-{n}"}, REMOTE_ADDR="192.0.2.1")
    response = client.post(
        url, {"username": "phongvien", "password": "mat-khau-dung-2026"}, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert not signed_in(client)


@pytest.fixture
def protected_story(make_story):
    story = make_story(title="Tài liệu nội bộ hội nghị")
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="hoi-nghi-2026"
    )
    return story, restriction


def test_fifty_wrong_page_passwords_lock_the_page_for_that_network(client, protected_story):
    story, restriction = protected_story
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])
    form = {"return_url": story.url}
    pages = [
        client.post(
            url, {**form, "password": f"doan-{n}"}, REMOTE_ADDR="203.0.113.7"
        ).content.decode()
        for n in range(50)
    ]
    assert LOCKED not in pages[3]
    assert all(LOCKED in page for page in pages[4:])
    response = client.post(url, {**form, "password": "hoi-nghi-2026"}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "Tài liệu nội bộ hội nghị" not in client.get(story.url).content.decode()
    # The page's password is locked for every network (it is the "account" guessed) ...
    response = client.post(url, {**form, "password": "hoi-nghi-2026"}, REMOTE_ADDR="192.0.2.8")
    assert LOCKED in response.content.decode()


def test_a_network_guessing_many_pages_is_stopped(client, make_story):
    stories = []
    for n in range(21):
        story = make_story(title=f"Trang có mật khẩu {n}")
        restriction = PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.PASSWORD, password=f"mk-{n}"
        )
        stories.append((story, restriction))
    for story, restriction in stories[:20]:
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])
        client.post(url, {"return_url": story.url, "password": "sai"}, REMOTE_ADDR="203.0.113.7")
    story, restriction = stories[20]
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])
    form = {"return_url": story.url, "password": "mk-20"}
    assert LOCKED in client.post(url, form, REMOTE_ADDR="203.0.113.99").content.decode()
    response = client.post(url, form, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 302
    assert "Trang có mật khẩu 20" in client.get(story.url).content.decode()
