"""Faults (issue 21, item 7), on real processes against a file SQLite database.

- The database down: every public address answers 503 with Retry-After (JSON where JSON was
  asked, a Vietnamese page otherwise), never 500; the page cache still serves what it has;
  the site answers again as soon as the database is back.
- A `db_worker` killed in the middle of a task: the task stays RUNNING until the periodic
  process (`run_periodic`) finds it older than TASKS_STALE_AFTER and queues it again; the next
  worker runs it to the end.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from tests.waiting import wait_until

SETUP = """
from demo.site import load
from news.models import ArticlePage, NewsIndexPage
home = load()
index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
index.save_revision().publish()
for title in ("Đại hội thi đua yêu nước", "Mùa cà phê Đăk Hà"):
    story = index.add_child(instance=ArticlePage(title=title, lead="Sapo."))
    story.save_revision().publish()
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def template_database(tmp_path_factory):
    """A migrated database with a home page, a news section and two stories (made once)."""
    folder = tmp_path_factory.mktemp("template-db")
    env = site_env(folder / "db.sqlite3")
    manage(env, "migrate", "-v0")
    manage(env, "shell", "-c", SETUP)
    return folder / "db.sqlite3"


def site_env(database, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kontum_site.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


class Processes:
    def __init__(self, folder, env):
        self.folder, self.env, self.running = folder, env, {}

    def start(self, name, *args):
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.running[name] = (process, log)
        return process

    def kill(self, name):
        process, log = self.running.pop(name)
        process.kill()  # SIGKILL: no chance to tidy up
        process.wait()
        log.close()

    def close(self):
        for name in list(self.running):
            self.kill(name)


@pytest.fixture
def database(template_database, tmp_path):
    copy = tmp_path / "db" / "db.sqlite3"
    copy.parent.mkdir()
    shutil.copy(template_database, copy)
    return copy


@pytest.fixture
def processes(database, tmp_path):
    running = Processes(tmp_path, site_env(database, TASKS_BACKEND="database"))
    yield running
    running.close()


def get(port, path, accept="text/html"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.own_sqlite
def test_database_down_gives_503_with_retry_after_and_cached_pages_still_serve(processes, database):
    port = free_port()
    processes.start(
        "node", "-m", "gunicorn", "kontum_site.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", "1", "--log-level", "warning",
    )  # fmt: skip
    assert wait_until(lambda: _answers(port), 60), (processes.folder / "node.log").read_text()
    assert get(port, "/")[0] == 200
    assert get(port, "/")[1]["X-Page-Cache"] == "hit"

    # The database goes away: its file cannot be opened any more.
    database.rename(database.with_suffix(".away"))
    database.mkdir()
    pages = ["/tin-tuc/", "/tin-tuc/dai-hoi-thi-dua-yeu-nuoc/", "/tim-kiem/?q=thi+dua", "/rss/"]
    pages += ["/sitemap.xml", "/tin-tuc/chu-de/khong-co/", "/binh-luan/", "/admin/login/"]
    for path in pages:
        status, headers, body = get(port, path)
        assert status == 503, (path, status, body[:500])
        assert int(headers["Retry-After"]) == settings.DATABASE_DOWN_RETRY_AFTER
        assert (
            headers["Content-Type"].startswith("text/html")
            and "no-store" in headers["Cache-Control"]
        )
        assert "Tạm thời gián đoạn" in body and "thử lại" in body, path
    for path, accept in [
        ("/api/v2/pages/", "*/*"),
        ("/api/v2/pages/?type=news.ArticlePage", "application/json"),
        ("/tin-tuc/", "application/json"),
    ]:
        status, headers, body = get(port, path, accept=accept)
        assert status == 503 and headers["Content-Type"] == "application/json", path
        assert json.loads(body)["status"] == "unavailable" and headers["Retry-After"]
    assert get(port, "/healthz/")[0] == 503
    # What the page cache holds is still served.
    status, headers, _body = get(port, "/")
    assert (status, headers["X-Page-Cache"]) == (200, "hit")

    # The database is back: so is the site, at once.
    database.rmdir()
    database.with_suffix(".away").rename(database)
    assert get(port, "/tin-tuc/dai-hoi-thi-dua-yeu-nuoc/")[0] == 200
    assert "(500)" not in (processes.folder / "node.log").read_text()


def _answers(port):
    try:
        return get(port, "/healthz/")[0] == 200
    except OSError:
        return False


TASK_STATUS = (
    "from django_tasks_db.models import DBTaskResult as R; "
    "print(*R.objects.values_list('status', flat=True))"
)


@pytest.mark.own_sqlite
def test_a_task_left_running_by_a_killed_worker_runs_again_after_the_timeout(processes, tmp_path):
    env = processes.env
    manage(
        env, "shell", "-c",
        "from tests.operations.faults_tasks import wait_for_go; "
        f"wait_for_go.enqueue({str(tmp_path)!r})",
    )  # fmt: skip
    worker = ["manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"]
    processes.start("worker-1", *worker)
    runs = tmp_path / "runs"
    assert wait_until(lambda: runs.exists(), 60), (tmp_path / "worker-1.log").read_text()
    processes.kill("worker-1")  # in the middle of the task
    assert manage(env, "shell", "--no-imports", "-c", TASK_STATUS).split() == ["RUNNING"]

    # Younger than TASKS_STALE_AFTER: left alone (its worker may still be working on it).
    out = manage({**env, "TASKS_STALE_AFTER": "3600"}, "run_periodic", "--once")
    assert "requeue_stale: {'requeued': 0, 'failed': 0}" in out
    # Older: queued again, and the next worker runs it to the end.
    time.sleep(1.5)
    out = manage({**env, "TASKS_STALE_AFTER": "1"}, "run_periodic", "--once")
    assert "requeue_stale: {'requeued': 1, 'failed': 0}" in out
    assert manage(env, "shell", "--no-imports", "-c", TASK_STATUS).split() == ["READY"]
    (tmp_path / "go").write_text("go")
    processes.start("worker-2", *worker)
    assert wait_until(lambda: (tmp_path / "done").exists(), 60)
    assert wait_until(
        lambda: manage(env, "shell", "--no-imports", "-c", TASK_STATUS).split() == ["SUCCESSFUL"],
        60,
    )
    assert runs.read_text().split() == ["started", "started"]


@pytest.mark.django_db
def test_a_task_whose_workers_keep_dying_is_failed_not_retried_for_ever(settings):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS_STALE_AFTER, settings.TASKS_MAX_ATTEMPTS = 600, 3
    long_ago = timezone.now() - timedelta(seconds=601)
    common = {"args_kwargs": {"args": [], "kwargs": {}}, "backend_name": "default"}
    common |= {"task_path": "news.most_read.flush_reads", "run_after": long_ago}
    twice = DBTaskResult.objects.create(status="RUNNING", worker_ids=["a", "b"], **common)
    thrice = DBTaskResult.objects.create(status="RUNNING", worker_ids=["a", "b", "c"], **common)
    recent = DBTaskResult.objects.create(status="RUNNING", worker_ids=["d"], **common)
    DBTaskResult.objects.filter(pk__in=[twice.pk, thrice.pk]).update(started_at=long_ago)
    DBTaskResult.objects.filter(pk=recent.pk).update(started_at=timezone.now())
    call_command("run_periodic", "--once")
    statuses = {row.pk: row for row in DBTaskResult.objects.all()}
    assert statuses[twice.pk].status == "READY" and statuses[twice.pk].started_at is None
    assert statuses[thrice.pk].status == "FAILED"
    assert "the worker stopped during each of 3 runs" in statuses[thrice.pk].traceback
    assert statuses[recent.pk].status == "RUNNING"
