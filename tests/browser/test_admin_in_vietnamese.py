"""An editor logging in sees the admin in Vietnamese: no English beyond brand names."""

import re

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Words that only English UI text would contain; brand names (Wagtail) are allowed.
ENGLISH = re.compile(
    r"\b(the|and|your|you|this|with|for|from|page|pages|edit|delete|save|publish|draft|search|"
    r"add|help|reports?|snippets?|images?|documents?|settings|users?|groups?|workflows?|"
    r"dashboard|live|status|more|actions?|sort|title|preview|history|welcome|latest|"
    r"updated|created|locked|view|explore|create|upload|privacy|comments?)\b",
    re.IGNORECASE,
)
VISIBLE_TEXT = """
() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || !node.textContent.trim()) continue;
    if (el.closest('script,style,template,noscript,[hidden],.visually-hidden,.w-sr-only')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (!el.getClientRects().length) continue;
    out.push(node.textContent.trim());
  }
  return out;
}
"""


def english_on(page, allowed=()):
    texts = page.evaluate(VISIBLE_TEXT)
    found = []
    for text in texts:
        if text in allowed:
            continue
        for match in ENGLISH.finditer(text):
            found.append(f"{match.group(0)!r} in {text[:80]!r}")
    return found


@pytest.fixture
def editor_login(page, live_server, make_story, staff_user):
    from wagtail.users.models import UserProfile

    story = make_story(title="Khai mạc Đại hội Thi đua yêu nước", tags=["Đại hội thi đua"])
    user = staff_user("bientap", superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "pw")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    return story


def test_dashboard_is_vietnamese(page, live_server, editor_login, screenshot_dir):
    page.screenshot(path=f"{screenshot_dir}/admin-dashboard.png", full_page=True)
    assert english_on(page) == []


def test_each_user_can_still_choose_english(page, live_server, editor_login):
    from django.contrib.auth.models import User
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(User.objects.get(username="bientap"))
    profile.preferred_language = "en"
    profile.save()
    page.reload()
    assert page.locator("html").get_attribute("lang") == "en"
    assert len(english_on(page)) > 5  # the detector sees English when it is there


def test_page_editor_is_vietnamese(page, live_server, editor_login, screenshot_dir):
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(editor_login.pk,)))
    page.wait_for_selector("form#page-edit-form")
    page.screenshot(path=f"{screenshot_dir}/admin-page-editor.png", full_page=True)
    assert english_on(page) == []


def test_explorer_and_images_are_vietnamese(page, live_server, editor_login, screenshot_dir):
    page.goto(
        live_server.url + reverse("wagtailadmin_explore", args=(editor_login.get_parent().pk,))
    )
    page.screenshot(path=f"{screenshot_dir}/admin-explorer.png", full_page=True)
    assert english_on(page) == []
    page.goto(live_server.url + reverse("wagtailimages:index"))
    page.screenshot(path=f"{screenshot_dir}/admin-images.png", full_page=True)
    assert english_on(page) == []
    page.goto(live_server.url + reverse("wagtailadmin_workflows:index"))
    page.screenshot(path=f"{screenshot_dir}/admin-workflows.png", full_page=True)
    assert english_on(page) == []


def test_comments_queue_is_vietnamese(page, live_server, editor_login, screenshot_dir):
    from comments.models import Comment, Status

    for number in range(2):
        Comment.objects.create(
            page=editor_login,
            author_name=f"Bạn đọc {number}",
            author_email=f"bandoc{number}@example.invalid",
            body=f"Ý kiến số {number} về đại hội",
            status=Status.PENDING,
        )
    page.goto(live_server.url + "/admin/snippets/comments/comment/?status=pending")
    page.screenshot(path=f"{screenshot_dir}/admin-comments-queue.png", full_page=True)
    assert english_on(page) == []
    page.goto(live_server.url + "/admin/snippets/comments/comment/?q=dai+hoi")
    assert english_on(page) == []
