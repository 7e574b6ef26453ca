"""Programmes in Ba Na, Xơ Đăng and Gia Rai (issue 28, items 3 and 4): the podcast feed says
the programme's language, the episode page marks its text with it, and what an editor types
in NFD is stored in NFC (the breve of `ơ̆` kept beside its horn letter)."""

import io
import re

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.language.orthographies import LANGUAGES, nfd
from tests.programmes.conftest import FILES

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, staff_user, home_page):
    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user("bientap", "Biên tập viên"))
    return client


@pytest.mark.parametrize("code", ["bdq", "sed", "jra"])
def test_the_podcast_feed_and_the_episode_page_speak_the_programme_s_language(
    client, programme, make_episode, code
):
    sentences = [s["text"] for s in LANGUAGES[code]["sentences"]]
    programme.language = code
    programme.description = sentences[0]
    programme.save_revision().publish()
    episode = make_episode(nfd(sentences[1]), summary=nfd(sentences[0]))
    assert episode.title == sentences[1]  # stored in NFC

    feed = feedparser.parse(client.get(programme.url + "podcast/").content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == code  # RSS 2.0 <language>
    assert feed.feed.subtitle == sentences[0]
    assert [entry.title for entry in feed.entries] == [sentences[1]]

    html = client.get(episode.url).content.decode()
    assert re.search(r'<html[^>]* lang="vi"', html)  # the interface stays Vietnamese
    title = f'<h1 id="episode-title" class="article__title" lang="{code}">{sentences[1]}</h1>'
    assert title in html
    assert f'<p class="article__lead" lang="{code}">{sentences[0]}</p>' in html
    listing = client.get(programme.url).content.decode()
    assert f'<h1 lang="{code}">' in listing
    assert f'lang="{code}">{sentences[1]}</a>' in listing


def test_an_editor_s_nfd_media_title_is_stored_in_nfc(editor, root_collection):
    """The station's audio and video (avmedia) are saved in NFC like pages and snippets."""
    from avmedia.models import MediaItem

    title = LANGUAGES["bdq"]["sentences"][0]["text"]
    response = editor.post(
        reverse("wagtailmedia:add", args=("audio",)),
        {
            "title": nfd(title),
            "file": SimpleUploadedFile(
                "tin.mp3", (FILES / "nong-thon-moi.mp3").read_bytes(), "audio/mpeg"
            ),
            "captions_language": "vi",
            "duration": "0",
            "collection": str(root_collection.pk),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    item = MediaItem.objects.get()
    assert item.title == title
    assert "\u01a1\u0306" in item.title  # ơ̆: the breve beside the horn letter, two code points

    edit_url = reverse("wagtailmedia:edit", args=(item.pk,))
    response = editor.post(
        edit_url,
        {
            "title": nfd(title),
            "transcript": nfd(title),
            "captions_language": "vi",
            "duration": "0",
            "collection": str(root_collection.pk),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    item.refresh_from_db()
    assert item.title == title and item.transcript == title
