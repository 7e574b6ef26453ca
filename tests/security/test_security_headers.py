"""Every answer, public or admin, carries a Content-Security-Policy without inline scripts and
a Permissions-Policy; no page the admin or the public site renders relies on inline script."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_protected(response):
    policy = directives(response)
    assert policy["script-src"] == ["'self'"], policy
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert not any("'unsafe-eval'" in values for values in policy.values())
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


class InlineScripts(HTMLParser):
    """Scripts the browser would run from the page itself (JSON data blocks are not run)."""

    DATA_TYPES = {"application/json", "application/ld+json", "text/template"}

    def __init__(self):
        super().__init__()
        self.found = []
        self._inline = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._inline = "src" not in attrs and attrs.get("type") not in self.DATA_TYPES
        for name, value in attrs.items():
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self._inline and data.strip():
            self.found.append(data.strip()[:120])

    def handle_endtag(self, tag):
        if tag == "script":
            self._inline = False


def inline_scripts(html):
    parser = InlineScripts()
    parser.feed(html)
    return parser.found


def test_public_pages_feeds_and_api_carry_the_policies(client, make_story):
    story = make_story(title="Hội nghị tổng kết")
    for url in (
        "/",
        story.url,
        "/rss/",
        "/tim-kiem/?q=hoi+nghi",
        f"/api/v2/pages/{story.pk}/",
        "/khong-co-trang-nay/",
    ):
        response = client.get(url)
        assert_protected(response)
        if response["Content-Type"].startswith("text/html"):
            assert inline_scripts(response.content.decode()) == [], url
    # A page answered from the page cache carries them too.
    again = client.get(story.url)
    assert_protected(again)
    # Pages may not be framed by another site; the admin's preview frames its own.
    assert directives(again)["frame-ancestors"] == ["'none'"]


def test_admin_pages_carry_the_policies_and_run_no_inline_script(
    client, staff_user, make_story, make_image, home_page
):
    from django.core.management import call_command

    call_command("setup_roles")
    story = make_story(title="Hội nghị tổng kết", image=make_image("Toàn cảnh"))
    client.force_login(staff_user("bientap", "Biên tập viên"))
    urls = [
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        reverse("wagtailadmin_pages:add", args=["news", "articlepage", story.get_parent().pk]),
        reverse("wagtailadmin_explore", args=[story.get_parent().pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add"),
        reverse("wagtailimages:edit", args=[story.featured_image.pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailadmin_account"),
    ]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert_protected(response)
        assert inline_scripts(response.content.decode()) == [], url


def test_every_admin_page_a_superuser_reaches_from_the_menu_runs_no_inline_script(
    client, staff_user, make_story
):
    make_story(title="Hội nghị tổng kết")
    client.force_login(staff_user("admin", superuser=True))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    links = sorted(
        set(re.findall(r'href="(/admin/[^"#?]*)"', home))
        | set(re.findall(r"&quot;url&quot;: &quot;(/admin/[^&#?]*)&quot;", home))
        | set(re.findall(r'"url": "(/admin/[^"#?]*)"', home))
        | {
            "/admin/searchpicks/add/",
            "/admin/media/audio/add/",
            "/admin/media/video/add/",
            "/admin/users/add/",
            "/admin/workflows/add/",
        }
    )
    assert len(links) > 20
    problems = {}
    for url in links:
        if "logout" in url:
            continue
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            found = inline_scripts(response.content.decode())
            if found:
                problems[url] = found
    assert problems == {}
