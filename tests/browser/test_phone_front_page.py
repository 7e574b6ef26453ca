"""The front page on a phone as Vietnamese portals do it (issue 22, item 8): a collapsed
"Chuyên mục" menu that opens without script, the lead story's picture in the first screen
even under the breaking-news bar, and the other stories as thumbnail rows. On a desktop the
menu's two rows are always shown."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LINE = 44  # one row of the menu: a 44 px touch target


@pytest.fixture
def demo_site(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def menu_addresses():
    """Every section the menu must reach: the home page and its in-menu children and
    grandchildren (the news sections)."""
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    pages = Page.objects.live().in_menu().filter(path__startswith=root.path, depth__gt=root.depth)
    return {"/", *(page.url for page in pages.filter(depth__lte=root.depth + 2))}


def test_the_phone_front_page_without_script(browser, live_server, demo_site):
    from news.models import ArticlePage

    assert ArticlePage.objects.live().filter(breaking_until__isnull=False).exists()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert page.locator(".breaking-banner").is_visible()

        # The menu collapsed: at most two lines, no section link shown yet.
        nav = page.locator(".site-nav").bounding_box()
        assert nav["height"] <= 2 * LINE
        assert page.locator(".site-nav a:visible").count() == 0

        # The lead story's picture is in the first screen, whole.
        picture = page.locator(".home-lead img").bounding_box()
        assert picture["y"] > 0 and picture["y"] + picture["height"] <= PHONE["height"]
        assert picture["width"] >= PHONE["width"] - 40  # full width

        # Every other story is a thumbnail row: a small picture on the left, its title right.
        cards = page.locator(".home-latest .story-card").all()
        assert len(cards) >= 5
        for card in cards:
            media = card.locator(".story-card__media").bounding_box()
            title = card.locator(".story-card__title").bounding_box()
            assert media["width"] < PHONE["width"] / 2
            assert title["x"] >= media["x"] + media["width"]
            assert title["y"] < media["y"] + media["height"]  # side by side, not stacked
        assert cards[1].bounding_box()["height"] < 160

        # "Chuyên mục" opens the menu with no script; every section is there, on the screen.
        page.get_by_text("Chuyên mục", exact=True).click()
        links = page.locator(".site-nav a")
        shown = set()
        for link in links.all():
            assert link.is_visible(), link.inner_text()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], link.inner_text()
            shown.add(link.get_attribute("href"))
        assert shown == menu_addresses()
        # …and each link leads to its section.
        links.filter(has_text="Thời sự").first.click()
        page.wait_for_url("**/tin-tuc/thoi-su/")
        assert page.locator(".site-nav a:visible").count() == 0  # closed again on the new page
        assert (
            page.locator('.site-nav a[href="/tin-tuc/thoi-su/"]').get_attribute("aria-current")
            == "page"
        )
        assert page.get_by_role("heading", name="Đọc nhiều").is_visible()
    finally:
        context.close()


def test_the_desktop_menu_shows_both_rows_and_screenshots(
    page, live_server, demo_site, screenshot_dir
):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/tin-tuc/kinh-te/")
    assert not page.locator(".site-nav__toggle").is_visible()
    links = page.locator(".site-nav a")
    assert all(link.is_visible() for link in links.all())
    assert {link.get_attribute("href") for link in links.all()} == menu_addresses()
    assert page.locator(".site-nav").bounding_box()["height"] <= 2 * LINE + 8
    current = page.locator('.site-nav a[aria-current="page"]')
    assert current.count() == 1 and current.inner_text() == "Kinh tế"
    # Beside the stories: the most-read column.
    aside = page.locator(".listing-aside").bounding_box()
    stories = page.locator(".listing-main").bounding_box()
    assert aside["x"] >= stories["x"] + stories["width"]

    # Screenshots to look at (test-results/screenshots): home, a section and a story.
    from news.models import ArticlePage

    story = ArticlePage.objects.live().filter(path__startswith=section_path()).first()
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        for name, url in (("home", "/"), ("section", "/tin-tuc/kinh-te/"), ("story", story.url)):
            page.goto(live_server.url + url)
            assert page.locator("h1").count() == 1
            width = viewport["width"]
            page.screenshot(path=f"{screenshot_dir}/front-{name}-{width}.png", full_page=True)


def section_path():
    from news.models import SectionPage

    return SectionPage.objects.live().get(slug="kinh-te").path
