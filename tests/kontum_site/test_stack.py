"""The production stack, tested whole, on loopback and free ports (PostgreSQL pass only).

A private redis-server, two gunicorn nodes with production settings on one PostgreSQL
database, the task worker (`db_worker`), the periodic process (`run_periodic`), an SMTP sink
and, when varnishd is installed, Varnish balancing both nodes. Then, as an operator would
see it: a publish through node A reaches Varnish and node B; readers behind Varnish are told
apart; Redis killed mid-run changes nothing a reader sees; a mail queued while the worker
was dead arrives once it is back; the counts add up.
"""

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from comments.forms import make_token
from comments.models import Comment, Status
from tests.conftest import PrivateRedis, SmtpSink

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

VCL = Path(settings.BASE_DIR) / "kontum_site/deploy/varnish/default.vcl"
VARNISHD = (
    os.environ.get("VARNISHD") or shutil.which("varnishd") or shutil.which("/usr/sbin/varnishd")
)
CSRF = "k" * 32  # a CSRF secret of our own, sent as cookie and header


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited: {process.args}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.3).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on {port}")


def request(port, path, method="GET", data=None, headers=None, source="127.0.0.1"):
    """One HTTP request from a given loopback source address: (status, headers, text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    body = urllib.parse.urlencode(data) if data is not None else None
    all_headers = dict(headers or {})
    if body is not None:
        all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    conn.request(method, path, body=body, headers=all_headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8", "replace")
    conn.close()
    return response.status, dict(response.getheaders()), text


def wait_until(check, seconds=30, every=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    return check()


class Stack:
    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.processes = {}
        self.redis = PrivateRedis(tmp_path)
        self.smtp = SmtpSink()
        self.ports = {"a": free_port(), "b": free_port()}
        self.varnish_port = free_port() if VARNISHD else None
        name = connection.settings_dict["NAME"]
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kontum_site.settings.production",
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
            "REDIS_URL": self.redis.url,
            "TRUSTED_PROXIES": "127.0.0.1",
            "TASKS_BACKEND": "database",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp.port),
            "EMAIL_TIMEOUT": "3",
            "OUTBOX_RETRY_DELAYS": "1,1,1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "LOG_LEVEL": "ERROR",
        }
        if self.varnish_port:
            self.env["FRONTEND_CACHE_URL"] = f"http://127.0.0.1:{self.varnish_port}"

    def run(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=self.env, check=True
        )

    def spawn(self, name, command, port=None):
        log = open(self.tmp / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes[name] = (process, log)
        if port:
            wait_for_port(port, process)
        return process

    def start_node(self, name):
        port = self.ports[name]
        self.spawn(
            f"node-{name}",
            [sys.executable, "-m", "gunicorn", "kontum_site.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "2", "--log-level", "warning"],
            port=port,
        )

    def start_worker(self):
        self.spawn(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        )

    def start_periodic(self):
        self.spawn("periodic", [sys.executable, "manage.py", "run_periodic", "--tick", "0.5"])

    def start_varnish(self):
        text = VCL.read_text()
        backends = "".join(
            f'backend node_{n} {{ .host = "127.0.0.1"; .port = "{port}"; .probe = healthz; }}\n'
            for n, port in self.ports.items()
        )
        adds = "".join(f"    nodes.add_backend(node_{n});\n" for n in self.ports)
        text = re.sub(r"# BEGIN backends.*# END backends", backends, text, flags=re.S)
        text = re.sub(r"# BEGIN nodes.*# END nodes", adds, text, flags=re.S)
        vcl = self.tmp / "stack.vcl"
        vcl.write_text(text)
        self.spawn(
            "varnish",
            [VARNISHD, "-F", "-j", "none", "-n", str(self.tmp / "varnish"), "-T", "none"]
            + ["-a", f"127.0.0.1:{self.varnish_port}", "-f", str(vcl), "-s", "malloc,32m"],
            port=self.varnish_port,
        )

    def stop(self, name):
        process, log = self.processes.pop(name)
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

    def kill(self, name):
        process, log = self.processes.pop(name)
        process.kill()
        process.wait()
        log.close()

    def logs(self):
        return {p.name: p.read_text()[-3000:] for p in self.tmp.glob("*.log")}

    def close(self):
        for name in list(self.processes):
            self.kill(name)
        self.redis.kill()
        self.smtp.stop()


@pytest.fixture
def stack(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the stack runs on PostgreSQL (DATABASE_URL=postgres://…)")
    if not shutil.which("redis-server"):
        pytest.skip("redis-server not installed")
    stack = Stack(tmp_path)
    stack.redis.start()
    stack.smtp.start()
    stack.run("collectstatic", "--noinput", "-v0")
    try:
        yield stack
    finally:
        stack.close()
        with connection.cursor() as cursor:  # the nodes' connections, so the database can go
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def newsroom(make_story, make_reporter, staff_user):
    from wagtail.models import Site

    from comments.models import CommentSettings

    reporter = make_reporter("Nguyễn Thị Hồng Nhung", email="nhung@toasoan.invalid")
    story = make_story(title="Tiêu đề cũ của tin", reporters=[reporter])
    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.min_seconds = 0
    rules.save()
    admin = staff_user("bientap", superuser=True)
    return story, admin


def staff_cookie(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"Cookie": f"sessionid={session}; csrftoken={CSRF}", "X-CSRFToken": CSRF}


def comment(story, n, token=None):
    return {
        "name": f"Bạn đọc {n}",
        "email": f"reader{n}@example.invalid",
        "body": f"Ý kiến số {n} về tin này",
        "token": token or make_token(story.pk, now=time.time() - 60),
    }


JSON = {"Accept": "application/json"}


def test_the_whole_stack(stack, newsroom):
    story, admin = newsroom
    stack.start_node("a")
    stack.start_node("b")
    stack.start_worker()
    stack.start_periodic()
    if VARNISHD:
        stack.start_varnish()
    front = stack.varnish_port or stack.ports["a"]
    a, b = stack.ports["a"], stack.ports["b"]
    path = story.url
    try:
        # Warm every cache with the old title.
        for port in (front, front, a, b, b):
            status, _headers, html = request(port, path)
            assert status == 200 and "Tiêu đề cũ của tin" in html
        if VARNISHD:
            assert request(front, path)[1].get("X-Cache") == "HIT"
        assert request(b, path)[1].get("X-Page-Cache") == "hit"

        # 1. Published through node A: neither Varnish nor node B shows the old title.
        story.title = "Tiêu đề mới của tin"
        story.save_revision(user=admin)
        status, _h, _t = request(
            a,
            f"/admin/bulk/wagtailcore/page/publish/?id={story.pk}",
            "POST",
            {"csrfmiddlewaretoken": CSRF},
            staff_cookie(admin),
        )
        assert status == 302, _t[:500]
        story.refresh_from_db()
        assert story.title == "Tiêu đề mới của tin", (_h, _t[:300])
        # The front is purged by a background task (Wagtail's), within moments.
        for port in (front, b):
            assert wait_until(lambda port=port: "Tiêu đề mới của tin" in request(port, path)[2])
            assert "Tiêu đề cũ của tin" not in request(port, path)[2]

        # 2. Two readers behind Varnish post within a second; one of them twice is refused.
        url = f"/binh-luan/gui/{story.pk}/"
        first = request(front, url, "POST", comment(story, 1), JSON, source="127.0.1.2")
        second = request(front, url, "POST", comment(story, 2), JSON, source="127.0.2.2")
        assert (first[0], second[0]) == (201, 201), (first, second)
        again = request(front, url, "POST", comment(story, 3), JSON, source="127.0.1.2")
        assert again[0] == 429 and int(again[1]["Retry-After"]) >= 1
        networks = sorted(Comment.objects.values_list("ip_address", flat=True))
        assert networks == ["127.0.1.0", "127.0.2.0"]

        # 3. Redis killed mid-run: pages still 200, a comment accepted and stored once.
        stack.redis.kill()
        for n, port in enumerate((a, b, front, a, b)):
            status, _h, html = request(port, f"{path}?sau-redis={n}")
            assert status == 200 and "Tiêu đề mới của tin" in html
        status, headers, _t = request(a, "/healthz/")
        assert status == 200 and json.loads(_t)["status"] == "degraded"
        data = comment(story, 4)
        posted = request(front, url, "POST", data, JSON, source="127.0.4.2")
        retried = request(front, url, "POST", data, JSON, source="127.0.4.2")
        assert (posted[0], retried[0]) == (201, 201), (posted, retried)
        assert Comment.objects.filter(author_email="reader4@example.invalid").count() == 1
        stack.redis.start()

        # 4. The worker killed before a send: the mail arrives once it is back.
        stack.kill("worker")
        stack.stop("periodic")  # only the worker may send it in this step
        pending = Comment.objects.get(author_email="reader1@example.invalid")
        assert pending.status == Status.PENDING
        status, _h, answer = request(
            b,
            "/admin/snippets/comments/comment/moderate/",
            "POST",
            {"action": "approve", "id": pending.pk},
            {**staff_cookie(admin), **JSON},
        )
        assert status == 200 and json.loads(answer)["changed"] == 1
        time.sleep(2)
        assert "nhung@toasoan.invalid" not in stack.smtp.recipients()
        stack.start_worker()
        assert wait_until(lambda: "nhung@toasoan.invalid" in stack.smtp.recipients())

        # 5. A story scheduled a few seconds ahead goes live, through the caches, with only
        #    the shipped processes running.
        stack.start_periodic()
        index = story.get_parent().url
        assert "Tin hẹn giờ" not in request(front, index)[2]
        later = type(story)(title="Tin hẹn giờ lên trang", lead="Sapo.", live=False)
        later.go_live_at = timezone.now() + timedelta(seconds=3)
        story.get_parent().add_child(instance=later)
        later.save_revision(user=admin).publish()
        assert wait_until(lambda: "Tin hẹn giờ lên trang" in request(front, index)[2], 45)
        assert "Tin hẹn giờ lên trang" in request(b, index)[2]
    except AssertionError:
        from django_tasks_db.models import DBTaskResult

        print(json.dumps(stack.logs(), ensure_ascii=False, indent=1))
        for result in DBTaskResult.objects.all():
            print(result.task_path, result.status, result.exception_class_path, result.traceback)
        raise

    # The counts add up: every accepted comment stored once, one mail to the reporter.
    assert Comment.objects.count() == 3
    assert stack.smtp.recipients().count("nhung@toasoan.invalid") == 1
