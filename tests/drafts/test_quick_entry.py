"""One add form, one page: every save sent from an add form after autosave created its page
reaches that page (the form's key, drafts/quick_entry.py), whatever the order of arrival."""

import io
import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from drafts.models import NewPageEntry
from tests.conftest import ARTICLE_ADD_FORM

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}
TITLE = "Kon Tum đón đoàn công tác"


@pytest.fixture
def editor(client, staff_user, news_index):
    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user("bientap", "Biên tập viên"))
    return client


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", index.pk))


def form(key, **fields):
    return {**ARTICLE_ADD_FORM, "title": TITLE, "slug": "", "new_page_entry": key, **fields}


def stories():
    return Page.objects.filter(title=TITLE)


def test_publish_from_the_add_form_after_autosave_publishes_that_page(editor, news_index):
    key = str(uuid.uuid4())
    autosaved = editor.post(add_url(news_index), form(key, lead=""), **AUTOSAVE)
    assert autosaved.json()["success"] is True
    # The browser has not switched the form yet: a second autosave, then "Publish".
    again = editor.post(add_url(news_index), form(key, lead="Sapo."), **AUTOSAVE)
    assert again.json()["success"] is True
    published = editor.post(add_url(news_index), form(key, **{"action-publish": "1"}))
    assert published.status_code == 302
    assert stories().count() == 1
    story = stories().get().specific
    assert story.live and story.lead == "Sapo."
    assert NewPageEntry.objects.get(key=key).page_id == story.pk


def test_a_form_error_lets_the_key_go_so_the_next_save_creates_the_page(editor, news_index):
    key = str(uuid.uuid4())
    refused = editor.post(add_url(news_index), form(key, title="", **{"action-publish": "1"}))
    assert refused.status_code == 200  # the form again, with its error
    assert not stories().exists()
    assert not NewPageEntry.objects.filter(key=key).exists()
    saved = editor.post(add_url(news_index), form(key))
    assert saved.status_code == 302
    assert stories().count() == 1


def test_another_editor_cannot_use_someone_elses_form_key(editor, news_index, staff_user):
    key = str(uuid.uuid4())
    editor.post(add_url(news_index), form(key), **AUTOSAVE)
    other = Client()
    other.force_login(staff_user("bientap2", "Biên tập viên"))
    refused = other.post(add_url(news_index), form(key))
    assert refused.status_code == 302  # the admin's "no permission" answer
    assert refused.url == reverse("wagtailadmin_home")
    assert stories().count() == 1


def test_without_a_key_wagtail_creates_as_before(editor, news_index):
    assert editor.post(add_url(news_index), form("not-a-key")).status_code == 302
    assert stories().count() == 1
    assert not NewPageEntry.objects.exists()


def test_form_keys_older_than_a_day_go_with_the_periodic_purge(editor, news_index):
    from datetime import timedelta

    from django.utils import timezone

    from drafts.periodic import purge_abandoned_drafts

    key = str(uuid.uuid4())
    editor.post(add_url(news_index), form(key), **AUTOSAVE)
    NewPageEntry.objects.update(created_at=timezone.now() - timedelta(hours=25))
    purge_abandoned_drafts()
    assert not NewPageEntry.objects.exists()
    assert stories().count() == 1  # the page, with its lead, stays
