"""Shared fixtures: the site tree, stories, users in the editorial groups."""

import os
import threading
import time
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.snapshots import key_of, replay

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + ORM in browser tests


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    from tests.snapshots import forget

    forget()  # a new test: its database is the one before any build


def pytest_sessionfinish(session):
    """An xdist worker hands its fixture-build counts to the controller."""
    if hasattr(session.config, "workeroutput"):
        from tests.snapshots import STATS

        session.config.workeroutput["snapshot_stats"] = dict(STATS)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: no xdist, never called
def pytest_testnodedown(node, error):
    """The controller adds up the workers' counts (printed in the summary below)."""
    from tests.snapshots import STATS

    for name, count in getattr(node, "workeroutput", {}).get("snapshot_stats", {}).items():
        STATS[name] += count


def pytest_terminal_summary(terminalreporter):
    from tests.snapshots import STATS

    if any(STATS.values()):
        counts = ", ".join(f"{name} {count}" for name, count in STATS.items())
        terminalreporter.write_line(f"fixture builds (tests/snapshots.py): {counts}")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


class Clock:
    """The clock moves forward instead of the test sleeping: ``advance(seconds)`` moves
    ``time.time()`` and ``django.utils.timezone.now()`` (and all read from them: signed
    tokens, cache expiry, rate windows, saved dates) by that much, in this process. Time
    still flows as usual in between."""

    def __init__(self, monkeypatch):
        self.offset = 0.0
        real_time, real_now = time.time, timezone.now
        monkeypatch.setattr(time, "time", lambda: real_time() + self.offset)
        monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=self.offset))

    def advance(self, seconds):
        self.offset += seconds

    def time(self):
        return time.time()


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def home_page(db):
    from demo.site import load

    return replay("home_page", load)


@pytest.fixture
def news_index(home_page):
    from news.models import NewsIndexPage

    def build():
        index = home_page.add_child(
            instance=NewsIndexPage(title="Tin tức", slug="tin-tuc", show_in_menus=True)
        )
        index.save_revision().publish()
        return index

    return replay("news_index", build)


def setup_roles():
    """`manage.py setup_roles`, replayed when the database is the same as last time."""
    import io

    from django.core.management import call_command

    replay("setup_roles", lambda: call_command("setup_roles", stdout=io.StringIO()))


# The fields an admin "add story" POST needs besides title and slug (empty inline formsets).
ARTICLE_ADD_FORM = {
    "kind": "tin",
    "lead": "Sapo.",
    "body-count": "0",
    "tags": "",
    "comments_enabled": "on",
    **{
        f"{prefix}-{key}": value
        for prefix in ("bylines", "exemplar_links", "related_links", "notes")
        for key, value in (
            ("TOTAL_FORMS", "0"),
            ("INITIAL_FORMS", "0"),
            ("MIN_NUM_FORMS", "0"),
            ("MAX_NUM_FORMS", "1000"),
        )
    },
}


def admin_form_data(client, url, form_id="page-edit-form"):
    """An admin form as the browser would send it back: every field as the page shows it."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(client.get(url).content, "html.parser").find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.get("value", "")
    return data


def aware(year, month, day, hour=8):
    return timezone.make_aware(datetime(year, month, day, hour, 0))


@pytest.fixture
def make_edition(home_page):
    """make_edition("en"): the edition's live home, a translation of the Vietnamese home (as
    the desk makes it with Wagtail's Translate action)."""
    from wagtail.models import Locale

    def build(code, title):
        edition_home = home_page.copy_for_translation(Locale.objects.get(language_code=code))
        edition_home.title = title
        edition_home.save_revision().publish()
        edition_home.refresh_from_db()
        return edition_home

    def make(code, title=None):
        title = title or f"Kon Tum Online ({code})"
        return replay(("make_edition", code, title), lambda: build(code, title)).specific

    return make


@pytest.fixture
def translate(db):
    """translate(page, "en", title=…, **fields): the page's published translation in that
    edition; its parents are translated first (as aliases) when they have none there yet."""
    from wagtail.models import Locale

    def build(page, code, fields):
        copy = page.specific.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        )
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        copy.refresh_from_db()
        return copy

    def make(page, code, **fields):
        key = ("translate", page.pk, code, key_of(fields))
        return replay(key, lambda: build(page, code, fields)).specific

    return make


@pytest.fixture
def make_image(db):
    import wagtail_factories

    def make(title="Ảnh mẫu"):
        return wagtail_factories.ImageFactory(title=title)

    return make


@pytest.fixture
def make_reporter(db):
    from news.models import Reporter

    def make(name="Nguyễn Thị Hồng Nhung", **fields):
        return Reporter.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_story(news_index):
    from news.models import ArticleByline, ArticlePage

    def make(
        title="Đại hội Thi đua yêu nước",
        lead="Sapo của tin.",
        tags=(),
        date=None,
        image=None,
        reporters=(),
        publish=True,
        parent=None,
        body=None,
        **fields,
    ):
        arguments = dict(
            title=title, lead=lead, tags=tags, date=date, image=image, reporters=reporters
        )
        arguments.update(publish=publish, parent=parent, body=body, **fields)
        return replay(("make_story", key_of(arguments)), lambda: build(**arguments))

    def build(title, lead, tags, date, image, reporters, publish, parent, body, **fields):
        story = ArticlePage(
            live=False,
            title=title,
            lead=lead,
            display_date=date,
            featured_image=image,
            body=body or [{"type": "paragraph", "value": "<p>Nội dung bài viết.</p>"}],
            **fields,
        )
        for reporter in reporters:
            story.bylines.add(ArticleByline(reporter=reporter))
        if tags:
            story.tags.add(*tags)
        (parent or news_index).add_child(instance=story)
        revision = story.save_revision()
        if publish:
            revision.publish()
            story.refresh_from_db()
        return story

    return make


@pytest.fixture
def staff_user(db):
    from django.contrib.auth.models import Group, User

    def make(username, group_name=None, superuser=False):
        if superuser:
            return User.objects.create_superuser(username, f"{username}@example.invalid", "pw")
        user = User.objects.create_user(username, f"{username}@example.invalid", "pw")
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


class PrivateRedis:
    """A redis-server of the test's own on a free port: tests that kill or break Redis never
    touch the shared one."""

    def __init__(self, directory):
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.directory = directory
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        import shutil
        import socket
        import subprocess
        import time

        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)


@pytest.fixture
def private_redis(tmp_path):
    import shutil

    if not shutil.which("redis-server"):
        pytest.skip("redis-server not installed (apt-get install redis-server)")
    server = PrivateRedis(tmp_path).start()
    yield server
    server.kill()


def resilient_cache_settings(url):
    return {
        "default": {
            "BACKEND": "caching.resilient_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "kontum",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def redis_cache(private_redis, settings):
    """The site's cache on a private Redis, through the production backend."""
    from caching import resilient_cache

    settings.CACHES = resilient_cache_settings(private_redis.url)
    resilient_cache._Breaker.down_since = None
    resilient_cache._Breaker.retry_at = 0.0
    yield private_redis
    resilient_cache._Breaker.down_since = None
    resilient_cache._Breaker.retry_at = 0.0


class SmtpSink:
    """A local SMTP server (aiosmtpd) that keeps what it receives; start/stop at will."""

    def __init__(self):
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.messages = []
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                sink.messages.append(envelope)
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def recipients(self):
        return sorted(to for message in self.messages for to in message.rcpt_tos)


@pytest.fixture
def smtp_sink(settings):
    """Django sends real SMTP to a sink on loopback (not the locmem outbox)."""
    sink = SmtpSink()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_TIMEOUT = 2
    yield sink
    sink.stop()


@pytest.fixture(autouse=True)
def _live_server_quiet_at_the_end(request):
    """A test with a live server ends only when the server has answered every request the
    browser sent (an autosave, a reading beacon sent as the page closes). On SQLite the server
    shares the test's connection: a request still running while the next test empties the
    database left that connection outside autocommit, and every later test failed."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")  # torn down (emptied) after this fixture
    server = request.getfixturevalue("live_server")
    busy = _count_requests(server.thread.httpd)
    yield
    time.sleep(0.1)  # a request the closing page sent is on its way
    deadline = time.monotonic() + 10
    while busy() and time.monotonic() < deadline:
        time.sleep(0.02)


def _count_requests(httpd):
    app = httpd.get_app()
    if hasattr(app, "requests_running"):
        return app.requests_running
    running = [0]
    lock = threading.Lock()

    def counting(environ, start_response):
        with lock:
            running[0] += 1
        try:
            return app(environ, start_response)
        finally:
            with lock:
                running[0] -= 1

    counting.requests_running = lambda: running[0]
    httpd.set_app(counting)
    return counting.requests_running
