"""Playwright drives the system Chromium (no browser downloads here).

Set CHROMIUM to the browser's path; without one, browser tests are skipped with a reason.
"""

import io
import os
import re
import shutil

import pytest
from django.urls import reverse

CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="No Chromium found: install Debian's chromium or set CHROMIUM")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGS}


@pytest.fixture
def screenshot_dir():
    path = os.environ.get("SCREENSHOT_DIR", "test-results/screenshots")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture
def admin_login(page, live_server, news_index, staff_user):
    """A superuser signed in to the admin in the browser; returns the news section."""
    from django.urls import reverse

    staff_user("bientap", superuser=True)
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "pw")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return news_index


@pytest.fixture
def people_browsers(browser):
    """Each person's browser, closed when the test ends: an admin editor left open keeps
    pinging the server (editing sessions) into the next tests."""
    opened = []
    yield opened
    for context in opened:
        context.close()


@pytest.fixture
def sign_in_as(browser, live_server, people_browsers):
    """Sign a staff member in, in a browser of their own; returns their page (the dashboard)."""
    from django.urls import reverse

    def sign_in(username):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        people_browsers.append(context)
        page = context.new_page()
        page.goto(live_server.url + reverse("wagtailadmin_login"))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw")
        page.locator("form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/$"))
        return page

    return sign_in


@pytest.fixture
def editor(page, live_server, news_index, staff_user):
    """The page, signed in to the admin as an editor (Biên tập viên), never a superuser."""
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    staff_user("bientap", "Biên tập viên")
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "pw")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page
