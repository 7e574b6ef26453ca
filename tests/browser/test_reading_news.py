import pytest

from tests.conftest import aware

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published_story(make_story, make_image, make_reporter):
    make_story(title="Tin khác về y tế", tags=["Y tế"], date=aware(2020, 9, 1))
    return make_story(
        title="Khai mạc Đại hội Thi đua yêu nước lần thứ VIII",
        lead="Sáng 22/10/2020, Đại hội Thi đua yêu nước tỉnh lần thứ VIII khai mạc.",
        tags=["Đại hội thi đua", "Điển hình tiên tiến"],
        image=make_image("Toàn cảnh đại hội"),
        reporters=[make_reporter("Y Nhung")],
        date=aware(2020, 10, 22),
    )


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_reader_goes_from_home_to_story_to_tag(
    page, live_server, published_story, width, height, screenshot_dir
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.screenshot(path=f"{screenshot_dir}/home-{width}.png", full_page=True)

    page.get_by_role("link", name="Khai mạc Đại hội Thi đua yêu nước lần thứ VIII").first.click()
    page.wait_for_url("**/tin-tuc/khai-mac-dai-hoi-thi-dua-yeu-nuoc-lan-thu-viii/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Khai mạc Đại hội")
    page.screenshot(path=f"{screenshot_dir}/story-{width}.png", full_page=True)

    page.get_by_role("link", name="Điển hình tiên tiến").click()
    page.wait_for_url("**/tin-tuc/chu-de/dien-hinh-tien-tien/")
    listed = page.locator(".story-list .story-card__title").all_inner_texts()
    assert listed == ["Khai mạc Đại hội Thi đua yêu nước lần thứ VIII"]
    page.screenshot(path=f"{screenshot_dir}/tag-{width}.png", full_page=True)

    # Nothing overflows sideways at phone width.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width
