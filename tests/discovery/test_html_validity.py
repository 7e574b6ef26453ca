"""Every public page type is valid HTML5 to the W3C Nu HTML Checker, in Vietnamese and with the
English interface; with the English interface the Vietnamese content still says it is Vietnamese
(lang="vi" on its container: a screen reader reads it with a Vietnamese voice).

The pages: the demo site, plus a story written by a reporter and approved by an editor in the
admin (video and audio of the station, a table, a quote, a correction) with readers' comments
approved by a moderator and a staff reply. The checker (vnu.jar, pinned in tests/js, `npm ci` in
.ci/run) runs once over all the pages: one JVM start. Without java or the jar the test is
skipped with the reason.
"""

import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parents[1] / "js/node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = shutil.which("java")
MEDIA_FILES = Path(__file__).resolve().parents[2] / "programmes" / "demo_media"


@pytest.fixture
def make_media(db):
    """A station video or audio with Vietnamese captions, from the demo's tiny files."""
    from django.core.files import File

    from avmedia.models import MediaItem

    def make(kind, title):
        name = "thoi-su-kon-tum.mp4" if kind == "video" else "nong-thon-moi.mp3"
        item = MediaItem(title=title, type=kind)
        with open(MEDIA_FILES / name, "rb") as data:
            item.file.save(name, File(data), save=False)
        vtt = name.rsplit(".", 1)[0] + ".vi.vtt"
        with open(MEDIA_FILES / vtt, "rb") as captions:
            item.captions.save(vtt, File(captions), save=False)
        item.save()
        return item

    return make


@pytest.fixture
def site_pages(client, staff_user, make_media):
    """Name -> address of one page of every public page type."""
    from django.core.management import call_command

    from base.models import ContentPage
    from campaigns.models import CampaignIndexPage, CampaignPage, ConferencePage
    from exemplars.models import ExemplarIndexPage, ExemplarPage
    from news.models import NewsIndexPage, NewsTag, Reporter, SectionPage
    from programmes.models import EpisodePage, ProgrammeIndexPage, ProgrammePage

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    story = story_through_the_admin(client, staff_user, make_media)
    comments_through_the_public_form_and_the_moderator(client, staff_user, story)
    news = NewsIndexPage.objects.live().first()
    return {
        "home": "/",
        "news index": news.url,
        "news index, page 2": f"{news.url}?page=2",
        "section": SectionPage.objects.live().first().url,
        "story with video, audio, correction and comments": story.url,
        "tag page": f"{news.url}chu-de/{NewsTag.objects.public().first().slug}/",
        "reporter page": f"{news.url}phong-vien/{Reporter.objects.first().slug}/",
        "exemplar directory": ExemplarIndexPage.objects.live().first().url,
        "exemplar profile": ExemplarPage.objects.live().first().url,
        "campaign index": CampaignIndexPage.objects.live().first().url,
        "campaign": CampaignPage.objects.live().first().url,
        "conference": ConferencePage.objects.live().first().url,
        "programme index": ProgrammeIndexPage.objects.live().first().url,
        "programme": ProgrammePage.objects.live().first().url,
        "episode": EpisodePage.objects.live().first().url,
        "search": "/tim-kiem/?q=dai+hoi+thi+dua",
        "content page": ContentPage.objects.live().first().url,
        "not found": "/khong-co-trang-nay/",
    }


@pytest.fixture
def edition_pages(site_pages, translate):
    """Name -> address of the demo's English edition's pages: its home, a translated story
    (the admin-made one), a programme, its search and its not-found page."""
    from django.utils import timezone

    from news.models import ArticleNote, ArticlePage
    from programmes.models import ProgrammePage

    story = ArticlePage.objects.get(title="Đăk Hà tuyên dương 40 điển hình tiên tiến")
    correction = "Corrected the number of collectives honoured."
    english = translate(
        story,
        "en",
        title="Dak Ha honours 40 outstanding examples",
        lead="Dak Ha district honours people who set good examples.",
        body=[("paragraph", rich_text("<p>This morning Dak Ha held its honouring day.</p>"))],
        notes=[ArticleNote(kind="correction", date=timezone.now(), text=correction)],
    )
    return {
        "home": "/en/",
        "story with video, audio, correction and comments": english.url,
        "programme": ProgrammePage.objects.get(locale__language_code="en").url,
        "search": "/en/tim-kiem/?q=dak+ha",
        "not found": "/en/no-such-page/",
    }


@pytest.fixture
def ba_na_pages(site_pages):
    """The demo's Ba Na edition: its home, a story and its programme."""
    from news.models import ArticlePage
    from programmes.models import ProgrammePage

    return {
        "home": "/bdq/",
        "story": ArticlePage.objects.filter(locale__language_code="bdq").first().url,
        "programme": ProgrammePage.objects.get(locale__language_code="bdq").url,
    }


def story_through_the_admin(client, staff_user, make_media):
    """A reporter writes and submits; an editor adds a correction and publishes."""
    from editorial.roles import EDITORS, REPORTERS
    from news.models import ArticlePage, NewsIndexPage, Reporter

    news = NewsIndexPage.objects.live().first()
    video = make_media("video", title="Lễ tuyên dương điển hình tiên tiến")
    audio = make_media("audio", title="Phóng sự: nông thôn mới ở Đăk Hà")
    body = [
        ("paragraph", rich_text("<p>Sáng nay, huyện Đăk Hà tổ chức hội nghị tuyên dương.</p>")),
        ("heading", "Những tấm gương bình dị"),
        ("station_video", {"media": video.pk, "caption": "Toàn cảnh hội nghị"}),
        ("quote", {"text": "Thi đua là yêu nước.", "attribution": "Chủ tịch Hồ Chí Minh"}),
        ("station_audio", {"media": audio.pk, "caption": "Phóng sự phát thanh"}),
        ("paragraph", rich_text("<p>Hội nghị khen thưởng 40 tập thể và cá nhân.</p>")),
    ]
    data = nested_form_data(
        {
            "title": "Đăk Hà tuyên dương 40 điển hình tiên tiến",
            "slug": "",
            "kind": "tin",
            "lead": "Huyện Đăk Hà biểu dương những tấm gương người tốt, việc tốt.",
            "body": streamfield(body),
            "bylines": inline_formset([{"reporter": Reporter.objects.first().pk}]),
            "related_links": inline_formset([]),
            "exemplar_links": inline_formset([]),
            "notes": inline_formset([]),
            "tags": "Thi đua yêu nước",
            "comments_enabled": "on",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news.pk))
    client.force_login(staff_user("phongvien-html", REPORTERS))
    response = client.post(add, data | {"action-submit": "submit"})
    assert response.status_code == 302, form_errors(response)
    story = ArticlePage.objects.get(title="Đăk Hà tuyên dương 40 điển hình tiên tiến")

    from tests.conftest import admin_form_data

    client.force_login(staff_user("bientap-html", EDITORS))
    edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    # The body is drawn by JavaScript in the browser: it goes back as the reporter sent it.
    form = {k: v for k, v in admin_form_data(client, edit).items() if not k.startswith("body")}
    form |= {k: v for k, v in data.items() if k.startswith("body")}
    form |= {
        "comments_enabled": "on",
        "notes-TOTAL_FORMS": "1",
        "notes-0-kind": "correction",
        "notes-0-date": "2026-12-04 09:15",
        "notes-0-text": "Sửa lại số tập thể được khen thưởng.",
        "notes-0-ORDER": "1",
        "notes-0-id": "",
        "notes-0-DELETE": "",
    }
    response = client.post(edit, form | {"action-publish": "action-publish"})
    assert response.status_code == 302, form_errors(response)
    story.refresh_from_db()
    assert story.live and story.notes.count() == 1 and story.comments_enabled
    client.logout()
    return story


def form_errors(response):
    form = response.context and response.context.get("form")
    if form is not None:
        return [form.errors.as_text(), form.non_field_errors()] + [
            (name, formset.errors, formset.non_form_errors())
            for name, formset in getattr(form, "formsets", {}).items()
        ]
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.select(".error-message, .help-critical, .w-field__errors, [role=alert]")
    texts = (re.sub(r"\s+", " ", error.get_text(" ")).strip() for error in found)
    return [text for text in texts if text]


def comments_through_the_public_form_and_the_moderator(client, staff_user, story):
    from wagtail.models import Site

    from comments.forms import make_token
    from comments.models import Comment, CommentSettings
    from comments.roles import MODERATORS

    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.flood_seconds = 0  # two readers of one newsroom office network, a minute apart
    rules.save()
    for number, name in enumerate(("Y Hoa", "A Thiên"), start=1):
        response = client.post(
            reverse("comments:post", args=[story.pk]),
            {
                "name": name,
                "email": f"ban-doc-{number}@example.invalid",
                "body": f"Xin chúc mừng các điển hình tiên tiến ({number}).",
                "token": make_token(story.pk, now=time.time() - 60),
                "website": "",
            },
            REMOTE_ADDR=f"203.0.113.{number}",
            HTTP_USER_AGENT="pytest",
        )
        assert response.status_code in (200, 302), response.content.decode()[:1000]
    client.force_login(staff_user("kiemduyet-html", MODERATORS))
    pending = list(Comment.objects.filter(page=story).values_list("pk", flat=True))
    assert len(pending) == 2
    response = client.post(
        reverse("wagtailsnippets_comments_comment:moderate_many"),
        {"action": "approve", "id": pending},
    )
    assert response.json()["changed"] == 2
    response = client.post(
        reverse("wagtailsnippets_comments_comment:reply", args=[pending[0]]),
        {"body": "Cảm ơn bạn, tòa soạn sẽ chuyển lời chúc mừng."},
    )
    assert response.status_code == 302
    client.logout()


def fetch_all(client, editions):
    """(page name, language) -> HTML, for {language: {page name: address}}."""
    pages = {}
    for language, addresses in editions.items():
        for name, url in addresses.items():
            response = client.get(url)
            expected = 404 if name == "not found" else 200
            assert response.status_code == expected, (name, language, response.status_code)
            pages[name, language] = response.content.decode()
    return pages


def checker_errors(pages, directory):
    """Runs vnu.jar once over every page; returns {(page name, language): [messages]}."""
    files = {}
    for number, (key, html) in enumerate(pages.items()):
        path = directory / f"page-{number:03d}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path.resolve())] = key
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = {}
    for message in report["messages"]:
        path = unquote(urlparse(message.get("url", "")).path)
        key = files.get(path, (message.get("url", "?"), "?"))
        where = f"line {message['lastLine']}: " if message.get("lastLine") else ""
        extract = re.sub(r"\s+", " ", message.get("extract", "")).strip()
        errors.setdefault(key, []).append(f"{where}{message['message']} [{extract}]")
    return errors


# Letters only Vietnamese uses among the site's languages: text with one is Vietnamese.
VIETNAMESE = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I
)


def vietnamese_outside_vietnamese(html):
    """Texts in the body that are Vietnamese but whose nearest lang says otherwise."""
    body = BeautifulSoup(html, "html.parser").body
    wrong = []
    for text in body.find_all(string=VIETNAMESE):
        if text.parent.name in ("script", "style", "template"):
            continue
        if text.find_parent(attrs={"aria-hidden": "true"}):
            continue  # no screen reader reads it
        holder = text.find_parent(attrs={"lang": True})
        language = holder["lang"] if holder else None
        if language != "vi":
            wrong.append(f"<{text.parent.name}> in lang={language!r}: {text.strip()[:60]}")
    return wrong


def test_every_public_page_type_is_valid_html_and_marks_its_vietnamese(
    client, site_pages, edition_pages, ba_na_pages, tmp_path
):
    editions = {"vi": site_pages, "en": edition_pages, "bdq": ba_na_pages}
    pages = fetch_all(client, editions)
    assert len(pages) == sum(map(len, editions.values()))

    unmarked = {}
    for name in edition_pages:
        assert '<html lang="en">' in pages[name, "en"]
        wrong = vietnamese_outside_vietnamese(pages[name, "en"])
        if wrong:
            unmarked[name] = wrong
    for name, wrong in unmarked.items():
        print(f"\n{name} ({edition_pages[name]}): {len(wrong)} Vietnamese texts not marked lang=vi")
        for line in wrong[:40]:
            print(f"  {line}")

    if not (JAVA and VNU.exists()):
        assert unmarked == {}, "Vietnamese content under the English interface without lang=vi"
        pytest.skip(
            "The Nu HTML Checker needs java (Debian's default-jre-headless) and vnu.jar "
            "(cd tests/js && npm ci): only the language marks were checked"
        )
    errors = checker_errors(pages, tmp_path)  # one JVM start for every page
    total = sum(map(len, errors.values()))
    print(f"\nNu HTML Checker: {total} errors in {len(errors)} of {len(pages)} pages")
    for (name, language), messages in sorted(errors.items(), key=str):
        where = editions[language].get(name)
        print(f"\n{name} ({language}, {where}): {len(messages)} errors")
        for message in messages:
            print(f"  {message}")
    assert (unmarked, errors) == ({}, {})
