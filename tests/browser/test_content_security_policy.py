"""Under the site's Content-Security-Policy (no inline scripts) the admin editor and the public
pages work and the browser reports no violation: an editor edits a story (date picker,
inline panel, image chooser modal, rich text) and saves it; a reader plays a bulletin, is
counted by the read beacon and posts a comment."""

import re

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every violation the page sees, from the browser's own event (set before any page script).
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
        `${event.sourceFile}:${event.lineNumber}`
    );
});
"""


@pytest.fixture
def contexts(browser):
    opened = []
    yield opened
    for context in opened:
        context.close()


def new_page(browser, contexts, problems, **options):
    context = browser.new_context(locale="vi-VN", **options)
    contexts.append(context)
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()

    def on_console(message):
        text = message.text
        about_the_policy = "Content Security Policy" in text or "Content-Security-Policy" in text
        if about_the_policy or (message.type == "error" and "kontum" in text):
            problems.append(f"console: {text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    return page


def script_sources(policy):
    for directive in policy.split(";"):
        name, *values = directive.split()
        if name == "script-src":
            return values
    return None


def show(page, selector):
    """Open the editor's tab holding this field; returns its locator."""
    field = page.locator(selector).first
    panel = field.evaluate("(element) => element.closest('[role=tabpanel]')?.id")
    if panel:
        page.locator(f'[role=tab][aria-controls="{panel}"]').first.click()
    field.scroll_into_view_if_needed()
    return field


def violations(page):
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture
def editor_story(news_index, staff_user, make_story, make_image):
    from django.core.management import call_command

    call_command("setup_roles")
    staff_user("bientap", "Biên tập viên")
    from wagtail.images.models import Image
    from wagtail.models import Collection

    make_image("Ảnh lễ khai mạc")
    story = make_story(title="Khai mạc hội thao", image=make_image("Ảnh toàn cảnh"))
    # In the newsroom's collection, where the editor's group may choose pictures.
    Image.objects.update(collection=Collection.get_first_root_node())
    return story


def test_the_editor_edits_a_story_with_no_policy_violation(
    browser, live_server, editor_story, contexts, screenshot_dir
):
    from news.models import ArticlePage

    problems = []
    page = new_page(browser, contexts, problems, viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    headers = page.request.get(live_server.url + reverse("wagtailadmin_login")).headers
    assert script_sources(headers["content-security-policy"]) == ["'self'"]
    assert "camera=()" in headers["permissions-policy"]
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "pw")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[editor_story.pk]))
    page.wait_for_load_state("networkidle")

    # A date picker (started by our script, not an inline one) opens on the display date.
    assert violations(page) == [], violations(page)
    show(page, "#id_display_date").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    page.keyboard.press("Escape")

    # An inline panel adds a correction note, whose own date picker starts too.
    show(page, "#id_notes-ADD").click()
    page.locator("#id_notes-0-date").wait_for(state="visible")
    page.locator("#id_notes-0-date").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    page.keyboard.press("Escape")
    page.locator("#id_notes-0-date").fill("05/12/2026 08:30")
    page.locator("#id_notes-0-text").fill("Đính chính: hội thao kéo dài ba ngày.")

    # The image chooser opens its modal and the chosen picture replaces the old one.
    chooser = show(page, "#id_featured_image-chooser")
    chooser.locator(".w-dropdown__toggle").click()
    page.get_by_role("button", name="Đổi ảnh").click()
    modal = page.locator(".modal-content")
    modal.get_by_text("Ảnh lễ khai mạc").first.click()
    page.locator(".modal").first.wait_for(state="hidden")
    assert "Ảnh lễ khai mạc" in chooser.inner_text()

    # Rich text takes typing.
    body = show(page, ".Draftail-Editor [contenteditable=true]")
    body.click()
    page.keyboard.press("End")
    page.keyboard.type(" Thêm một câu mới.")
    page.locator("#id_title").click()
    # Let autosave land first: two writers at once lock the tests' SQLite database.
    page.wait_for_timeout(2500)

    page.screenshot(path=f"{screenshot_dir}/csp-admin-editor.png", full_page=True)
    page.locator("footer button.action-save").first.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=f"{screenshot_dir}/csp-admin-saved.png", full_page=True)
    page.locator(".messages .success").first.wait_for()

    draft = ArticlePage.objects.get(pk=editor_story.pk).get_latest_revision_as_object()
    assert draft.featured_image.title == "Ảnh lễ khai mạc"
    assert "Thêm một câu mới." in str(draft.body)
    assert [note.text for note in draft.notes.all()] == ["Đính chính: hội thao kéo dài ba ngày."]
    assert violations(page) == [] and problems == []


@pytest.fixture
def reader_pages(home_page, make_story):
    from wagtail.models import Site

    from comments.models import CommentSettings
    from programmes.demo import load

    load()
    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.min_seconds = 0
    rules.flood_seconds = 0
    rules.save()
    return make_story(title="Hội nghị biểu dương điển hình tiên tiến")


def test_a_reader_watches_is_counted_and_comments_with_no_policy_violation(
    browser, live_server, reader_pages, contexts
):
    from programmes.models import ProgrammePage

    problems = []
    page = new_page(browser, contexts, problems, viewport={"width": 390, "height": 844})

    programme = ProgrammePage.objects.get(slug="thoi-su-kon-tum")
    episode = programme.get_children().live().first()
    page.goto(live_server.url + episode.url)
    video = page.locator("video.player__video")
    playing = video.evaluate(
        """async (element) => {
            element.muted = true;
            await element.play();
            await new Promise((resolve) => setTimeout(resolve, 1500));
            const track = element.textTracks[0];
            return element.currentTime > 0.5 && track && track.mode === "showing";
        }"""
    )
    assert playing
    assert violations(page) == []

    story_url = live_server.url + reader_pages.url
    response = page.goto(story_url)
    policy = response.headers["content-security-policy"]
    assert script_sources(policy) == ["'self'"]
    with page.expect_request(lambda request: "/luot-doc/" in request.url, timeout=10_000) as read:
        pass
    assert read.value.method == "POST"

    form = page.locator("#binh-luan-form")
    form.get_by_label("Họ tên").fill("Trần Văn Bình")
    form.get_by_label("Email", exact=False).first.fill("binh@example.invalid")
    form.locator("textarea[name=body]").fill("Bài viết rất hữu ích.")
    form.get_by_role("button", name="Gửi bình luận").click()
    notice = page.locator(".comments__notice")
    notice.wait_for()
    assert "đang chờ kiểm duyệt" in notice.inner_text()
    assert page.url == story_url
    assert violations(page) == [] and problems == []
