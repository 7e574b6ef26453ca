"""Translators and the editions' desks (issue 28, item 2): a translator makes a story's Ba Na
version with the Translate action, edits and submits it; the Ba Na desk approves and
publishes; the translator never publishes nor edits a Vietnamese story; a reporter cannot
translate; an edition's desk and workflow appear with its home."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, Workflow, WorkflowState

from editorial.roles import EDITORS, REPORTERS
from editorial.translators import TRANSLATORS, desk_name
from tests.conftest import admin_form_data, setup_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def ba_na(make_story, news_index, make_edition, translate):
    """A Vietnamese story; the Ba Na edition with its news section; the roles."""
    story = make_story(title="Lễ hội cồng chiêng ở Kon Plông")
    make_edition("bdq", "Kon Tum Online")
    translate(news_index, "bdq", title="Tơdrong")
    setup_roles()
    return story


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def refused(response):
    """Wagtail answers a refused admin screen with a redirect to the dashboard (and a
    message), or a 403."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def translate_url(page):
    return reverse("simple_translation:submit_page_translation", args=(page.pk,))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def without_body(data):
    """The form as sent back, its body (a StreamField the browser's script writes) empty."""
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    return {**data, "body-count": "0"}


def locale(code):
    return Locale.objects.get(language_code=code)


def test_a_translator_translates_a_story_and_the_ba_na_desk_publishes_it(client, ba_na, staff_user):
    story = ba_na
    translator = as_user(client, staff_user("bientap", TRANSLATORS))
    screen = translator.get(translate_url(story))
    assert screen.status_code == 200
    response = translator.post(translate_url(story), {"locales": [locale("bdq").pk]})
    version = Page.objects.get(translation_key=story.translation_key, locale=locale("bdq"))
    assert response.status_code == 302 and response["Location"] == edit_url(version)
    assert not version.live

    # The translator writes the Ba Na title; publishing is not theirs.
    data = without_body(admin_form_data(translator, edit_url(version)))
    data.update(title="Yă cing chêng tơ Kon Plông", slug=version.slug)
    translator.post(edit_url(version), {**data, "action-publish": "publish"})
    assert not Page.objects.get(pk=version.pk).live
    response = translator.post(edit_url(version), {**data, "action-submit": "submit"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(version.pk), status="in_progress")
    assert state.current_task_state.task.name == "Ban biên tập tiếng Ba Na duyệt"
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(version.pk, "approve", state.current_task_state.pk),
    )
    translator.post(approve, {})
    assert not Page.objects.get(pk=version.pk).live

    # The Ba Na desk sees the task on its dashboard and approves: published under /bdq/.
    desk = as_user(client, staff_user("banabdq", desk_name("bdq")))
    assert "Yă cing chêng tơ Kon Plông" in desk.get(reverse("wagtailadmin_home")).content.decode()
    desk.post(approve, {"comment": ""})
    version = Page.objects.get(pk=version.pk)
    assert version.live and version.title == "Yă cing chêng tơ Kon Plông"
    assert version.url.startswith("/bdq/")
    assert client.get(version.url).status_code == 200


def test_a_translator_cannot_edit_a_vietnamese_story_nor_translate_into_another_edition(
    client, ba_na, staff_user, make_edition, make_story
):
    story = ba_na
    make_edition("en", "Kon Tum Online")  # no English news section: nothing to put it under
    translator = as_user(client, staff_user("bientap", TRANSLATORS))
    assert refused(translator.get(edit_url(story)))
    response = translator.post(translate_url(story), {"locales": [locale("en").pk]})
    assert refused(response) or response.status_code == 200
    assert not Page.objects.filter(
        translation_key=story.translation_key, locale=locale("en")
    ).exists()
    # Nor a story still in draft: it is its desk's.
    draft = make_story(title="Bản nháp của phóng viên", publish=False)
    assert refused(translator.get(translate_url(draft)))
    # Nor the Vietnamese home: an edition's home is the editors' to make.
    home = Page.objects.get(depth=2, locale=locale("vi"))
    assert refused(translator.get(translate_url(home)))


def test_a_reporter_cannot_translate(client, ba_na, staff_user):
    reporter = as_user(client, staff_user("phongvien", REPORTERS))
    assert refused(reporter.get(translate_url(ba_na)))
    reporter.post(translate_url(ba_na), {"locales": [locale("bdq").pk]})
    assert not Page.objects.filter(
        translation_key=ba_na.translation_key, locale=locale("bdq")
    ).exists()


def test_an_editor_makes_an_edition_and_its_desk_and_workflow_come_with_it(
    client, home_page, staff_user
):
    setup_roles()
    editor = as_user(client, staff_user("bientapvien", EDITORS))
    response = editor.post(translate_url(home_page), {"locales": [locale("sed").pk]})
    home = Page.objects.get(translation_key=home_page.translation_key, locale=locale("sed"))
    assert response.status_code == 302 and response["Location"] == edit_url(home)
    assert Group.objects.filter(name="Ban biên tập tiếng Xơ Đăng").exists()
    assert home.get_workflow().name == "Duyệt bản tiếng Xơ Đăng"
    # The editor who made it edits and publishes it: the edition exists.
    data = admin_form_data(editor, edit_url(home))
    editor.post(edit_url(home), {**data, "action-publish": "publish"})
    assert Page.objects.get(pk=home.pk).live
    assert client.get("/sed/").status_code == 200


def test_roles_find_existing_editions_and_are_idempotent(home_page, make_edition):
    make_edition("en", "Kon Tum Online")
    make_edition("bdq", "Kon Tum Online")
    for _time in range(2):
        call_command("setup_roles", stdout=io.StringIO())
    for name in (TRANSLATORS, "Ban biên tập tiếng Anh", "Ban biên tập tiếng Ba Na"):
        assert Group.objects.filter(name=name).count() == 1
    assert Workflow.objects.filter(name="Duyệt bản tiếng Anh").count() == 1
    english = Page.objects.get(depth=2, locale=locale("en"))
    assert english.get_workflow().name == "Duyệt bản tiếng Anh"
    # The Vietnamese sites keep their own workflows.
    assert home_page.get_workflow() is None or home_page.get_workflow().name != (
        "Duyệt bản tiếng Anh"
    )


def test_a_translator_reaches_the_translate_screen_from_the_story(client, ba_na, staff_user):
    story = ba_na
    translator = as_user(client, staff_user("bientap", TRANSLATORS))
    html = translator.get(story.url).content.decode()
    assert f'href="//testserver{translate_url(story)}"' in html  # its user bar
    reporter = as_user(client, staff_user("phongvien", REPORTERS))
    assert translate_url(story) not in reporter.get(story.url).content.decode()
