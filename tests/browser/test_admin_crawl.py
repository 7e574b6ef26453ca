"""Every admin page reachable from the menu, as admin, editor, reporter and moderator: no
English UI text (visible text and aria-labels) beyond the glossary's loanwords."""

import re

import pytest
from django.urls import reverse

from tests.browser.test_admin_in_vietnamese import VISIBLE_TEXT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH = re.compile(
    r"\b(the|and|your|you|this|with|for|from|page|pages|edit|delete|save|publish|draft|"
    r"search|add|help|reports?|images?|documents?|settings|users?|groups?|workflows?|"
    r"dashboard|live|status|more|actions?|sort|title|preview|history|welcome|latest|updated|"
    r"created|locked|view|explore|create|upload|privacy|comments?|name|root|none|editors|"
    r"moderators|approval|collections?|tags?|owner|yes)\b",
    re.IGNORECASE,
)
# Not pages a person reads: JSON, scripts, the icon sprite, fragments.
SKIP = (
    "/admin/api/",
    "/admin/jsi18n/",
    "/admin/sprite/",
    "/admin/block-preview/",
    "/admin/dismissibles/",
    "/admin/logout/",
)
# Known and left (see the closing note): Wagtail prints a Python None there (a missing model
# name in the search count, an empty "last published" cell).
KNOWN_GAPS = {("/admin/reports/aging-pages/", "None")}
KNOWN_PATTERNS = [("/admin/pages/search/", re.compile(r"^1-\d+ trong tổng số \d+ None$"))]
ROLES = [("quantri", None), ("bientap", "Biên tập viên"), ("phongvien", "Phóng viên"),
         ("kiemduyet", "Kiểm duyệt viên")]  # fmt: skip
ARIA_LABELS = """() => [...document.querySelectorAll("[aria-label]")]
    .filter(e => e.getClientRects().length).map(e => e.getAttribute("aria-label"))"""


def english(url, texts, content=()):
    """The texts of the admin's own interface in English. `content`: what staff wrote in the
    English edition (its pages' titles, their tags), which the admin shows as written."""
    found = set()
    for text in texts:
        if (url, text) in KNOWN_GAPS or "Wagtail" in text:
            continue
        if any(text[:40] in written or written[:40] in text for written in content):
            continue
        if text.startswith("/") and " " not in text:  # a path (a redirect's old URL), not words
            continue
        if any(url == gap_url and pattern.match(text) for gap_url, pattern in KNOWN_PATTERNS):
            continue
        if ENGLISH.search(text) or re.search(r"\bNone\b", text):
            found.add(text[:80])
    return sorted(found)


@pytest.fixture
def demo_site(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_every_admin_page_from_the_menu_is_vietnamese_for_every_role(
    page, live_server, demo_site, staff_user
):
    from wagtail.models import Page

    from news.models import ArticlePageTag

    # The demo's English edition (issue 28): its titles and tags are content, not interface.
    content = [page.title for page in Page.objects.filter(locale__language_code="en")]
    english_tags = ArticlePageTag.objects.filter(content_object__locale__language_code="en")
    content += list(english_tags.values_list("tag__name", flat=True))
    found = {}
    for username, group in ROLES:
        staff_user(username, group, superuser=group is None)
        page.context.clear_cookies()
        page.goto(live_server.url + reverse("wagtailadmin_login"))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw")
        page.locator("form button[type=submit]").click()
        page.wait_for_url(live_server.url + "/admin/")
        links = re.findall(r'(/admin/[^"\\\s<>&#]*)', page.content())
        urls = sorted({link for link in links if not link.startswith(SKIP)})
        assert len(urls) > 5, (username, urls)
        for url in urls:
            page.goto(live_server.url + url)
            texts = page.evaluate(VISIBLE_TEXT) + page.evaluate(ARIA_LABELS)
            words = english(url, texts, content)
            if words:
                found[f"{username} {url}"] = words
    assert found == {}
