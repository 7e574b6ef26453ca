"""Playwright drives the system Chromium (no browser downloads here).

Set CHROMIUM to the browser's path; without one, browser tests are skipped with a reason.
"""

import os
import re
import shutil

import pytest

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
