"""The production stack as shipped, tested whole, on loopback and free ports (PostgreSQL only).

Readers arrive over https: nginx (the shipped kontum.conf with a self-signed certificate) →
Varnish (the shipped VCL with only its backend ports set, run with the flags of the shipped
systemd drop-in) → two gunicorn nodes (the flags of kontum-web@.service) with the production
settings and the environment of env.example (only addresses, secrets and mail changed: no
TLS-less switch). Behind them: a private redis-server, one PostgreSQL database, the task worker
(`db_worker`), the periodic process (`run_periodic`) and an SMTP sink. Then, as an operator
would see it: readers get pages (the health probe works with the https redirect on); a
plain-HTTP answer never reaches an https reader; a publish through node A reaches Varnish and
node B; readers behind the proxies are told apart; Redis killed mid-run changes nothing a
reader sees; a mail queued while the worker was dead arrives once it is back; a takedown
reaches every page, feed, API and search answer within 10 s, with and without the worker; the
front serves again within 5 s of the database's return.
"""

import contextlib
import http.client
import json
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import threading
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
from tests.conftest import PrivateRedis, SmtpSink, setup_roles
from tests.waiting import wait_until

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

DEPLOY = Path(settings.BASE_DIR) / "deploy"
VCL = DEPLOY / "varnish/default.vcl"
NGINX_SITE = DEPLOY / "nginx/kontum.conf"
WEB_UNIT = DEPLOY / "systemd/kontum-web@.service"
STAFF_UNIT = DEPLOY / "systemd/kontum-staff@.service"
VARNISH_UNIT = DEPLOY / "systemd/varnish.service.d/kontum.conf"
ENV_EXAMPLE = DEPLOY / "systemd/env.example"
VARNISHD = (
    os.environ.get("VARNISHD") or shutil.which("varnishd") or shutil.which("/usr/sbin/varnishd")
)
VARNISHADM = shutil.which("varnishadm")
NGINX = os.environ.get("NGINX") or shutil.which("nginx") or shutil.which("/usr/sbin/nginx")
OPENSSL = shutil.which("openssl")
HOST = "kontumtv.vn"  # the site's name in the shipped files (nginx server_name, probe, env)
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


def request(port, path, method="GET", data=None, headers=None, source="127.0.0.1", tls=None):
    """One HTTP(S) request from a given loopback source address: (status, headers, text)."""
    if tls is None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    else:
        conn = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=60, source_address=(source, 0), context=tls
        )
    body = urllib.parse.urlencode(data) if data is not None else None
    all_headers = {"Host": HOST, **(headers or {})}
    if body is not None:
        all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    conn.request(method, path, body=body, headers=all_headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8", "replace")
    conn.close()
    return response.status, dict(response.getheaders()), text


def unit_command(unit):
    """The command line of a systemd unit's (or drop-in's) last non-empty ExecStart."""
    text = re.sub(r"\\\n\s*", " ", unit.read_text())
    commands = [
        line.split("=", 1)[1] for line in text.splitlines() if line.startswith("ExecStart=")
    ]
    return shlex.split([command for command in commands if command.strip()][-1])


def substitute(text, pattern, replacement):
    """re.sub that insists the shipped file still has what the test replaces."""
    changed, count = re.subn(pattern, replacement, text)
    assert count, f"{pattern!r} not found in a shipped file"
    return changed


def env_example():
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            values[name.strip()] = value.strip()
    return values


class DatabaseProxy:
    """A TCP relay between the nodes and PostgreSQL: stopping it is the database going away
    (without stopping the shared server); starting it again is its return."""

    def __init__(self, target_port=5432):
        self.port = free_port()
        self.target_port = target_port
        self.listener = None
        self.sockets = []
        self.lock = threading.Lock()

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _close(sock):
        for step in (lambda: sock.shutdown(socket.SHUT_RDWR), sock.close):
            with contextlib.suppress(OSError):
                step()

    def _pump(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source)
            self._close(target)

    def stop(self):
        self._close(self.listener)
        with self.lock:
            for sock in self.sockets:
                self._close(sock)
            self.sockets.clear()


class Stack:
    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.processes = {}
        self.redis = PrivateRedis(tmp_path)
        self.smtp = SmtpSink()
        self.database = DatabaseProxy()
        self.ports = {"a": free_port(), "b": free_port()}
        # The staff node's port (default.vcl's `staff` backend); started only by the tests
        # that need it (start_staff): elsewhere the admin goes to the readers' nodes.
        self.staff_port = free_port()
        self.varnish_port = free_port()
        self.https_port = free_port()
        self.http_port = free_port()
        self.tls = None
        name = connection.settings_dict["NAME"]
        self.worker_env = {
            **os.environ,
            **env_example(),
            # Only what points at this machine changes; every switch stays as shipped.
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
            "REDIS_URL": self.redis.url,
            "FRONTEND_CACHE_URL": f"http://127.0.0.1:{self.varnish_port}",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp.port),
            "EMAIL_USE_TLS": "0",
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": "3",
            "OUTBOX_RETRY_DELAYS": "1,1,1",
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "KONTUM_RELEASE": "stack-test",
            "LOG_LEVEL": "ERROR",
        }
        # The nodes reach the database through the relay (the database "goes away" there).
        self.env = {
            **self.worker_env,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.database.port}/{name}",
        }

    def run(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.worker_env,
            check=True,
        )

    def spawn(self, name, command, port=None, env=None):
        log = open(self.tmp / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes[name] = (process, log)
        if port:
            wait_for_port(port, process)
        return process

    def start_node(self, name):
        """gunicorn with the flags of the shipped unit, %i being this node's port."""
        self.start_gunicorn(f"node-{name}", WEB_UNIT, self.ports[name])

    def start_staff(self):
        """The staff node: gunicorn with the flags of kontum-staff@.service."""
        self.start_gunicorn("staff", STAFF_UNIT, self.staff_port)

    def start_gunicorn(self, name, unit, port):
        command = unit_command(unit)
        assert command[0].endswith("/gunicorn")
        flags = [part.replace("%i", str(port)) for part in command[1:]]
        assert f"127.0.0.1:{port}" in flags  # loopback only, as shipped
        self.spawn(name, [sys.executable, "-m", "gunicorn", *flags], port=port)

    def wait_for_nodes(self):
        """Until every node answers its health check (workers booted: slow on a busy box)."""
        for name in self.ports:
            assert wait_until(lambda name=name: self.node(name, "/healthz/")[0] == 200, 120)

    def start_worker(self):
        self.spawn(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            env=self.worker_env,
        )

    def start_periodic(self):
        self.spawn(
            "periodic",
            [sys.executable, "manage.py", "run_periodic", "--tick", "0.5"],
            env=self.worker_env,
        )

    def vcl(self):
        """The shipped VCL with its one backend copied for each node, only the port set."""
        text = VCL.read_text()
        backend = re.search(r"# BEGIN backends\n(.*?)# END backends", text, re.S).group(1)
        add = re.search(r"# BEGIN nodes\n(.*?)# END nodes", text, re.S).group(1)
        assert '.port = "8000"' in backend and "node1" in backend and "node1" in add
        backends = "".join(
            backend.replace("node1", f"node_{n}").replace('"8000"', f'"{port}"')
            for n, port in self.ports.items()
        )
        adds = "".join(add.replace("node1", f"node_{n}") for n in self.ports)
        text = text.replace(backend, backends).replace(add, adds)
        staff = re.search(r"# BEGIN staff\n(.*?)# END staff", text, re.S).group(1)
        assert '.port = "8100"' in staff
        text = text.replace(staff, staff.replace('"8100"', f'"{self.staff_port}"'))
        vcl = self.tmp / "stack.vcl"
        vcl.write_text(text)
        return vcl

    def start_varnish(self):
        """varnishd with the flags of the shipped drop-in: its ports, this VCL, a secret of
        its own, no jail (the test may not be root), a working directory of its own."""
        command = unit_command(VARNISH_UNIT)
        assert command[0].endswith("varnishd")
        secret = self.tmp / "varnish-secret"
        secret.write_text(os.urandom(16).hex())

        def loopback(port):
            def replace(address):
                assert address.startswith("127.0.0.1:"), address  # loopback only, as shipped
                return f"127.0.0.1:{port}"

            return replace

        replace = {"-a": loopback(self.varnish_port), "-T": loopback(free_port())}
        replace |= {"-f": lambda _v: str(self.vcl()), "-S": lambda _v: str(secret)}
        replace |= {"-j": lambda _v: "none"}
        flags, parts = [], iter(command[1:])
        for part in parts:
            if part in replace:
                value = replace[part](next(parts))
                if value is not None:
                    flags += [part, value]
            else:
                flags.append(part)
        assert "-a" in flags and "-f" in flags
        self.spawn(
            "varnish",
            [VARNISHD, *flags, "-n", str(self.tmp / "varnish")],
            port=self.varnish_port,
        )

    def start_nginx(self):
        """nginx with the shipped server blocks: only ports, certificate and media paths set."""
        cert, key = self.tmp / "fullchain.pem", self.tmp / "privkey.pem"
        subprocess.run(
            [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
            + ["-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST},DNS:www.{HOST}"]
            + ["-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )
        self.tls = ssl.create_default_context(cafile=str(cert))
        self.tls.check_hostname = False  # we dial 127.0.0.1; the chain is still verified
        site = NGINX_SITE.read_text()
        site = substitute(site, r"listen\s+443\b", f"listen 127.0.0.1:{self.https_port}")
        site = substitute(site, r"listen\s+80\b", f"listen 127.0.0.1:{self.http_port}")
        site = substitute(site, r"/etc/ssl/kontumtv\.vn/fullchain\.pem", str(cert))
        site = substitute(site, r"/etc/ssl/kontumtv\.vn/privkey\.pem", str(key))
        site = substitute(site, r"127\.0\.0\.1:6081", f"127.0.0.1:{self.varnish_port}")
        site = substitute(site, r"/srv/kontum-media", str(settings.MEDIA_ROOT))
        (self.tmp / "kontum.conf").write_text(site)
        temp = self.tmp / "nginx"
        temp.mkdir()
        main = self.tmp / "nginx.conf"
        main.write_text(
            f"daemon off;\nworker_processes 1;\npid {temp}/nginx.pid;\n"
            f"error_log {temp}/error.log;\nevents {{ worker_connections 256; }}\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            f"    access_log {temp}/access.log;\n"
            + "".join(
                f"    {kind}_temp_path {temp}/{kind};\n"
                for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + f"    include {self.tmp / 'kontum.conf'};\n}}\n"
        )
        self.spawn(
            "nginx",
            [NGINX, "-c", str(main), "-p", str(temp), "-e", str(temp / "error.log")],
            port=self.https_port,
        )

    def backend_list(self):
        """`varnishadm backend.list`: every backend with its probes and health."""
        return subprocess.run(
            [VARNISHADM, "-n", str(self.tmp / "varnish"), "backend.list"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def backends(self):
        """{backend: (good probes/window, "healthy" or "sick")} as Varnish sees the nodes."""
        listing = self.backend_list()
        found = {}
        for line in listing.splitlines():
            parts = line.split()
            # The probed backends (node_a...), not their unprobed twins (default.vcl).
            if parts and ".node_" in parts[0] and not parts[0].endswith("_unprobed"):
                found[parts[0].rsplit(".", 1)[1]] = (parts[2], parts[3].lower())
        assert len(found) == len(self.ports), listing
        return found

    def staff_health(self):
        """The staff node as Varnish sees it: "healthy" or "sick"."""
        listing = self.backend_list()
        found = [line.split()[3].lower() for line in listing.splitlines() if ".staff " in line]
        assert len(found) == 1, listing
        return found[0]

    def probes(self, health, full=False):
        """True when Varnish holds every node in this state (with `full`: and every probe in
        its window answered well, not only the `.initial` ones it starts with)."""
        return all(
            state == health and (not full or len(set(probe.split("/"))) == 1)
            for probe, state in self.backends().values()
        )

    def start_front(self):
        self.wait_for_nodes()
        self.start_varnish()
        self.start_nginx()

    def front(self, path, method="GET", data=None, headers=None, source="127.0.0.1"):
        """A reader's request: https, to nginx."""
        headers = dict(headers or {})
        if method != "GET":
            headers.setdefault("Origin", f"https://{HOST}")
        return request(self.https_port, path, method, data, headers, source, tls=self.tls)

    def node(self, name, path, headers=None):
        """Straight to a node, as Varnish asks it (https said by nginx)."""
        headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        return request(self.ports[name], path, headers=headers)

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
        return {p.name: p.read_text()[-3000:] for p in self.tmp.rglob("*.log")}

    def close(self):
        for name in list(self.processes):
            self.kill(name)
        self.database.stop()
        self.redis.kill()
        self.smtp.stop()


@pytest.fixture
def stack(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the stack runs on PostgreSQL (DATABASE_URL=postgres://…)")
    needed = [(shutil.which("redis-server"), "redis-server"), (VARNISHD, "varnish")]
    for program, package in [*needed, (VARNISHADM, "varnish")]:
        if not program:
            pytest.skip(f"{package} not installed")
    if not NGINX or not OPENSSL:
        pytest.skip("nginx or openssl not installed")
    stack = Stack(tmp_path)
    stack.redis.start()
    stack.smtp.start()
    stack.database.start()
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
def section(news_index):
    from news.models import SectionPage

    section = news_index.add_child(instance=SectionPage(title="Thời sự", slug="thoi-su"))
    section.save_revision().publish()
    return section


@pytest.fixture
def newsroom(make_story, make_reporter, staff_user, section):
    from wagtail.models import Site

    from comments.models import CommentSettings

    reporter = make_reporter("Nguyễn Thị Hồng Nhung", email="nhung@toasoan.invalid")
    story = make_story(title="Tiêu đề cũ của tin", reporters=[reporter], parent=section)
    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.min_seconds = 0
    rules.save()
    setup_roles()  # after the section: its desk heads and its workflow
    # The editor-in-chief publishes and takes stories down in the sections (news/roles.py).
    chief = staff_user("tongbientap", "Tổng biên tập")
    return story, chief


@pytest.fixture
def moderator(newsroom, staff_user):
    """A member of "Kiểm duyệt viên": comments and their rules, nothing else."""
    return staff_user("kiemduyet", "Kiểm duyệt viên")


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


def listing_paths(story, word):
    """Everywhere a live story shows: its page, home, its section, the feeds, the API, the
    sitemap and search."""
    section = story.get_parent()
    return [
        story.url,
        "/",
        section.url,
        "/rss/",
        f"/rss/chuyen-muc/{section.slug}/",
        f"/api/v2/pages/{story.pk}/",
        "/api/v2/pages/?type=news.ArticlePage",
        "/sitemap.xml",
        f"/tim-kiem/?q={urllib.parse.quote(word)}",
    ]


def shows(stack, path, story):
    status, headers, text = stack.front(path)
    return status == 200 and story.url in text


def warm(stack, paths, story):
    """Every path shows the story, from Varnish, and says how long it may be kept."""
    for path in paths:
        assert wait_until(lambda path=path: shows(stack, path, story), 15), path
        status, headers, _text = stack.front(path)
        assert headers.get("X-Cache") == "HIT", (path, headers)
        assert "s-maxage=" in headers.get("Cache-Control", ""), (path, headers)


def takedown(stack, story, admin, paths):
    """Unpublish through the admin (behind the front); seconds until each path stops showing
    the story through the front."""
    started = time.monotonic()
    status, _h, text = stack.front(
        f"/admin/pages/{story.pk}/unpublish/",
        "POST",
        {"csrfmiddlewaretoken": CSRF},
        staff_cookie(admin),
    )
    assert status == 302, text[:500]
    gone = {}
    while len(gone) < len(paths) and time.monotonic() - started < 30:
        for path in paths:
            if path not in gone and not shows(stack, path, story):
                gone[path] = round(time.monotonic() - started, 2)
        time.sleep(0.1)
    return gone


def test_the_whole_stack(stack, newsroom, moderator, make_story, capsys):
    story, admin = newsroom
    stack.start_node("a")
    stack.start_node("b")
    stack.start_worker()
    stack.start_periodic()
    stack.start_front()
    b = "b"
    path = story.url
    try:
        # 0. With the production defaults (the https redirect on) the probe finds the nodes
        #    healthy: readers over https get pages, not Varnish's 503.
        assert wait_until(lambda: stack.probes("healthy", full=True), 30), stack.backends()
        answers = [stack.front(path)[0] for _ in range(20)]
        assert answers == [200] * 20
        # nginx sends plain HTTP to https; a plain-HTTP request reaching Varnish gets the
        # site's redirect, which is never served to an https reader (nor the other way).
        status, headers, _t = request(stack.http_port, path)
        assert status == 301 and headers["Location"] == f"https://{HOST}{path}"
        for _ in range(2):
            status, headers, _t = request(stack.varnish_port, f"{path}?kenh=1")
            assert status == 301 and headers["Location"] == f"https://{HOST}{path}?kenh=1"
        for _ in range(3):
            assert stack.front(f"{path}?kenh=1")[0] == 200
        assert request(stack.varnish_port, f"{path}?kenh=1")[0] == 301

        # Warm every cache with the old title.
        for port_name in ("front", "front", "a", "b", "b"):
            if port_name == "front":
                status, _headers, html = stack.front(path)
            else:
                status, _headers, html = stack.node(port_name, path)
            assert status == 200 and "Tiêu đề cũ của tin" in html
        assert stack.front(path)[1].get("X-Cache") == "HIT"
        assert stack.node(b, path)[1].get("X-Page-Cache") == "hit"

        # 1. Published by an editor behind the front: neither Varnish nor node B shows the
        #    old title (the purge is sent at once after the commit).
        story.title = "Tiêu đề mới của tin"
        story.save_revision(user=admin)
        status, _h, _t = stack.front(
            f"/admin/bulk/wagtailcore/page/publish/?id={story.pk}",
            "POST",
            {"csrfmiddlewaretoken": CSRF},
            staff_cookie(admin),
        )
        assert status == 302, _t[:500]
        story.refresh_from_db()
        assert story.title == "Tiêu đề mới của tin", (_h, _t[:300])
        assert wait_until(lambda: "Tiêu đề mới của tin" in stack.front(path)[2], 10)
        assert "Tiêu đề cũ của tin" not in stack.front(path)[2]
        assert "Tiêu đề mới của tin" in stack.node(b, path)[2]

        # 2. Two readers behind nginx and Varnish post within a second; one of them twice
        #    is refused.
        url = f"/binh-luan/gui/{story.pk}/"
        first = stack.front(url, "POST", comment(story, 1), JSON, source="127.0.1.2")
        second = stack.front(url, "POST", comment(story, 2), JSON, source="127.0.2.2")
        assert (first[0], second[0]) == (201, 201), (first, second)
        again = stack.front(url, "POST", comment(story, 3), JSON, source="127.0.1.2")
        assert again[0] == 429 and int(again[1]["Retry-After"]) >= 1
        networks = sorted(Comment.objects.values_list("ip_address", flat=True))
        assert networks == ["127.0.1.0", "127.0.2.0"]

        # 3. Redis killed mid-run: pages still 200, a comment accepted and stored once.
        stack.redis.kill()
        for n, name in enumerate(("a", "b", "front", "a", "b")):
            where = f"{path}?sau-redis={n}"
            status, _h, html = stack.front(where) if name == "front" else stack.node(name, where)
            assert status == 200 and "Tiêu đề mới của tin" in html
        status, headers, _t = stack.node("a", "/healthz/")
        assert status == 200 and json.loads(_t)["status"] == "degraded"
        data = comment(story, 4)
        posted = stack.front(url, "POST", data, JSON, source="127.0.4.2")
        retried = stack.front(url, "POST", data, JSON, source="127.0.4.2")
        assert (posted[0], retried[0]) == (201, 201), (posted, retried)
        assert Comment.objects.filter(author_email="reader4@example.invalid").count() == 1
        stack.redis.start()

        # 4. The worker killed before a send: the approved comment is on the page through
        #    the front at once (the purge does not wait for the worker); the mail arrives
        #    once the worker is back.
        stack.kill("worker")
        stack.stop("periodic")  # only the worker may send it in this step
        pending = Comment.objects.get(author_email="reader1@example.invalid")
        assert pending.status == Status.PENDING
        assert "Ý kiến số 1" not in stack.front(path)[2]
        stack.front(path)
        approved_at = time.monotonic()
        status, _h, answer = stack.front(
            "/admin/snippets/comments/comment/moderate/",
            "POST",
            {"action": "approve", "id": pending.pk},
            {**staff_cookie(moderator), **JSON},
        )
        assert status == 200 and json.loads(answer)["changed"] == 1
        assert wait_until(lambda: "Ý kiến số 1" in stack.front(path)[2], 10)
        moderation_seconds = round(time.monotonic() - approved_at, 2)
        time.sleep(2)
        assert "nhung@toasoan.invalid" not in stack.smtp.recipients()
        stack.start_worker()
        assert wait_until(lambda: "nhung@toasoan.invalid" in stack.smtp.recipients())

        # 5. A story scheduled a few seconds ahead goes live, through the caches, with only
        #    the shipped processes running.
        stack.start_periodic()
        index = story.get_parent().url
        assert "Tin hẹn giờ" not in stack.front(index)[2]
        later = type(story)(title="Tin hẹn giờ lên trang", lead="Sapo.", live=False)
        later.go_live_at = timezone.now() + timedelta(seconds=3)
        story.get_parent().add_child(instance=later)
        later.save_revision(user=admin).publish()
        assert wait_until(lambda: "Tin hẹn giờ lên trang" in stack.front(index)[2], 45)
        assert "Tin hẹn giờ lên trang" in stack.node(b, index)[2]
        later.refresh_from_db()

        # 6. Takedowns through the front: everywhere a story shows, within 10 s, with the
        #    worker running and with it stopped.
        paths = listing_paths(story, "Tiêu đề mới")
        warm(stack, paths, story)
        with_worker = takedown(stack, story, admin, paths)
        stack.stop("worker")
        paths = listing_paths(later, "Tin hẹn giờ")
        warm(stack, paths, later)
        without_worker = takedown(stack, later, admin, paths)
        with capsys.disabled():
            print(
                "\nTakedown through Varnish, seconds per path, worker running:",
                json.dumps(with_worker),
                "\nworker stopped:",
                json.dumps(without_worker),
                f"\ncomment approval on the page, worker stopped: {moderation_seconds} s",
            )
        assert set(with_worker) == set(listing_paths(story, "Tiêu đề mới"))
        assert set(without_worker) == set(paths)
        assert max(with_worker.values()) < 10 and max(without_worker.values()) < 10
        stack.start_worker()
    except Exception:
        from django_tasks_db.models import DBTaskResult

        print(json.dumps(stack.logs(), ensure_ascii=False, indent=1))
        for result in DBTaskResult.objects.all():
            print(result.task_path, result.status, result.exception_class_path, result.traceback)
        raise

    # The counts add up: every accepted comment stored once, one mail to the reporter.
    assert Comment.objects.count() == 3
    assert stack.smtp.recipients().count("nhung@toasoan.invalid") == 1


def test_the_front_serves_again_within_5_s_of_the_database(stack, newsroom, capsys):
    """The probe (default.vcl) takes the nodes out while their database is gone and puts them
    back within 5 s of its return."""
    story, _admin = newsroom
    stack.start_node("a")
    stack.start_node("b")
    stack.start_front()
    fresh = iter(range(10**6))

    def front_status():
        return stack.front(f"{story.url}?lan={next(fresh)}")[0]

    assert wait_until(lambda: stack.probes("healthy", full=True), 30), stack.backends()
    assert front_status() == 200
    stack.database.stop()
    gone = time.monotonic()
    assert wait_until(lambda: stack.probes("sick"), 10), stack.backends()
    sick_after = round(time.monotonic() - gone, 2)
    # With every node out, a miss still asks a node (default.vcl, vcl_backend_fetch): what
    # needs the database gets the site's own 503 (its Retry-After), not Varnish's…
    status, headers, _text = stack.front(f"/tim-kiem/?q=thi+dua+{next(fresh)}")
    assert status == 503 and headers.get("Retry-After") == "30", (status, headers)
    # …and a page is the node's answer too: served from its cached parts when none of them
    # needs the database (routing, the Site, the settings and fragments are in the cache),
    # else the site's 503.
    status, headers, text = stack.front(f"{story.url}?lan={next(fresh)}")
    served = status == 200 and story.title in text
    assert served or (status == 503 and headers.get("Retry-After") == "30"), (status, headers)
    stack.database.start()
    back = time.monotonic()
    assert wait_until(lambda: stack.probes("healthy") and front_status() == 200, 10, every=0.1)
    seconds = round(time.monotonic() - back, 2)
    with capsys.disabled():
        print(
            f"\nVarnish took the nodes out {sick_after} s after the database went;"
            f" the front served again {seconds} s after it came back"
        )
    assert seconds <= 5
