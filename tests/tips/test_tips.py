"""Readers' tips (issue 27, item 5): a reader sends text, a contact and photos or a short video;
the files stay private; the editors' desk works through a queue with statuses and an audit log;
the sender's data is exported and erased with the commenter tools."""

import io
import json
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.models import ModelLogEntry

from tests.conftest import setup_roles
from tips.models import Tip, TipStatus

pytestmark = pytest.mark.django_db
SEND = "/gui-tin-cho-toa-soan/"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.TIPS_PRIVATE_ROOT = tmp_path / "private-tips"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.TIPS_PRIVATE_ROOT


@pytest.fixture
def desk(home_page, news_index, staff_user):
    setup_roles()
    return {
        "editor": staff_user("bientap", "Biên tập viên"),
        "reporter": staff_user("phongvien", "Phóng viên"),
        "moderator": staff_user("kiemduyet", "Kiểm duyệt viên"),
    }


def photo(name="anh.jpg", size=(64, 48), color="red", kind="JPEG"):
    data = io.BytesIO()
    Image.new("RGB", size, color).save(data, kind)
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/jpeg")


def tip_form(**overrides):
    data = {
        "text": "Sạt lở trên đường Hồ Chí Minh, đoạn qua xã Đăk Hà, sáng nay lúc 7 giờ.",
        "name": "Y Hoa",
        "contact": "yhoa@example.invalid",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_the_form_is_linked_from_every_page_and_never_cached(client, home_page):
    home = client.get("/").content.decode()
    assert f'href="{SEND}"' in home and "Gửi tin cho tòa soạn" in home
    response = client.get(SEND)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "Những gì bạn gửi được xử lý thế nào" in html  # the privacy notice
    assert "csrfmiddlewaretoken" in html


def test_a_reader_sends_a_tip_with_photos_kept_out_of_public_media(
    client, home_page, private_root, settings
):
    response = client.post(
        SEND,
        {**tip_form(), "files": [photo("sat-lo-1.jpg"), photo("sat-lo-2.png", kind="PNG")]},
    )
    assert response.status_code == 302 and response["Location"].endswith("/da-gui/")
    assert "tòa soạn đã nhận" in client.get(response["Location"]).content.decode()
    tip = Tip.objects.get()
    assert tip.status == TipStatus.NEW and tip.contact == "yhoa@example.invalid"
    assert tip.ip_address == "127.0.0.1"
    files = list(tip.attachments.order_by("pk"))
    assert [f.original_name for f in files] == ["sat-lo-1.jpg", "sat-lo-2.png"]
    assert [f.content_type for f in files] == ["image/jpeg", "image/png"]
    for item in files:
        stored = private_root / item.file.name
        assert stored.exists() and not str(stored).startswith(str(settings.MEDIA_ROOT))
        with pytest.raises(ValueError):
            item.file.url  # noqa: B018 - no public address at all
    assert not any(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else True
    assert ModelLogEntry.objects.filter(action="tips.received").count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contact": ""}, "Vui lòng cho biết email hoặc số điện thoại."),
        ({"contact": "gọi tôi"}, "Vui lòng cho biết email hoặc số điện thoại để liên lạc được."),
        ({"consent": ""}, "Vui lòng xác nhận bạn đã đọc thông báo về dữ liệu cá nhân."),
        ({"text": "   "}, "Vui lòng cho biết chuyện gì đã xảy ra."),
    ],
)
def test_bad_input_is_refused_in_vietnamese_keeping_what_was_typed(
    client, home_page, changes, message
):
    typed = tip_form(**changes)
    response = client.post(SEND, typed)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    if typed["text"].strip():
        assert typed["text"] in html
    assert "Y Hoa" in html
    assert Tip.objects.count() == 0


def test_files_that_are_not_photos_or_videos_are_refused(client, home_page):
    fake = SimpleUploadedFile("anh.jpg", b"<?php echo 'x'; ?>", content_type="image/jpeg")
    response = client.post(SEND, {**tip_form(), "files": [fake]})
    assert response.status_code == 400
    assert "anh.jpg: chỉ nhận ảnh (JPEG, PNG, WebP, GIF)" in response.content.decode()
    too_many = [photo(f"a{i}.jpg") for i in range(6)]
    response = client.post(SEND, {**tip_form(), "files": too_many})
    assert "Gửi tối đa 5 tệp." in response.content.decode()
    assert Tip.objects.count() == 0


def make_clip(path, seconds):
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=5",
         "-t", str(seconds), "-pix_fmt", "yuv420p", str(path)],
        check=True,
    )  # fmt: skip
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="video/mp4")


@pytest.mark.skipif(not shutil.which("ffmpeg"), reason="needs Debian's ffmpeg")
def test_a_short_video_is_taken_and_a_long_one_refused(client, home_page, tmp_path, settings):
    settings.TIPS_MAX_VIDEO_SECONDS = 60
    response = client.post(SEND, {**tip_form(), "files": [make_clip(tmp_path / "clip.mp4", 3)]})
    assert response.status_code == 302
    assert Tip.objects.get().attachments.get().content_type == "video/mp4"
    long_clip = make_clip(tmp_path / "dai.mp4", 61)
    response = client.post(SEND, {**tip_form(text="Video dài"), "files": [long_clip]})
    assert response.status_code == 400
    assert "dai.mp4: video chỉ được dài tối đa 1 phút." in response.content.decode()
    assert Tip.objects.count() == 1


def test_a_flood_from_one_network_is_limited_and_the_text_kept(client, home_page, settings):
    settings.TIPS_PER_HOUR = 2
    for n in range(2):
        assert client.post(SEND, tip_form(text=f"Tin số {n}")).status_code == 302
    response = client.post(SEND, tip_form(text="Tin thứ ba"), REMOTE_ADDR="127.0.0.9")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Bạn đã gửi nhiều tin trong một giờ qua" in html and "Tin thứ ba" in html
    assert Tip.objects.count() == 2
    # Another network is not affected.
    assert client.post(SEND, tip_form(), REMOTE_ADDR="198.51.100.7").status_code == 302


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_kept(client, home_page):
    response = client.post(SEND, tip_form(website="http://spam.example"))
    assert response.status_code == 302 and Tip.objects.count() == 0


def test_an_editor_works_the_queue_reads_files_and_changes_status(client, desk):
    client.post(SEND, {**tip_form(text="<script>alert(1)</script> Cháy chợ"), "files": [photo()]})
    tip = Tip.objects.get()
    client.force_login(desk["editor"])
    listing = client.get(reverse("wagtailsnippets_tips_tip:list"))
    assert listing.status_code == 200
    assert "Cháy chợ" in listing.content.decode()
    assert "<script>alert(1)</script>" not in listing.content.decode()
    inspect = client.get(reverse("wagtailsnippets_tips_tip:inspect", args=[tip.pk])).content
    inspect = inspect.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in inspect and "yhoa@example.invalid" in inspect
    file_url = reverse("wagtailsnippets_tips_tip:attachment", args=[tip.attachments.get().pk])
    assert file_url in inspect
    download = client.get(file_url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert {"private", "no-store"} <= set(download["Cache-Control"].split(", "))
    assert b"".join(download.streaming_content)[:2] == b"\xff\xd8"  # the JPEG itself

    edit_url = reverse("wagtailsnippets_tips_tip:edit", args=[tip.pk])
    response = client.post(edit_url, {"status": "checking", "desk_note": "Gọi lại lúc 9 giờ"})
    assert response.status_code == 302
    tip.refresh_from_db()
    assert tip.status == "checking" and tip.text.startswith("<script>")  # text is read-only
    entry = ModelLogEntry.objects.get(action="tips.status")
    assert entry.user == desk["editor"]
    history = client.get(reverse("wagtailsnippets_tips_tip:history", args=[tip.pk])).content
    assert "Mới" in history.decode() and "Đang xác minh" in history.decode()
    filtered = client.get(reverse("wagtailsnippets_tips_tip:list") + "?status=new")
    assert "Cháy chợ" not in filtered.content.decode()


@pytest.mark.parametrize("role", ["reporter", "moderator"])
def test_other_roles_never_see_tips_or_their_files(client, desk, role):
    client.post(SEND, {**tip_form(), "files": [photo()]})
    attachment = Tip.objects.get().attachments.get()
    client.force_login(desk[role])
    assert client.get(reverse("wagtailsnippets_tips_tip:list")).status_code in (302, 403)
    url = reverse("wagtailsnippets_tips_tip:attachment", args=[attachment.pk])
    refused = client.get(url)
    assert refused.status_code in (302, 403) and not refused.has_header("Content-Disposition")
    if refused.status_code == 302:  # the admin's way to say no: back to the dashboard
        assert refused["Location"] == reverse("wagtailadmin_home")
    client.logout()
    refused = client.get(url)
    assert refused.status_code == 302 and "login" in refused["Location"]


def test_the_commenter_tools_export_and_erase_a_sender_s_tips(client, home_page, private_root):
    client.post(SEND, {**tip_form(), "files": [photo()]})
    client.post(SEND, tip_form(contact="0905 123 456", text="Tin của người khác"))
    stored = (
        private_root / Tip.objects.get(contact="yhoa@example.invalid").attachments.get().file.name
    )
    out = io.StringIO()
    call_command("comments_export", "YHoa@example.invalid", stdout=out)
    exported = json.loads(out.getvalue())
    assert [t["text"][:7] for t in exported["tips"]] == ["Sạt lở "]
    assert exported["tips"][0]["files"][0]["name"] == "anh.jpg"
    call_command("comments_erase", "yhoa@example.invalid", stdout=(out := io.StringIO()))
    assert "1 tips erased." in out.getvalue()
    assert list(Tip.objects.values_list("contact", flat=True)) == ["0905 123 456"]
    assert not stored.exists()
    assert not ModelLogEntry.objects.filter(label__contains="Sạt lở").exists()


def test_network_addresses_are_forgotten_after_the_retention_period(client, home_page):
    from datetime import timedelta

    from django.utils import timezone

    from tips.privacy import purge_ips

    client.post(SEND, tip_form())
    Tip.objects.update(created_at=timezone.now() - timedelta(days=31))
    client.post(SEND, tip_form(text="Tin mới"))
    assert purge_ips() == 1
    assert list(Tip.objects.order_by("created_at").values_list("ip_address", flat=True)) == [
        None,
        "127.0.0.1",
    ]
