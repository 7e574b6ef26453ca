"""Tags as people type them (issue 22, item 4): in the story editor, with suggestions open,
Enter, comma and Tab add the typed tag; the field's help is one true Vietnamese line."""

import io

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reporter(news_index, staff_user, make_story):
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    staff_user("phongvien", "Phóng viên")
    make_story(title="Đại hội thi đua", tags=["thi đua yêu nước", "thi đua điển hình"])
    return news_index


def test_enter_comma_and_tab_add_the_tag_while_suggestions_show(sign_in_as, live_server, reporter):
    page = sign_in_as("phongvien")
    page.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("news", "articlepage", reporter.pk))
    )
    typed = page.locator("ul.tagit input.ui-autocomplete-input")
    typed.scroll_into_view_if_needed()
    for text, key in (("thi đua", "Enter"), ("thi", ","), ("đua", "Tab")):
        typed.click()
        typed.press_sequentially(text, delay=40)
        page.locator("ul.ui-autocomplete:visible li").first.wait_for()
        typed.press(key)
        chip = page.locator("ul.tagit li.tagit-choice", has_text=text)
        chip.first.wait_for(timeout=3000)
    chips = page.locator("ul.tagit li.tagit-choice .tagit-label").all_inner_texts()
    assert [chip.strip('"') for chip in chips] == ["thi đua", "thi", "đua"]  # quoted: 2 words

    field = page.locator("[data-field-wrapper]", has=page.locator("ul.tagit"))
    help_text = " ".join(field.locator(".help, .w-field__help").all_inner_texts())
    assert "Enter, dấu phẩy hoặc Tab" in help_text
    assert "comma-separated" not in help_text and '"' not in help_text
