"""axe-core on every public page type and the comment form, at desktop and phone width: no
serious or critical violation. axe-core comes from npm (tests/js, `npm ci` in .ci/run);
without it the test is skipped with the reason."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[1] / "js/node_modules/axe-core/axe.min.js"
WIDTHS = (1280, 390)
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
    .filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)"""


@pytest.fixture
def browser_context_args(browser_context_args):
    """axe-core goes in as an inline script, which the site's Content-Security-Policy refuses
    (tests/browser/test_content_security_policy.py checks the pages under the policy)."""
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def demo_site(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def public_urls():
    from base.models import ContentPage
    from campaigns.models import CampaignIndexPage, CampaignPage, ConferencePage
    from exemplars.models import ExemplarIndexPage, ExemplarPage
    from news.models import ArticlePage, NewsIndexPage, NewsTag, Reporter

    news = NewsIndexPage.objects.live().first()
    story = ArticlePage.objects.live().filter(comments_enabled=True).first()
    return {
        "home": "/",
        "news index": news.url,
        "story with comments": story.url,
        "tag page": f"{news.url}chu-de/{NewsTag.objects.public().first().slug}/",
        "reporter page": f"{news.url}phong-vien/{Reporter.objects.first().slug}/",
        "exemplar directory": ExemplarIndexPage.objects.live().first().url,
        "exemplar profile": ExemplarPage.objects.live().first().url,
        "campaign index": CampaignIndexPage.objects.live().first().url,
        "campaign": CampaignPage.objects.live().first().url,
        "conference": ConferencePage.objects.live().first().url,
        "search": "/tim-kiem/?q=dai+hoi+thi+dua",
        "content page": ContentPage.objects.live().first().url,
        "not found": "/khong-co-trang-nay/",
    }


def violations(page):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: cd tests/js && npm ci")
def test_public_pages_have_no_serious_violations(page, live_server, demo_site):
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in public_urls().items():
            page.goto(live_server.url + url)
            problems = violations(page)
            if problems:
                found[f"{name} at {width}px"] = problems
    assert found == {}


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: cd tests/js && npm ci")
def test_the_comment_form_with_errors_is_accessible_and_announced(page, live_server, demo_site):
    from wagtail.models import Site

    from comments.models import CommentSettings
    from news.models import ArticlePage

    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.min_seconds = rules.flood_seconds = 0  # the browser types faster than a person
    rules.save()
    story = ArticlePage.objects.live().filter(comments_enabled=True).first()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + story.url)
        form = page.locator("#binh-luan-form")
        form.get_by_label("Họ tên").fill("Y Nhung")
        form.get_by_label("Email", exact=False).first.fill("khong-phai-email")
        form.locator("textarea[name=body]").fill("Ý kiến của tôi")
        form.get_by_role("button", name="Gửi bình luận").click()
        error = page.locator('[data-error-for="email"]')
        error.wait_for()
        # Announced: the form's status is an alert, and the field points at its error.
        assert page.locator("[data-form-status][role=alert]").inner_text().strip()
        email = form.locator("input[name=email]")
        assert email.get_attribute("aria-invalid") == "true"
        assert error.get_attribute("id") in (email.get_attribute("aria-describedby") or "")
        assert violations(page) == []
    # Without JavaScript the server's page with the errors is just as accessible.
    response = page.request.post(
        live_server.url + f"/binh-luan/gui/{story.pk}/",
        form={"name": "Y Nhung", "email": "x", "body": "Ý kiến", "token": "hỏng"},
    )
    page.set_content(response.text())
    assert violations(page) == []
