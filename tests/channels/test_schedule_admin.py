"""An editor keeps the channels and the schedule in the admin, and imports the station's
spreadsheet (CSV, XLSX) with its row errors; a second import changes nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.channels.conftest import DAY, local


def sign_in(client, user):
    assert client.login(username=user.username, password="pw")


def test_an_editor_adds_a_channel_and_bad_stream_addresses_are_refused(client, editor):
    from channels.models import Channel

    sign_in(client, editor)
    url = reverse("wagtailsnippets_channels_channel:add")
    data = {
        "name": "Truyền hình Kon Tum",
        "slug": "",
        "kind": "tv",
        "description": "",
        "hls_url": "javascript:alert(1)",
        "audio_url": "",
        "audio_format": "audio/mpeg",
        "on_air": "on",
        "sort_order": "1",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dùng địa chỉ http:// hoặc https://, hoặc một đường dẫn trên trang này." in html
    data["hls_url"] = "https://tv.example.invalid/live/video.mp4"
    assert "Địa chỉ luồng HLS phải kết thúc bằng .m3u8." in client.post(url, data).content.decode()
    data["hls_url"] = ""
    html = client.post(url, data).content.decode()
    assert "Kênh cần một luồng HLS, một luồng âm thanh hoặc cả hai." in html
    data["audio_url"] = "https://radio.example.invalid/live.mp3"
    assert "Kênh truyền hình cần một luồng HLS." in client.post(url, data).content.decode()
    assert not Channel.objects.exists()

    data["hls_url"] = "https://tv.example.invalid/live/kttv.m3u8"
    response = client.post(url, data)
    assert response.status_code == 302
    channel = Channel.objects.get()
    assert channel.slug == "truyen-hinh-kon-tum"
    assert channel.hls_url == "https://tv.example.invalid/live/kttv.m3u8"


def test_an_editor_enters_a_day_with_its_slots(client, editor, tv, programme, clock):
    from channels.models import ScheduleSlot

    sign_in(client, editor)
    url = reverse("wagtailsnippets_channels_scheduleday:add")
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "channel": str(tv.pk),
        "date": "05/12/2026",
        "slots-TOTAL_FORMS": "2",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "1",
        "slots-MAX_NUM_FORMS": "1000",
    }
    for index, (start, title) in enumerate([("18:00", "Thời sự Kon Tum"), ("19:00", "Phim")]):
        data |= {
            f"slots-{index}-start_time": start,
            f"slots-{index}-title": title,
            f"slots-{index}-programme": "",
            f"slots-{index}-episode": "",
            f"slots-{index}-ORDER": str(index + 1),
            f"slots-{index}-id": "",
            f"slots-{index}-DELETE": "",
        }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    slots = list(ScheduleSlot.objects.order_by("starts_at"))
    assert [(slot.starts_at, slot.title) for slot in slots] == [
        (local(18), "Thời sự Kon Tum"),
        (local(19), "Phim"),
    ]
    assert slots[0].programme_id == programme.pk  # found by its name
    assert slots[1].programme_id is None

    clock(18, 30)  # the live page shows it at once
    html = client.get(reverse("channels:live")).content.decode()
    assert "Thời sự Kon Tum" in html

    # the same day twice is a form error, in Vietnamese
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Kênh này đã có lịch phát sóng cho ngày đó." in response.content.decode()


CSV_WITH_ERRORS = """Kênh,Ngày,Giờ,Chương trình
KTTV,05/12/2026,18:00,Thời sự Kon Tum
KTTV,31/02/2026,19:00,Phim
Kênh lạ,05/12/2026,20:00,Ca nhạc
KTTV,05/12/2026,25:00,Thể thao
KTTV,05/12/2026,18:00,Trùng giờ
"""
CSV_RIGHT = """Kênh;Ngày;Giờ;Chương trình
kttv;05/12/2026;18:00;Thời sự Kon Tum
KTTV;05/12/2026;19h00;Phim truyện
KTTV;2026-12-06;06:30;Thời sự sáng
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_command_reports_row_errors_and_imports_nothing(tmp_path, tv, programme):
    from channels.models import ScheduleSlot

    err = io.StringIO()
    with pytest.raises(CommandError, match="4 lỗi: không có gì được nhập."):
        call_command("import_schedule", write(tmp_path, "lich.csv", CSV_WITH_ERRORS), stderr=err)
    assert err.getvalue().splitlines() == [
        "Dòng 3: ngày “31/02/2026” không hợp lệ (dd/mm/yyyy).",
        "Dòng 4: không có kênh “Kênh lạ”.",
        "Dòng 5: giờ “25:00” không hợp lệ (hh:mm).",
        "Dòng 6: trùng kênh, ngày và giờ với dòng 2.",
    ]
    assert not ScheduleSlot.objects.exists()


def test_importing_twice_changes_nothing_and_a_corrected_file_updates(
    tmp_path, tv, programme, make_episode
):
    from channels.models import ScheduleSlot

    episode = make_episode("Thời sự Kon Tum 30/11", days_ago=0)  # aired 30/11 18:00
    path = write(tmp_path, "lich.csv", CSV_RIGHT + "KTTV;30/11/2026;18:00;Thời sự Kon Tum\n")
    out = io.StringIO()
    call_command("import_schedule", path, stdout=out)
    assert (
        "4 dòng: thêm 4 khung giờ, sửa 0, giữ nguyên 0, bỏ 0; 2 khung giờ gắn với chương trình."
        in out.getvalue()
    )
    first = list(ScheduleSlot.objects.order_by("starts_at").values_list("pk", "starts_at", "title"))
    aired = ScheduleSlot.objects.get(starts_at=local(18, day=DAY.replace(month=11, day=30)))
    assert aired.programme_id == programme.pk and aired.episode_id == episode.pk

    out = io.StringIO()
    call_command("import_schedule", path, stdout=out)
    assert "thêm 0 khung giờ, sửa 0, giữ nguyên 4, bỏ 0" in out.getvalue()
    assert (
        list(ScheduleSlot.objects.order_by("starts_at").values_list("pk", "starts_at", "title"))
        == first
    )

    corrected = write(
        tmp_path,
        "lich2.csv",
        "Kênh,Ngày,Giờ,Chương trình\n"
        "KTTV,05/12/2026,18:00,Thời sự Kon Tum\n"
        "KTTV,05/12/2026,20:00,Ca nhạc\n",
    )
    out = io.StringIO()
    call_command("import_schedule", corrected, stdout=out)
    assert "thêm 1 khung giờ, sửa 0, giữ nguyên 1, bỏ 1" in out.getvalue()
    assert list(
        ScheduleSlot.objects.filter(day__date=DAY)
        .order_by("starts_at")
        .values_list("title", flat=True)
    ) == ["Thời sự Kon Tum", "Ca nhạc"]
    assert ScheduleSlot.objects.filter(day__date=DAY.replace(day=6)).count() == 1  # not named: kept


def xlsx(rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "lich.xlsx"
    return data


def test_an_editor_uploads_an_xlsx_in_the_admin(client, editor, tv):
    from datetime import date, time

    from channels.models import ScheduleSlot

    sign_in(client, editor)
    url = reverse("channels_import")
    assert client.get(url).status_code == 200
    bad = xlsx(
        [["KÊNH", "Ngày", "Giờ", "Chương trình"], ["KTTV", date(2026, 12, 5), time(18, 0), ""]]
    )
    html = client.post(url, {"file": bad}).content.decode()
    assert "Dòng 2: thiếu tên chương trình" in html
    assert "1 lỗi: không có gì được nhập." in html
    rows = [
        ["Kênh", "Ngày", "Giờ", "Chương trình"],
        ["KTTV", date(2026, 12, 5), time(18, 0), "Thời sự <b>Kon Tum</b>"],
    ]
    html = client.post(url, {"file": xlsx(rows)}).content.decode()
    assert "thêm 1 khung giờ" in html
    assert ScheduleSlot.objects.get().title == "Thời sự <b>Kon Tum</b>"
    html = client.post(url, {"file": xlsx(rows)}).content.decode()
    assert "thêm 0 khung giờ, sửa 0, giữ nguyên 1" in html
    not_a_sheet = io.BytesIO(b"not a spreadsheet")
    not_a_sheet.name = "lich.xlsx"
    assert "Không đọc được tệp Excel." in client.post(url, {"file": not_a_sheet}).content.decode()


def test_a_reporter_cannot_import(client, home_page, staff_user):
    from editorial.roles import REPORTERS
    from tests.conftest import setup_roles

    setup_roles()
    reporter = staff_user("phongvien", REPORTERS)
    sign_in(client, reporter)
    assert client.get(reverse("channels_import")).status_code in (302, 403)


def test_the_editor_sees_the_broadcasting_screens_in_vietnamese(client, editor, tv, make_day):
    make_day(tv, [("18:00", "Thời sự Kon Tum")])
    sign_in(client, editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Phát sóng", "Nhập lịch phát sóng"):  # the sidebar's menu is JSON
        assert json.dumps(label)[1:-1] in dashboard or label in dashboard
    for name in ("channel", "scheduleday"):
        response = client.get(reverse(f"wagtailsnippets_channels_{name}:list"))
        assert response.status_code == 200
    html = client.get(reverse("wagtailsnippets_channels_scheduleday:list")).content.decode()
    assert "KTTV – Thứ Bảy, 05/12/2026" in html
    day = tv.days.get()
    edit = client.get(reverse("wagtailsnippets_channels_scheduleday:edit", args=[day.pk]))
    assert edit.status_code == 200 and "Khung giờ" in edit.content.decode()
