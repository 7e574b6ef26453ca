"""Each staff role's everyday work and its limits, over HTTP, signed in as that role.

Newsroom roles upload, find and choose audio and video; a reporter has a byline of their own
and adds colleagues'; readers' addresses, comments and outbox mail stay with moderators and
administrators on every screen and chooser; the page chooser shows only what one may edit or
what is live.
"""

import io
from pathlib import Path

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.snapshots import replay

pytestmark = pytest.mark.django_db

MEDIA_FILES = Path(__file__).resolve().parents[2] / "programmes" / "demo_media"
NEWSROOM = {
    "phongvien": "Phóng viên",
    "truongban": "Trưởng ban Thời sự",
    "bientap": "Biên tập viên",
    "tongbientap": "Tổng biên tập",
}
OTHER_STAFF = {"kiemduyet": "Kiểm duyệt viên", "hoso": "Biên tập hồ sơ"}


@pytest.fixture
def section(news_index):
    from news.models import SectionPage

    def build():
        section = news_index.add_child(instance=SectionPage(title="Thời sự"))
        section.save_revision().publish()
        return section

    return replay("role_boundaries.section", build)


@pytest.fixture
def people(section, staff_user):
    from wagtail.models import Collection

    def build():
        Collection.get_first_root_node() or Collection.add_root(name="Root")
        call_command("setup_roles", stdout=io.StringIO())
        staff = {**NEWSROOM, **OTHER_STAFF}
        return {name: staff_user(name, group) for name, group in staff.items()}

    return replay("role_boundaries.people", build)


@pytest.fixture
def station_video(people):
    from avmedia.models import MediaItem

    video = MediaItem(title="Bản tin Kon Tum 19 giờ", type="video")
    with open(MEDIA_FILES / "thoi-su-kon-tum.mp4", "rb") as data:
        video.file.save("thoi-su-kon-tum.mp4", File(data), save=False)
    video.save()  # uploaded by nobody in particular: the station's archive
    return video


@pytest.mark.parametrize("username", NEWSROOM)
def test_newsroom_roles_find_and_choose_the_station_videos(client, people, station_video, username):
    client.force_login(people[username])
    assert client.get(reverse("wagtailmedia:index")).status_code == 200  # the library
    chooser = client.get(reverse("wagtailmedia:chooser_typed", args=("video",)))
    assert chooser.status_code == 200
    html = chooser.json()["html"]
    assert station_video.title in html
    assert "tab-label-upload-video" in html  # upload on offer
    found = client.get(reverse("wagtailmedia:chooser_typed", args=("video",)), {"q": "Bản tin"})
    assert station_video.title in found.content.decode()
    chosen = client.get(reverse("wagtailmedia:media_chosen", args=(station_video.pk,)))
    assert chosen.json()["result"]["id"] == station_video.pk


@pytest.mark.parametrize("username", ["bientap", "tongbientap"])
def test_editors_keep_the_station_library(client, people, station_video, username):
    client.force_login(people[username])
    assert station_video.title in client.get(reverse("wagtailmedia:index")).content.decode()
    edit = client.get(reverse("wagtailmedia:edit", args=(station_video.pk,)))
    assert edit.status_code == 200


@pytest.mark.parametrize("username", ["phongvien", "truongban"])
def test_reporters_cannot_delete_the_station_videos(client, people, station_video, username):
    from avmedia.models import MediaItem

    client.force_login(people[username])
    response = client.post(reverse("wagtailmedia:delete", args=(station_video.pk,)))
    assert response.status_code in (302, 403)
    assert MediaItem.objects.filter(pk=station_video.pk).exists()
    edit = client.get(reverse("wagtailmedia:edit", args=(station_video.pk,)))
    assert edit.status_code in (302, 403)


@pytest.mark.parametrize("username", NEWSROOM)
def test_newsroom_roles_upload_video_from_the_chooser(client, people, username):
    from wagtail.models import Collection

    from avmedia.models import MediaItem

    client.force_login(people[username])
    with open(MEDIA_FILES / "thoi-su-kon-tum.mp4", "rb") as data:
        upload = SimpleUploadedFile("phong-su.mp4", data.read(), content_type="video/mp4")
    response = client.post(
        reverse("wagtailmedia:chooser_upload", args=("video",)),
        {
            "media-chooser-upload-title": f"Phóng sự của {username}",
            "media-chooser-upload-file": upload,
            "media-chooser-upload-collection": Collection.get_first_root_node().pk,
            "media-chooser-upload-captions_language": "vi",
            "media-chooser-upload-tags": "",
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "media_chosen", response.json()
    video = MediaItem.objects.get(title=f"Phóng sự của {username}")
    assert (video.type, video.uploaded_by_user) == ("video", people[username])


def test_moderators_get_no_media(client, people, station_video):
    client.force_login(people["kiemduyet"])
    assert client.get(reverse("wagtailmedia:index")).status_code == 302
    chosen = client.get(reverse("wagtailmedia:media_chosen", args=(station_video.pk,)))
    assert chosen.status_code in (302, 403)
    chooser = client.get(reverse("wagtailmedia:chooser_typed", args=("video",)))
    assert station_video.title not in chooser.content.decode()


def test_a_reporter_has_a_byline_of_their_own(client, people, staff_user):
    from news.models import Reporter

    call_command("setup_roles", stdout=io.StringIO())  # for the reporters already there
    mine = Reporter.objects.get(user=people["phongvien"])
    assert mine.name == "phongvien"
    call_command("setup_roles", stdout=io.StringIO())  # idempotent: still one
    assert Reporter.objects.filter(user=people["phongvien"]).count() == 1

    newcomer = staff_user("nghiaha", "Phóng viên")
    newcomer.first_name, newcomer.last_name = "Nghĩa", "Hà"
    newcomer.save()
    assert not Reporter.objects.filter(user=newcomer).exists()
    assert client.login(username="nghiaha", password="pw")  # first sign-in makes it
    assert Reporter.objects.get(user=newcomer).name == "Nghĩa Hà"
    assert not Reporter.objects.filter(user=people["kiemduyet"]).exists()


def test_a_reporter_picks_their_byline_and_adds_a_colleagues(client, people):
    from news.models import Reporter

    client.force_login(people["phongvien"])
    chooser = client.get(reverse("wagtailsnippetchoosers_news_reporter:choose"))
    assert "phongvien" in chooser.json()["html"]
    created = client.post(
        reverse("wagtailsnippetchoosers_news_reporter:create"),
        {"name": "Đức Thắng", "role": "Phóng viên"},
    )
    assert created.json()["step"] == "chosen"
    colleague = Reporter.objects.get(name="Đức Thắng")
    assert colleague.user is None and colleague.slug == "duc-thang"


def test_a_reporter_cannot_tie_a_byline_to_an_account(client, people):
    from news.models import Reporter

    client.force_login(people["phongvien"])
    form = client.get(reverse("wagtailsnippets_news_reporter:add")).content.decode()
    assert 'name="user"' not in form
    client.post(
        reverse("wagtailsnippets_news_reporter:add"),
        {"name": "Người lạ", "slug": "", "role": "Phóng viên", "user": people["bientap"].pk},
    )
    assert Reporter.objects.get(name="Người lạ").user is None


def test_the_byline_uses_the_house_format(client, make_story, make_reporter):
    story = make_story(reporters=[make_reporter("Nghĩa Hà"), make_reporter("Đức Thắng")])
    html = client.get(story.url).content.decode()
    assert ">Nghĩa Hà</a> – <a" in html and ">Đức Thắng</a>" in html
    feed = client.get("/rss/").content.decode()
    assert "Nghĩa Hà – Đức Thắng" in feed


# Readers' data: comments (addresses, pending, spam, trash) and the outbox ----------------------


@pytest.fixture
def private_rows(people, make_story):
    from comments.models import Comment, Status
    from outbox.models import OutgoingMail

    story = make_story(title="Tin có bình luận")
    comment = Comment.objects.create(
        page=story,
        status=Status.PENDING,
        author_name="Bạn đọc kín",
        author_email="ban-doc-kin@example.invalid",
        body="Bình luận chờ duyệt",
        depth=1,
    )
    mail = OutgoingMail.objects.create(
        to="ban-doc-kin@example.invalid", subject="Có trả lời", text="Nội dung thư"
    )
    return comment, mail


def private_urls(comment, mail):
    """Every admin URL of the two private models: snippet screens and choosers."""
    from django.urls import get_resolver

    urls = []
    for namespace, obj in (
        ("wagtailsnippets_comments_comment", comment),
        ("wagtailsnippetchoosers_comments_comment", comment),
        ("wagtailsnippets_outbox_outgoingmail", mail),
        ("wagtailsnippetchoosers_outbox_outgoingmail", mail),
    ):
        resolver = get_resolver()
        for name in (
            *("list", "list_results", "inspect", "edit", "history", "usage", "delete"),
            "privacy",
        ):
            urls.append(_url(f"{namespace}:{name}", obj, resolver))
        for name in ("choose", "choose_results", "chosen", "create"):
            urls.append(_url(f"{namespace}:{name}", obj, resolver))
    return [url for url in urls if url]


def _url(name, obj, resolver):
    from django.urls import NoReverseMatch

    for args in ((), (obj.pk,)):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


@pytest.mark.parametrize("username", [*NEWSROOM, "hoso"])
def test_staff_roles_never_see_readers_addresses_or_mail(client, people, private_rows, username):
    comment, mail = private_rows
    client.force_login(people[username])
    urls = private_urls(comment, mail)
    assert len(urls) >= 12
    for url in urls:
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        assert comment.author_email not in body and comment.body not in body, url


def test_moderators_choose_comments_but_not_mail(client, people, private_rows):
    comment, mail = private_rows
    client.force_login(people["kiemduyet"])
    chooser = client.get(reverse("wagtailsnippetchoosers_comments_comment:choose"))
    assert chooser.status_code == 200 and comment.body in chooser.json()["html"]
    mail_chooser = client.get(reverse("wagtailsnippetchoosers_outbox_outgoingmail:choose"))
    assert mail_chooser.status_code in (302, 403)  # the admin sends them to the dashboard
    assert mail.to not in mail_chooser.content.decode()


# The page chooser ------------------------------------------------------------------------------


@pytest.fixture
def drafts(people, section, make_story):
    from wagtail.models import Page

    theirs = make_story(title="Bản nháp của ban khác", publish=False, parent=section)
    mine = make_story(title="Bản nháp của phóng viên", publish=False, parent=section)
    Page.objects.filter(pk=mine.pk).update(owner=people["phongvien"])
    live = make_story(title="Tin đã đăng", parent=section)
    return theirs, mine, live


def chooser_titles(client, section):
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=(section.pk,)))
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Bản nháp"})
    live = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Tin đã đăng"})
    return html_of(browse), html_of(search) + html_of(live)


def html_of(response):
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


@pytest.mark.parametrize(
    "username, sees_theirs, sees_mine",
    [
        ("kiemduyet", False, False),
        ("phongvien", False, True),
        ("truongban", True, True),
        ("bientap", True, True),
    ],
)
def test_the_page_chooser_shows_only_what_one_may_edit_or_what_is_live(
    client, people, section, drafts, username, sees_theirs, sees_mine
):
    theirs, mine, live = drafts
    client.force_login(people[username])
    for html in chooser_titles(client, section):
        assert (theirs.title in html) is sees_theirs, (username, html)
        assert (mine.title in html) is sees_mine, username
        assert live.title in html


DRAFT_RETITLE = "BẢN NHÁP CHƯA DUYỆT: tin sửa tên"


@pytest.fixture
def retitled(people, section, make_story, staff_user):
    """A live story of another reporter, retitled in a draft nobody has approved."""
    from wagtail.models import Page

    owner = staff_user("phongvien_kinhte", NEWSROOM["phongvien"])
    story = make_story(title="Tin đã đăng trên trang", parent=section)
    Page.objects.filter(pk=story.pk).update(owner=owner)
    story.refresh_from_db()
    story.title = DRAFT_RETITLE
    story.save_revision(user=owner)
    people["phongvien_kinhte"] = owner
    return story


def retitled_chooser_html(client, section, story):
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=(section.pk,)))
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Tin đã đăng"})
    chosen = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": story.pk})
    assert chosen.status_code == 200
    chosen_titles = " ".join(item["adminTitle"] for item in chosen.json()["result"])
    return {"browse": html_of(browse), "search": html_of(search), "chosen": chosen_titles}


@pytest.mark.parametrize(
    "username, reads_draft",
    [
        ("kiemduyet", False),
        ("phongvien", False),
        ("phongvien_kinhte", True),
        ("truongban", True),
    ],
)
def test_the_page_chooser_shows_a_draft_title_only_to_who_may_edit_the_page(
    client, people, section, retitled, username, reads_draft
):
    from wagtail.models import Page

    live_title = Page.objects.get(pk=retitled.pk).title
    client.force_login(people[username])
    for where, html in retitled_chooser_html(client, section, retitled).items():
        assert (DRAFT_RETITLE in html) is reads_draft, (username, where)
        assert reads_draft or live_title in html, (username, where)


def test_the_comment_queue_names_its_page_filter_by_the_live_title(client, people, retitled):
    from wagtail.models import Page

    from comments.models import Comment, Status

    Comment.objects.create(
        page=retitled,
        status=Status.PENDING,
        author_name="Bạn đọc",
        author_email="ban-doc@example.invalid",
        body="Bình luận về tin",
        depth=1,
    )
    client.force_login(people["kiemduyet"])
    queue = client.get(reverse("wagtailsnippets_comments_comment:list"), {"page": retitled.pk})
    html = html_of(queue)
    assert "Bình luận về tin" in html
    assert Page.objects.get(pk=retitled.pk).title in html
    assert DRAFT_RETITLE not in html


def test_a_multiple_choice_answers_only_for_pages_the_chooser_shows(client, people, drafts):
    theirs, mine, live = drafts
    client.force_login(people["kiemduyet"])
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    chosen = client.get(url, {"id": [theirs.pk, mine.pk, live.pk]})
    assert [item["id"] for item in chosen.json()["result"]] == [live.pk]
