"""A reader on a phone sends a tip with a photo; the form shows its errors without losing the
text."""

import io

import pytest
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_a_reader_sends_a_tip_with_a_photo(
    browser, live_server, home_page, settings, tmp_path, screenshot_dir, width, height
):
    from tips.models import Tip

    settings.TIPS_PRIVATE_ROOT = tmp_path / "tips"
    picture = tmp_path / "hien-truong.jpg"
    data = io.BytesIO()
    Image.new("RGB", (120, 80), "green").save(data, "JPEG")
    picture.write_bytes(data.getvalue())

    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        page.get_by_role("link", name="Gửi tin cho tòa soạn").click()
        page.get_by_label("Chuyện gì đã xảy ra?").fill("Cây đổ chắn ngang quốc lộ 24.")
        page.get_by_role("button", name="Gửi cho tòa soạn").click()  # no contact, no consent
        page.get_by_text("Vui lòng cho biết email hoặc số điện thoại.").wait_for()
        assert page.get_by_label("Chuyện gì đã xảy ra?").input_value() == (
            "Cây đổ chắn ngang quốc lộ 24."
        )
        page.screenshot(path=f"{screenshot_dir}/tip-errors-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width

        page.get_by_label("Email hoặc số điện thoại").fill("0905 123 456")
        page.get_by_label("Ảnh hoặc video ngắn (không bắt buộc)").set_input_files(str(picture))
        page.get_by_label("Tôi đã đọc cách tòa soạn lưu giữ").check()
        page.get_by_role("button", name="Gửi cho tòa soạn").click()
        page.get_by_text("Cảm ơn bạn: tòa soạn đã nhận được tin").wait_for()
        tip = Tip.objects.get()
        assert tip.contact == "0905 123 456"
        assert tip.attachments.get().original_name == "hien-truong.jpg"
    finally:
        context.close()
