"""The live blog over HTTP and the admin: a reporter posts, an editor pins and ends, a reader
reads the page, polls its endpoint (304 when nothing changed), reads the feed and JSON-LD."""

import io
import re

import extruct
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.snapshots import replay

pytestmark = pytest.mark.django_db

STAFF = {
    "phongvien": "Phóng viên",
    "bientap": "Biên tập viên",
    "truongban": "Trưởng ban Thời sự",
}


@pytest.fixture
def section(news_index):
    from news.models import SectionPage

    def build():
        section = news_index.add_child(instance=SectionPage(title="Thời sự"))
        section.save_revision().publish()
        return section

    return replay("liveblog.section", build)


@pytest.fixture
def people(section, staff_user):
    from wagtail.models import Collection

    Collection.get_first_root_node() or Collection.add_root(name="Root")
    call_command("setup_roles", stdout=io.StringIO())
    return {name: staff_user(name, group) for name, group in STAFF.items()}


@pytest.fixture
def blog(section):
    from liveblog.models import LiveBlogPage

    page = section.add_child(
        instance=LiveBlogPage(title="Đại hội Thi đua yêu nước tỉnh Kon Tum", intro="Trực tiếp.")
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return buffer.getvalue()


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def post_update(client, blog, text, **extra):
    return client.post(reverse("liveblog_admin:post", args=[blog.pk]), {"text": text, **extra})


def test_a_reporter_posts_from_the_quick_screen_and_the_reader_sees_it_with_its_author(
    client, people, blog
):
    reporter = as_user(people["phongvien"])
    # One running blog: the menu's "Trực tiếp" opens its form at once (tap one).
    opened = reporter.get(reverse("liveblog_admin:index"))
    assert opened.status_code == 302
    form = reporter.get(opened["Location"])
    assert form.status_code == 200
    assert "Đăng" in form.content.decode()
    assert 'name="pinned"' not in form.content.decode()  # pinning is the editors'
    revisions = blog.revisions.count()

    answer = post_update(reporter, blog, "Khai mạc lúc 8 giờ <script>alert(1)</script>")
    assert answer.status_code == 302
    update = blog.updates.get()
    assert update.author == people["phongvien"]
    assert update.reporter is not None and update.reporter.user == people["phongvien"]
    assert blog.revisions.count() == revisions  # no revision, no workflow

    page = client.get(blog.url).content.decode()
    assert f'id="cap-nhat-{update.pk}"' in page
    assert "Khai mạc lúc 8 giờ &lt;script&gt;" in page
    assert "<script>alert(1)</script>" not in page
    assert update.reporter.name in page


def test_a_reporter_posts_a_photo_and_an_empty_update_is_refused_in_vietnamese(people, blog):
    reporter = as_user(people["phongvien"])
    refused = post_update(reporter, blog, "")
    assert refused.status_code == 200
    assert "Hãy viết gì đó hoặc thêm ảnh." in refused.content.decode()
    photo = SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png")
    answer = reporter.post(
        reverse("liveblog_admin:post", args=[blog.pk]), {"text": "", "photo": photo}
    )
    assert answer.status_code == 302
    assert blog.updates.get().image is not None


def station_video(title, collection=None):
    from django.core.files import File
    from wagtail.models import Collection

    from avmedia.models import MediaItem
    from tests.programmes.conftest import FILES

    item = MediaItem(
        title=title, type="video", collection=collection or Collection.get_first_root_node()
    )
    with open(FILES / "thoi-su-kon-tum.mp4", "rb") as data:
        item.file.save("thoi-su-kon-tum.mp4", File(data), save=False)
    item.save()
    return item


def test_a_reporter_posts_one_of_the_station_s_videos(client, people, blog):
    video = station_video("Phóng sự khai mạc đại hội")
    reporter = as_user(people["phongvien"])
    screen = reporter.get(reverse("liveblog_admin:post", args=[blog.pk])).content.decode()
    assert f'<option value="{video.pk}">Phóng sự khai mạc đại hội</option>' in screen
    refused = post_update(reporter, blog, "", video=video.pk + 1000)  # not the station's
    assert refused.status_code == 200 and not blog.updates.exists()
    answer = post_update(reporter, blog, "", video=video.pk)
    assert answer.status_code == 302
    assert blog.updates.get().video == video
    page = client.get(blog.url).content.decode()
    assert '<video class="player__video"' in page and video.url in page


def test_a_reporter_may_not_pin_end_or_change_a_colleagues_update(people, blog):
    editor = as_user(people["bientap"])
    post_update(editor, blog, "Cập nhật của biên tập viên")
    update = blog.updates.get()
    reporter = as_user(people["phongvien"])
    for answer in (
        reporter.post(reverse("liveblog_admin:toggle", args=[update.pk, "pinned"])),
        reporter.post(reverse("liveblog_admin:end", args=[blog.pk])),
        reporter.post(reverse("liveblog_admin:delete", args=[update.pk])),
        reporter.get(reverse("liveblog_admin:edit", args=[update.pk])),
    ):
        # Wagtail answers a refusal in the admin with a redirect to the dashboard.
        assert (answer.status_code, answer.get("Location")) in ((403, None), (302, "/admin/"))
    update.refresh_from_db()
    blog.refresh_from_db()
    assert not update.pinned and not update.deleted_at and blog.is_live


def test_a_reader_without_a_role_may_not_post(people, blog, staff_user):
    stranger = as_user(staff_user("khach"))
    answer = post_update(stranger, blog, "Không được")
    assert answer.status_code in (302, 403) and answer.get("Location") != blog.url
    assert not blog.updates.exists()


def test_an_editor_pins_marks_a_key_moment_and_ends_the_blog(client, people, blog, home_page):
    reporter = as_user(people["phongvien"])
    post_update(reporter, blog, "Đại biểu vào hội trường")
    post_update(reporter, blog, "Phát biểu khai mạc")
    first, second = blog.updates.order_by("created_at", "pk")
    assert "Trực tiếp" in client.get(home_page.url).content.decode()

    for desk in ("bientap", "truongban"):
        editor = as_user(people[desk])
        assert (
            editor.post(reverse("liveblog_admin:toggle", args=[first.pk, "pinned"])).status_code
            == 302
        )
    first.refresh_from_db()
    assert not first.pinned  # pinned by one, unpinned by the other: both may
    editor = as_user(people["bientap"])
    editor.post(reverse("liveblog_admin:toggle", args=[first.pk, "pinned"]))
    editor.post(reverse("liveblog_admin:toggle", args=[second.pk, "key_moment"]))
    page = client.get(blog.url).content.decode()
    assert "Đã ghim" in page and "Diễn biến chính" in page
    assert page.index("Đã ghim") < page.index(f'id="cap-nhat-{second.pk}"')

    assert editor.post(reverse("liveblog_admin:end", args=[blog.pk])).status_code == 302
    blog.refresh_from_db()
    assert blog.ended_at is not None
    page = client.get(blog.url).content.decode()
    assert "Đã kết thúc" in page
    home = client.get(home_page.url).content.decode()
    assert blog.title not in home  # the badge is gone at once
    # Posting to an ended blog is refused with a message, not a 500.
    after = post_update(reporter, blog, "Quá muộn")
    assert after.status_code == 302 and blog.updates.count() == 2


def test_edits_and_deletions_are_shown_as_such(client, people, blog):
    reporter = as_user(people["phongvien"])
    post_update(reporter, blog, "Bản đầu")
    post_update(reporter, blog, "Sẽ bị xoá")
    first, second = blog.updates.order_by("created_at", "pk")
    edit_url = reverse("liveblog_admin:edit", args=[first.pk])
    assert reporter.post(edit_url, {"text": "Bản đã sửa"}).status_code == 302
    assert reporter.post(reverse("liveblog_admin:delete", args=[second.pk])).status_code == 302
    page = client.get(blog.url).content.decode()
    assert "Bản đã sửa" in page and "Đã sửa lúc" in page
    assert "Sẽ bị xoá" not in page
    assert "Một cập nhật đã bị xoá." in page


def test_the_endpoint_answers_304_until_an_update_is_posted(client, people, blog):
    endpoint = blog.url + "cap-nhat/"
    first = client.get(endpoint)
    assert first.status_code == 200
    assert "s-maxage=" in first["Cache-Control"]
    assert "?" not in endpoint
    etag = first["ETag"]
    unchanged = client.get(endpoint, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    # Short-lived for Varnish on the 304 too (a revalidation must not keep it ten minutes).
    assert unchanged["Cache-Control"] == first["Cache-Control"] == "public, max-age=0, s-maxage=5"

    post_update(as_user(people["phongvien"]), blog, "Tin mới nhất")
    changed = client.get(endpoint, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Tin mới nhất" in changed.content.decode()
    # The page itself is fresh at once too (the page cache was purged).
    assert "Tin mới nhất" in client.get(blog.url).content.decode()


def test_the_feed_lists_the_updates_with_their_anchors(client, people, blog):
    post_update(as_user(people["phongvien"]), blog, "Cập nhật trong feed")
    update = blog.updates.get()
    feed = client.get(blog.url + "rss/")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/rss+xml")
    body = feed.content.decode()
    assert "Cập nhật trong feed" in body
    assert f"#cap-nhat-{update.pk}</link>" in body


def test_json_ld_is_a_live_blog_posting_with_its_updates_and_coverage_times(client, people, blog):
    reporter = as_user(people["phongvien"])
    post_update(reporter, blog, "Cập nhật một")
    post_update(reporter, blog, "Cập nhật hai")
    html = client.get(blog.url).content.decode()
    data = extruct.extract(html, base_url="http://localhost/", syntaxes=["json-ld"], uniform=True)
    posting = next(item for item in data["json-ld"] if item.get("@type") == "LiveBlogPosting")
    assert posting["coverageStartTime"]
    assert "coverageEndTime" not in posting
    headlines = [entry["headline"] for entry in posting["liveBlogUpdate"]]
    assert headlines == ["Cập nhật hai", "Cập nhật một"]
    assert all(re.search(r"#cap-nhat-\d+$", entry["url"]) for entry in posting["liveBlogUpdate"])

    as_user(people["bientap"]).post(reverse("liveblog_admin:end", args=[blog.pk]))
    html = client.get(blog.url).content.decode()
    data = extruct.extract(html, base_url="http://localhost/", syntaxes=["json-ld"], uniform=True)
    posting = next(item for item in data["json-ld"] if item.get("@type") == "LiveBlogPosting")
    assert posting["coverageEndTime"]


def test_query_budgets_do_not_grow_with_the_updates(
    client, people, blog, settings, django_assert_max_num_queries, make_image
):
    from liveblog.models import LiveUpdate

    settings.PAGE_CACHE_ENABLED = False
    image = make_image()
    for n in range(3):
        LiveUpdate.objects.create(page=blog, text=f"Cập nhật {n}", image=image)
    client.get(blog.url)  # renditions made once
    with django_assert_max_num_queries(12) as few:
        client.get(blog.url)
    with django_assert_max_num_queries(6) as endpoint_few:
        client.get(blog.url + "cap-nhat/")
    for n in range(30):
        LiveUpdate.objects.create(
            page=blog, text=f"Thêm {n}", image=image, author=people["phongvien"]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(blog.url).status_code == 200
    with django_assert_max_num_queries(len(endpoint_few.captured_queries)):
        assert client.get(blog.url + "cap-nhat/").status_code == 200


def test_the_demo_has_one_ended_live_blog_and_a_second_run_writes_nothing(client):
    from liveblog.models import LiveBlogPage, LiveUpdate

    call_command("load_demo", stdout=io.StringIO())
    blog = LiveBlogPage.objects.get()
    assert blog.ended_at is not None and LiveUpdate.objects.filter(page=blog).count() == 5
    page = client.get(blog.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Đã kết thúc" in html and "Diễn biến chính" in html and "Chủ tịch Hồ Chí Minh" in html
    assert "home-live-badge" not in client.get("/").content.decode()  # ended: no badge
    call_command("load_demo", stdout=io.StringIO())
    assert LiveBlogPage.objects.count() == 1 and LiveUpdate.objects.count() == 5


def test_an_editor_starts_a_live_blog_in_the_admin_and_the_home_page_shows_the_badge(
    client, people, section, home_page
):
    from tests.conftest import admin_form_data

    editor = as_user(people["bientap"])
    add_url = reverse("wagtailadmin_pages:add", args=["liveblog", "liveblogpage", section.pk])
    data = admin_form_data(editor, add_url)
    data.update(title="Bầu cử đại biểu Quốc hội: trực tiếp", slug="", intro="Kết quả từng giờ.")
    data["action-publish"] = "action-publish"
    answer = editor.post(add_url, data)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    from liveblog.models import LiveBlogPage

    blog = LiveBlogPage.objects.get(title="Bầu cử đại biểu Quốc hội: trực tiếp")
    assert blog.live and blog.slug == "bau-cu-dai-bieu-quoc-hoi-truc-tiep"
    home = client.get(home_page.url).content.decode()
    assert f'href="{blog.url}"' in home and "Trực tiếp" in home
