"""Ba Na, Xơ Đăng and Gia Rai text (issue 28, item 3): NFC keeps the letters Unicode has no
single code point for, slugs make them ASCII, search finds them with or without marks.

Through the public surface: an editor's admin form, a page made in code, the public search."""

import io
import re
import unicodedata

import pytest
from django.core.management import call_command
from django.urls import reverse

from discovery.search import SearchQuery, highlight
from editorial.slug_widget import vietnamese_formatters
from language.vietnamese import fold, nfc, slugify_vi
from tests.conftest import ARTICLE_ADD_FORM
from tests.language.orthographies import LANGUAGES, MINORITY, SENTENCES, in_both_forms, nfd

O_HORN_BREVE = "\u01a1\u0306"  # ơ̆: no precomposed code point
U_HORN_BREVE = "\u01b0\u0306"  # ư̆


def slug_of(ascii_text):
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def test_the_sample_text_has_the_letters_that_matter():
    everything = "".join(text for _code, text, _ascii in SENTENCES)
    assert O_HORN_BREVE in everything and U_HORN_BREVE in everything
    assert "\u01a0\u0306" in everything and "\u01af\u0306" in everything  # capitals
    assert set("ĕĭŏŭĔĬŎŬ") <= set(everything)
    assert {"bdq", "sed", "jra"} <= set(LANGUAGES)
    for _code, text, ascii_text in SENTENCES:
        assert unicodedata.is_normalized("NFC", text)
        assert nfd(text) != text  # the NFD variant is a different string
        assert ascii_text.isascii()


@pytest.mark.parametrize("code, form, typed, text, ascii_text", in_both_forms())
def test_nfc_fold_and_slug(code, form, typed, text, ascii_text):
    assert nfc(typed) == text
    assert fold(typed) == ascii_text.casefold()
    assert slugify_vi(typed) == slug_of(ascii_text)


def test_nfc_keeps_the_breve_beside_the_horn():
    assert nfc(nfd("ơ̆ư̆Ơ̆Ư̆")) == "\u01a1\u0306\u01b0\u0306\u01a0\u0306\u01af\u0306"
    assert nfc("o\u0306") == "\u014f"  # ŏ has its own code point


@pytest.mark.parametrize("code, form, typed, text, ascii_text", in_both_forms())
def test_a_query_keeps_each_word_whole(code, form, typed, text, ascii_text):
    """The combining breve is part of the word, not a separator ("hơ̆m" is one term)."""
    query = SearchQuery.parse(typed)
    assert query.folded_terms == re.findall(r"\w+", ascii_text.casefold())
    assert len(query.accent_terms) == len(query.folded_terms)


@pytest.mark.parametrize("code, form, typed, text, ascii_text", in_both_forms(MINORITY))
def test_highlight_marks_whole_letters(code, form, typed, text, ascii_text):
    words = text.rstrip(".").split()
    for query in (ascii_text.rstrip(".").split()[-1], nfd(words[-1]), words[-1]):
        snippet = str(highlight(text, SearchQuery.parse(query)))
        assert f"<mark>{words[-1]}</mark>" in snippet, (query, snippet)


@pytest.mark.parametrize("code, form, typed, text, ascii_text", in_both_forms())
def test_the_admins_slug_formatters_fold_every_letter(code, form, typed, text, ascii_text):
    """The formatters the browser applies before Wagtail's own table (editorial.slug_widget):
    the same regular expressions in Python (they are written to mean the same in both)."""
    value = typed
    for pattern, replacement in vietnamese_formatters():
        value = re.sub(pattern, replacement, value)
    assert value.isascii(), value
    assert slug_of(value) == slug_of(ascii_text)


# --- through the site ----------------------------------------------------------------------


@pytest.fixture
def editor(client, staff_user, news_index):
    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user("bientap", "Biên tập viên"))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("code, text, ascii_text", MINORITY)
def test_an_editor_types_a_title_in_nfd_and_it_is_kept_in_nfc(
    editor, news_index, code, text, ascii_text
):
    from news.models import ArticlePage

    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_index.pk))
    response = editor.post(
        url,
        {
            **ARTICLE_ADD_FORM,
            "title": nfd(text),
            "lead": nfd(text),
            "slug": "",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    story = ArticlePage.objects.get()
    assert story.live
    assert story.title == text and story.lead == text
    if O_HORN_BREVE in text:
        assert O_HORN_BREVE in story.title  # the breve stays, beside the horn letter
    assert story.slug == slug_of(ascii_text)
    page = editor.get(story.url)
    assert page.status_code == 200
    assert text in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code, text, ascii_text", SENTENCES)
def test_a_page_made_in_code_gets_an_ascii_slug(make_story, code, text, ascii_text):
    story = make_story(title=nfd(text))
    assert story.title == text
    assert story.slug == slug_of(ascii_text)


@pytest.mark.django_db
@pytest.mark.parametrize("code, text, ascii_text", MINORITY)
def test_the_public_search_finds_a_story_with_or_without_its_marks(
    client, make_story, code, text, ascii_text
):
    story = make_story(title=text, lead="Sapo.")
    other = make_story(title="Đại hội Thi đua yêu nước", lead="Sapo.")
    words = text.rstrip(".").split()
    ascii_words = ascii_text.rstrip(".").split()
    queries = [
        ascii_text,  # no marks at all
        " ".join(ascii_words[:2]).upper(),
        text,  # as written (NFC)
        nfd(text),  # typed on a Mac or with Unikey's "Unicode tổ hợp"
        nfd(" ".join(words[:2])),
    ]
    for query in queries:
        response = client.get(reverse("site_search"), {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert story.url in html, query
        assert other.url not in html, query
    # the start of a word, without its marks or with them (NFD)
    longest = max(range(len(words)), key=lambda n: len(ascii_words[n]))
    for prefix in (ascii_words[longest][:-1], nfd(words[longest])[:-1]):
        html = client.get(reverse("site_search"), {"q": prefix}).content.decode()
        assert story.url in html, prefix
    html = client.get(reverse("site_search"), {"q": ascii_words[0]}).content.decode()
    assert f"<mark>{words[0]}</mark>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("code, text, ascii_text", MINORITY)
def test_the_admin_page_search_finds_it_with_or_without_marks(
    editor, make_story, code, text, ascii_text
):
    story = make_story(title=text)
    make_story(title="Đại hội Thi đua yêu nước")
    for query in (ascii_text, text, nfd(text)):
        html = editor.get(reverse("wagtailadmin_pages:search"), {"q": query}).content.decode()
        assert story.title in html, query
        assert "Đại hội Thi đua yêu nước" not in html, query


@pytest.mark.django_db
def test_a_tag_typed_in_nfd_is_kept_in_nfc_with_an_ascii_slug(client, make_story):
    from news.models import NewsTag

    code, text, ascii_text = MINORITY[0]
    name = " ".join(text.rstrip(".").split()[:2])  # "Kơ̆ ŏk"
    story = make_story(title="Tin có thẻ", tags=[nfd(name)])
    tag = NewsTag.objects.get()
    assert tag.name == name
    assert tag.slug == slug_of(" ".join(ascii_text.split()[:2]))
    response = client.get(story.get_parent().url + f"chu-de/{tag.slug}/")
    assert response.status_code == 200
    assert name in response.content.decode()
