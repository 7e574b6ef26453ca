"""Autosave makes a page from a title alone; such pages are hidden and cleaned up, work is not.

The admin's autosave posts the editor form with `Accept: application/json`; a deliberate save
is an ordinary form post. These tests post as each would.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from drafts.models import AutosavedDraft
from drafts.periodic import purge_abandoned_drafts
from editorial.roles import REPORTERS
from news.models import ArticlePage
from news.roles import ensure_roles
from tests.conftest import ARTICLE_ADD_FORM

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}
UNTOUCHED = {**ARTICLE_ADD_FORM, "lead": "", "tags": ""}


@pytest.fixture
def editor(client, staff_user):
    client.force_login(staff_user("bientap", superuser=True))
    return client


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", index.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def autosave_new(client, index, title, **fields):
    response = client.post(add_url(index), {**UNTOUCHED, "title": title, **fields}, **AUTOSAVE)
    assert response.status_code == 200, response.content[:500]
    assert response.json()["success"] is True
    return ArticlePage.objects.get(pk=response.json()["pk"])


def explorer_titles(client, index):
    response = client.get(reverse("wagtailadmin_explore", args=(index.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def abandon(hours=25):
    AutosavedDraft.objects.update(updated_at=timezone.now() - timedelta(hours=hours))


def test_a_title_alone_is_hidden_from_the_explorer(editor, news_index):
    autosave_new(editor, news_index, "Tiêu đề bỏ dở")
    typed = autosave_new(editor, news_index, "Bài có sapo", lead="Sáng nay, hơn 200 đại biểu.")
    listing = explorer_titles(editor, news_index)
    assert "Tiêu đề bỏ dở" not in listing
    assert "Bài có sapo" in listing
    assert AutosavedDraft.objects.get(page=typed).empty is False


def test_a_day_later_the_empty_one_is_removed_and_logged(editor, news_index):
    empty = autosave_new(editor, news_index, "Tiêu đề bỏ dở")
    work = autosave_new(editor, news_index, "Bài có sapo", lead="Sáng nay, hơn 200 đại biểu.")

    abandon(hours=23)
    assert purge_abandoned_drafts() == 0  # not yet abandoned
    abandon(hours=25)
    assert purge_abandoned_drafts() == 1

    assert not Page.objects.filter(pk=empty.pk).exists()
    assert Page.objects.filter(pk=work.pk).exists()
    assert PageLogEntry.objects.filter(page_id=empty.pk, action="wagtail.delete").exists()
    assert not AutosavedDraft.objects.filter(page_id=empty.pk).exists()
    assert purge_abandoned_drafts() == 0  # idempotent


def test_typing_more_later_turns_an_empty_autosave_into_work(editor, news_index):
    page = autosave_new(editor, news_index, "Tiêu đề trước")
    response = editor.post(
        edit_url(page),
        {**UNTOUCHED, "title": "Tiêu đề trước", "slug": page.slug, "lead": "Rồi gõ thêm sapo."},
        **AUTOSAVE,
    )
    assert response.json()["success"] is True
    assert AutosavedDraft.objects.get(page=page).empty is False
    abandon()
    assert purge_abandoned_drafts() == 0
    assert "Tiêu đề trước" in explorer_titles(editor, news_index)


def test_a_deliberate_save_keeps_even_a_title_alone(editor, news_index):
    page = autosave_new(editor, news_index, "Chỉ có tiêu đề")
    response = editor.post(
        edit_url(page), {**UNTOUCHED, "title": "Chỉ có tiêu đề", "slug": page.slug}
    )
    assert response.status_code == 302
    assert not AutosavedDraft.objects.filter(page=page).exists()
    assert "Chỉ có tiêu đề" in explorer_titles(editor, news_index)
    abandon()
    assert purge_abandoned_drafts() == 0


def test_a_page_created_by_the_save_button_is_never_tracked(editor, news_index):
    response = editor.post(add_url(news_index), {**UNTOUCHED, "title": "Lưu bằng nút"})
    assert response.status_code == 302
    assert AutosavedDraft.objects.count() == 0


def test_publishing_or_submitting_makes_it_an_ordinary_page(client, editor, news_index, staff_user):
    published = autosave_new(editor, news_index, "Đăng ngay")
    published.lead = "Sapo."
    published.save_revision().publish()
    assert not AutosavedDraft.objects.filter(page=published).exists()

    ensure_roles()
    client.force_login(staff_user("phongvien", REPORTERS))
    submitted = autosave_new(client, news_index, "Gửi duyệt")
    assert AutosavedDraft.objects.filter(page=submitted).exists()
    response = client.post(
        edit_url(submitted),
        {
            **UNTOUCHED,
            "title": "Gửi duyệt",
            "slug": submitted.slug,
            "action-submit": "submit",
        }
        | {"lead": "Sapo."},
    )
    assert response.status_code == 302
    assert not AutosavedDraft.objects.filter(page=submitted).exists()
    abandon()
    assert purge_abandoned_drafts() == 0
