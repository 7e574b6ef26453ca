"""Without Redis, what one process publishes is seen at once by every other.

A Redis-less install as shipped (dev settings, no REDIS_URL, one SQLite file): a web server
with two gunicorn workers serves readers, and `manage.py run_periodic --once` — another
process, as the scheduler, an import or another node would be — publishes scheduled stories.
Before the time comes the readers have opened everything (the story's URL answered 404); right
after the periodic run, home, the section, RSS, search and the story's URL all show it, from
either worker. The caches used to live in each process's memory for days.
"""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from tests.operations.test_stack import free_port, wait_for_port

SEED = """
from datetime import timedelta
from django.utils import timezone
from demo.site import load
from news.models import ArticlePage, NewsIndexPage, SectionPage

home = load()
index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc", show_in_menus=True))
index.save_revision().publish()
section = index.add_child(instance=SectionPage(title="Thời sự", slug="thoi-su"))
section.save_revision().publish()


def story(title, slug, go_live_at=None):
    page = ArticlePage(
        live=False, title=title, slug=slug, lead="Sapo của tin.",
        body=[{"type": "paragraph", "value": "<p>Nội dung bài viết.</p>"}],
    )
    section.add_child(instance=page)
    page.go_live_at = go_live_at
    page.save_revision().publish()


story("Tin đã đăng từ trước", "tin-da-dang")
soon = timezone.now() + timedelta(seconds={seconds})
story("Hội nghị hẹn giờ Ngọc Linh", "hoi-nghi-hen-gio", soon)
story("Lễ hội hẹn giờ Đăk Hà", "le-hoi-hen-gio", soon)
print(soon.timestamp())
"""

# Their addresses: every listing links them (search marks the words it found in titles).
SCHEDULED = ("/tin-tuc/thoi-su/hoi-nghi-hen-gio/", "/tin-tuc/thoi-su/le-hoi-hen-gio/")
STORY_PATH = "/tin-tuc/thoi-su/hoi-nghi-hen-gio/"
READER_PATHS = ("/", "/tin-tuc/thoi-su/", "/rss/", "/tim-kiem/?q=h%E1%BA%B9n+gi%E1%BB%9D")


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def shipped_env(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "PAGE_CACHE_TIMEOUT", "DATABASE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kontum_site.settings.dev",
        DEBUG="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.own_sqlite
def test_what_the_scheduler_publishes_every_web_worker_shows_at_once(shipped_env, tmp_path):
    manage(shipped_env, "migrate", "-v0")
    go_live = float(manage(shipped_env, "shell", "-c", SEED.replace("{seconds}", "3")).split()[-1])
    port = free_port()
    log = open(tmp_path / "web.log", "w")  # noqa: SIM115 (closed below)
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "kontum_site.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--log-level", "warning"],
        cwd=settings.BASE_DIR,
        env=shipped_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, web)
        # Readers open everything before the time: both workers cache what they saw.
        for _ in range(4):
            for path in READER_PATHS:
                status, text = get(port, path)
                assert status == 200, (path, status)
                assert not any(address in text for address in SCHEDULED), path
            assert get(port, STORY_PATH)[0] == 404
        time.sleep(max(0.0, go_live - time.time() + 0.5))  # its time came: still not live
        assert get(port, STORY_PATH)[0] == 404

        manage(shipped_env, "run_periodic", "--once")

        # At once, whichever worker answers (several requests reach both).
        for _ in range(4):
            for path in READER_PATHS:
                status, text = get(port, path)
                assert status == 200, (path, status)
                for address in SCHEDULED:
                    assert address in text, (path, address)
            status, text = get(port, STORY_PATH)
            assert status == 200
            assert "Hội nghị hẹn giờ Ngọc Linh" in text
    finally:
        web.terminate()
        web.wait(timeout=20)
        log.close()
