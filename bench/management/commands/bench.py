"""`manage.py bench` (`make bench`): dataset, production server, load, table, JSON results."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.utils import OperationalError
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench import dataset, load, newsroom
from bench.site_step import BENCH_USER, moderator

BENCH_DIR = Path(settings.BASE_DIR) / "bench"
DATA_DIR = BENCH_DIR / "data"
RESULTS_DIR = BENCH_DIR / "results"
CSRF_SECRET = "b" * 32
# One key for the run: the staff session made in-process must be valid in gunicorn.
SERVER_SECRET_KEY = secrets.token_urlsafe(60)

# (name, kind measured, kind of reference, how, limit)
TARGETS = [
    (
        "cached story ≥ 10× the rps of uncached",
        "story, 0 comments (page cache)",
        "story, 0 comments",
        "rps_ratio",
        10.0,
    ),
    (
        "story with 2,000 comments ≤ 1.5× the latency of one with none",
        "story, 2,000 comments",
        "story, 0 comments",
        "p50_ratio",
        1.5,
    ),
    (
        "news index page 500 ≤ 1.2× page 1",
        "news index, page 500",
        "news index, page 1",
        "p50_ratio",
        1.2,
    ),
    (
        "moderation queue at 200,000 comments: one request ≤ 150 ms",
        "moderation queue",
        None,
        "single_ms",
        150.0,
    ),
    (
        "moderation queue at 200,000 comments ≤ 1.5× at 1,000",
        "moderation queue",
        "moderation queue, 1,000 comments",
        "p50_ratio",
        1.5,
    ),
]
MAX_QUERIES = 12
HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
# Issue targets against the WordPress peer (requests/s, ours / theirs, in interleaved runs).
PEER_TARGETS = {
    "story, 0 comments": 2.0,
    "story, 200 comments": 2.0,
    "home": 1.5,
    "tag page": 1.5,
    "search": 1.5,
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = "Build (once) the large dataset, serve it with gunicorn and measure every URL kind."
    extra_hosts = []  # newsroom-day: the Site's name and the Varnish probe's (default.vcl)

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="dataset size factor")
        parser.add_argument("--duration", type=int, default=5, help="seconds of load per URL")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
        parser.add_argument("--build-only", action="store_true")
        parser.add_argument("--only", default="", help="measure only kinds containing this")
        parser.add_argument(
            "--peer",
            action="append",
            default=[],
            metavar="KIND=URL",
            help="a peer's URL (loopback) for one of our URL kinds, e.g. the WordPress peer's "
            "story: measured in turn with ours (ours, peer, ours, peer) and given as a ratio",
        )
        parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds per peer")
        parser.add_argument(
            "--mode",
            choices=["urls", "newsroom-day"],
            default="urls",
            help="urls: every URL kind in turn (default); newsroom-day: readers over the "
            "archive (Zipf) while the staff publish, approve, save drafts, through Varnish, "
            "without it and on the WordPress peer (bench/newsroom.py)",
        )
        parser.add_argument(
            "--compress", type=float, default=12.0, help="newsroom-day: time compression"
        )
        parser.add_argument(
            "--day", type=int, default=60, help="newsroom-day: seconds of (compressed) day"
        )
        parser.add_argument(
            "--spike", type=int, default=20, help="newsroom-day: seconds of the 20× spike"
        )
        parser.add_argument(
            "--wordpress",
            default="",
            metavar="URL",
            help="newsroom-day: the WordPress peer's home (e.g. http://127.0.0.1:8081/), "
            "its staff actions through php-cli (bench/wordpress_actor.php)",
        )

    def say(self, message):
        self.stdout.write(message)
        self.stdout.flush()

    def handle(self, *args, **options):
        peers = self.parse_peers(options["peer"])
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        media = DATA_DIR / "media"
        with override_settings(MEDIA_ROOT=media, ALLOWED_HOSTS=["127.0.0.1", "testserver"]):
            started = time.monotonic()
            self.ensure_database()
            call_command("migrate", "--noinput", verbosity=0)
            self.say(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
            dataset.build(options["scale"], stdout=self.stdout)
            self.analyze()
            build_seconds = time.monotonic() - started
            if options["build_only"]:
                return
            ctx = dataset.find_targets(options["scale"])
            if options["mode"] == "newsroom-day":
                self.collectstatic()
                return self.newsroom_day(ctx, options, media)
            targets = [t for t in ctx.targets if options["only"] in t.kind]
            session = self.staff_session()
            self.say("Counting SQL queries per request (in-process, page cache off)…")
            counts = {t.kind: self.count_queries(t) for t in targets}
        self.collectstatic()
        results = {}
        for cached, cold in ((False, False), (True, False), (False, True)):
            group = [t for t in targets if t.cached == cached and t.cold == cold]
            if not group:
                continue
            with self.server(options, page_cache=cached, media=media, cold=cold) as base:
                for target in group:
                    results[target.kind] = self.measure(base, target, session, options)
                    results[target.kind].update(counts[target.kind], login=target.login)
                    self.say(self.row(target.kind, results[target.kind]))
                    if target.kind in peers:
                        results[target.kind]["peer"] = self.versus_peer(
                            base, target, session, options, peers[target.kind]
                        )
                        self.say(self.peer_row(target.kind, results[target.kind]["peer"]))
        report = self.report(results, options, build_seconds)
        self.print_table(results)
        self.print_targets(report["targets"])
        name = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{connection.vendor}.json"
        (RESULTS_DIR / name).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        self.say(f"Results: bench/results/{name}")

    # ------------------------------------------------------------------ newsroom day

    def newsroom_day(self, ctx, options, media):
        """bench/newsroom.py: the same compressed day through Varnish, without it, and on
        the WordPress peer; one JSON result and a table."""
        targets = {t.kind: t for t in ctx.targets}
        paths, story_ids, host = newsroom.our_population(ctx)
        self.extra_hosts = [host.split(":")[0], "kontumtv.vn"]
        spike_path = targets["story, 200 comments"].path
        spike_page = self.page_at(spike_path)
        user = get_user_model().objects.get(username=BENCH_USER)
        session = self.staff_session()
        cookie = f"{settings.SESSION_COOKIE_NAME}={session}"
        self.say(
            f"Newsroom day: {len(paths):,} reader URLs (Zipf), compressed {options['compress']}×"
            f" ({options['day']} s = {options['day'] * options['compress'] / 60:.0f} newsroom "
            f"minutes), {options['connections']} readers; spike {options['spike']} s on "
            f"{spike_path} with {options['connections'] * 20} readers"
        )
        results = {}
        load_at_start = os.getloadavg()
        queue_path = targets["moderation queue"].path
        # The readers' node and the staff node, as shipped (kontum-web@, kontum-staff@): the
        # moderator's queue goes where production routes it, through Varnish to the staff
        # node; without Varnish, straight to the staff node (as that routing would).
        with (
            self.server(options, page_cache=True, media=media, shipped=True) as base,
            self.server(options, page_cache=True, media=media, shipped=True, staff=True) as staff,
        ):
            results["moderation_queue_single_ms_idle"] = load.single_ms(
                staff + queue_path, cookie=cookie
            )
            port = free_port()
            for label, front in (("ours via Varnish", True), ("ours, no Varnish", False)):
                if front:
                    varnish = newsroom.Varnish(
                        base.rsplit(":", 1)[1],
                        DATA_DIR / "varnish",
                        port,
                        staff_port=staff.rsplit(":", 1)[1],
                    ).__enter__()
                    url = f"http://127.0.0.1:{port}"
                    purge = {"varnish": {"BACKEND": HTTP_BACKEND, "LOCATION": url}}
                else:
                    varnish, url, purge = None, base, {}
                queue_url = (url if front else staff) + queue_path
                actor = newsroom.OurActor(story_ids, user, queue_url, cookie)
                try:
                    # The staff's actions as production runs them: background work (search
                    # and reference index, purge retries) queued for the worker, not run in
                    # the publication (the development settings' immediate tasks).
                    with override_settings(
                        WAGTAILFRONTENDCACHE=purge,
                        TASKS={"default": {"BACKEND": settings.TASK_BACKENDS["database"]}},
                        PAGE_CACHE_ENABLED=True,
                        FRAGMENT_CACHE_ENABLED=True,
                        MEDIA_ROOT=media,
                    ):
                        for path in paths[:40]:  # warm the hottest pages
                            load.status_of(url + path)
                        self.say(f"{label}: the day…")
                        figures = newsroom.day(
                            url, paths, "/tim-kiem/?q={q}", actor, options, host, varnish
                        )
                        figures["moderation_queue_ms"] = self.spread(actor.queue_ms)
                        self.say(f"{label}: the spike…")
                        figures["spike"] = newsroom.spike(
                            url,
                            spike_path,
                            paths,
                            "/tim-kiem/?q={q}",
                            lambda actor=actor: actor("publish", pk=spike_page.pk),
                            options,
                            host,
                            varnish,
                        )
                finally:
                    if varnish:
                        varnish.__exit__()
                results[label] = figures
                self.say(f"  {json.dumps(figures, ensure_ascii=False)}")
        if options["wordpress"]:
            results["WordPress peer"] = self.wordpress_day(options)
        self.print_day(results)
        name = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-newsroom-{connection.vendor}.json"
        report = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "mode": "newsroom-day",
            "database": connection.vendor,
            "scale": options["scale"],
            "compress": options["compress"],
            "day_s": options["day"],
            "spike_s": options["spike"],
            "connections": options["connections"],
            "workers": options["workers"],
            "staff_node": {
                "flags": newsroom.shipped_gunicorn_flags("%i", newsroom.STAFF_UNIT),
                "nice": newsroom.shipped_nice(newsroom.STAFF_UNIT),
                "readers_nice": newsroom.shipped_nice(newsroom.WEB_UNIT),
            },
            "cpu_count": os.cpu_count(),
            "load_average_at_start": load_at_start,
            "load_average_at_end": os.getloadavg(),
            "comments": self.comment_count(),
            "results": results,
        }
        (RESULTS_DIR / name).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        self.say(f"Results: bench/results/{name}")

    def page_at(self, path):
        from wagtail.models import Page, Site

        root = Site.objects.get(is_default_site=True).root_page.url_path
        return Page.objects.get(url_path=root + path.lstrip("/")).specific

    def comment_count(self):
        from comments.models import Comment

        return Comment.objects.count()

    def spread(self, values):
        if not values:
            return None
        return {
            "count": len(values),
            "p50": round(newsroom.percentile(values, 0.5), 1),
            "p90": round(newsroom.percentile(values, 0.9), 1),
            "max": round(max(values), 1),
        }

    def wordpress_day(self, options):
        home = options["wordpress"].rstrip("/")
        actor = newsroom.WordPressActor()
        try:
            urls = actor.urls()
            paths = [u[len(home) :] or "/" for u in urls if u.startswith(home)]
            spike_path = next(p for p in paths if "hoi-nghi-tuyen-duong" in p)
            self.say(f"WordPress peer: {len(paths)} reader URLs; the day…")
            stories = [p for p in paths if p.count("/") == 2 and p != "/"]
            rng = newsroom.random.Random(26)

            def act(action):
                if action == "publish":
                    actor.ask(f"publish {home}{rng.choice(stories)}")
                elif action == "approve":
                    actor.ask("approve")
                elif action == "draft":
                    actor.ask("draft")

            figures = newsroom.day(home, paths, "/?s={q}", act, options)
            figures.pop("renders_per_publication", None)  # no page cache: every view renders
            figures.pop("hit_ratio", None)
            figures["actions"].pop("queue", None)  # our moderator's queue only
            figures["action_ms_p50"].pop("queue", None)
            figures["theme"] = actor.ask("theme")
            self.say("WordPress peer: the spike…")
            figures["spike"] = newsroom.spike(
                home,
                spike_path,
                paths,
                "/?s={q}",
                lambda: actor.ask(f"publish {home}{spike_path}"),
                options,
            )
        finally:
            actor.close()
        self.say(f"  {json.dumps(figures, ensure_ascii=False)}")
        return figures

    def print_day(self, results):
        self.say("")
        self.say(
            f"{'system':<20} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>8} {'errors':>6} "
            f"{'origin/pub':>10} {'hit ratio':>9} {'spike p99':>9} {'spike req/s':>11} "
            f"{'queue p50':>9}"
        )
        for label, f in results.items():
            if not isinstance(f, dict):
                continue
            per_pub = f.get("origin_requests_per_publication", f.get("renders_per_publication"))
            queue = (f.get("moderation_queue_ms") or {}).get("p50")
            self.say(
                f"{label:<20} {f['rps']:>7} {f['p50_ms']:>7} {f['p99_ms']:>8} {f['errors']:>6} "
                f"{per_pub if per_pub is not None else '–':>10} "
                f"{f.get('hit_ratio') if f.get('hit_ratio') is not None else '–':>9} "
                f"{f['spike']['p99_ms']:>9} {f['spike']['rps']:>11} "
                f"{queue if queue is not None else '–':>9}"
            )

    # ------------------------------------------------------------------ pieces

    def ensure_database(self):
        """PostgreSQL: create the database named in DATABASE_URL when it does not exist yet."""
        if connection.vendor != "postgresql":
            return

        try:
            connection.ensure_connection()
        except OperationalError:
            params = connection.get_connection_params()
            name = connection.settings_dict["NAME"]
            params["dbname"] = "postgres"
            with psycopg.connect(**params, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            self.say(f"Created PostgreSQL database {name}")

    def analyze(self):
        """Fresh planner statistics after bulk inserts (PostgreSQL and SQLite alike); on
        PostgreSQL a VACUUM too, as autovacuum does after inserts in production: without the
        visibility map no index-only scan is possible (counts read the table)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            return
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def parse_peers(self, values):
        peers = {}
        for value in values:
            kind, sep, rest = value.partition("=http")
            url = "http" + rest if sep else ""
            if not kind or not url.startswith(("http://127.", "http://localhost", "http://[::1]")):
                raise SystemExit(f"--peer wants KIND=URL with a loopback URL, got {value!r}")
            peers[kind] = url
        return peers

    def versus_peer(self, base, target, session, options, peer_url):
        """Ours and the peer in turn, `rounds` times; the median of the pairwise ratios. A row
        after a publication drives both with the Python load generator (wrk cannot bump
        stamps between requests), so both pay the same client."""
        cookie = f"{settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"
        ours_url = base + target.path
        before = self.publication(target) if target.after else None
        tool = "python" if target.after else options["tool"]
        load.run_python(peer_url, 1, 2)  # warm the peer too
        singles = (
            load.single_ms(ours_url, cookie=cookie, before=before),
            load.single_ms(peer_url),
        )
        pairs = []
        for _round in range(options["rounds"]):
            ours = load.run(
                ours_url,
                options["duration"],
                options["connections"],
                tool,
                cookie=cookie,
                before=before,
            )
            theirs = load.run(peer_url, options["duration"], options["connections"], tool)
            pairs.append((ours, theirs))
        ratios = sorted(o["rps"] / max(t["rps"], 1e-9) for o, t in pairs)
        return {
            "url": peer_url,
            "rounds": [
                {
                    "ours_rps": o["rps"],
                    "peer_rps": t["rps"],
                    "ours_p50_ms": o["p50_ms"],
                    "peer_p50_ms": t["p50_ms"],
                }
                for o, t in pairs
            ],
            "rps_ratio": round(ratios[len(ratios) // 2], 2),
            "ours_single_ms": singles[0],
            "peer_single_ms": singles[1],
            "peer_bytes": pairs[-1][1].get("bytes_per_response"),
        }

    def publication(self, target):
        """What a story's publication does to the caches before the request: its scopes'
        stamps bumped (caching/page_cache.py), so the parts showing it are rendered again."""
        from caching import content_versions

        scopes = tuple(target.after)
        return (lambda: content_versions.bump(*scopes)) if scopes else (lambda: None)

    def peer_row(self, kind, peer):
        rounds = ", ".join(f"{r['ours_rps']:.1f}/{r['peer_rps']:.1f}" for r in peer["rounds"])
        return (
            f"  vs peer {peer['url']}: req/s ours/peer {rounds} → ratio {peer['rps_ratio']}×; "
            f"one request {peer['ours_single_ms']} / {peer['peer_single_ms']} ms"
        )

    def staff_session(self):
        client = Client()
        with override_settings(SECRET_KEY=SERVER_SECRET_KEY):  # gunicorn's key, see server_env
            client.force_login(moderator())
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    def count_queries(self, target):
        client = Client(HTTP_HOST="127.0.0.1")
        if target.login:
            client.force_login(moderator())
        client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET

        def request():
            if target.method == "POST":
                return client.post(target.path, self.form_data(target))
            return client.get(target.path)

        with override_settings(
            PAGE_CACHE_ENABLED=target.cached, FRAGMENT_CACHE_ENABLED=not target.cold
        ):
            request()  # warm up: renditions, caches
            self.publication(target)()
            with CaptureQueriesContext(connection) as captured:
                response = request()
        return {
            "queries": len(captured.captured_queries),
            "bytes": len(response.content),
            "status": response.status_code,
        }

    def form_data(self, target):
        return {
            key: (CSRF_SECRET if value == "{csrf}" else value)
            for key, value in (target.data or {}).items()
        }

    def collectstatic(self):
        manifest = DATA_DIR / "static" / "staticfiles.json"
        if manifest.exists():
            return
        self.say("Collecting static files for the production server…")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=self.server_env(page_cache=False, media=DATA_DIR / "media"),
            check=True,
            cwd=settings.BASE_DIR,
        )

    def server_env(self, page_cache, media, cold=False):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="kontum_site.settings.production",
            SECRET_KEY=SERVER_SECRET_KEY,
            DEBUG="0",
            ALLOWED_HOSTS=",".join(["127.0.0.1", "localhost", *self.extra_hosts]),
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
            SESSION_COOKIE_SECURE="0",
            CSRF_COOKIE_SECURE="0",
            STATIC_ROOT=str(DATA_DIR / "static"),
            MEDIA_ROOT=str(media),
            DB_CONN_MAX_AGE="60",
            PAGE_CACHE_ENABLED="1" if page_cache else "0",
            FRAGMENT_CACHE_ENABLED="0" if cold else "1",
            PAGE_CACHE_TIMEOUT="600",
            LOG_LEVEL="ERROR",
        )
        env.setdefault("DATABASE_URL", f"sqlite:///{connection.settings_dict['NAME']}")
        return env

    def server(self, options, page_cache, media, cold=False, shipped=False, staff=False):
        """gunicorn with `--workers` sync workers, or (`shipped`: the newsroom day) with the
        flags of deploy/systemd/kontum-web@.service, threads included, and a task worker
        (`db_worker`) as in production; with `staff`, the staff node instead (the flags of
        kontum-staff@.service, no task worker). Either at the unit's `Nice=`, if it sets one."""
        command = self
        unit = newsroom.STAFF_UNIT if staff else newsroom.WEB_UNIT
        nice = newsroom.shipped_nice(unit) if shipped else 0

        class Server:
            def __enter__(self):
                self.port = free_port()
                if shipped:
                    flags = newsroom.shipped_gunicorn_flags(self.port, unit)
                    how = f"{unit.name}: " + " ".join(flags[1:])
                    how += f", nice {nice}" if nice else ""
                else:
                    flags = ["kontum_site.wsgi", "--bind", f"127.0.0.1:{self.port}"]
                    flags += ["--workers", str(options["workers"])]
                    how = f"{options['workers']} workers"
                command.say(
                    f"gunicorn ({how}, production settings, DEBUG off, "
                    f"page cache {'on' if page_cache else 'off'}, "
                    f"cached parts {'off' if cold else 'on'}) on 127.0.0.1:{self.port}"
                )
                env = command.server_env(page_cache, media, cold=cold)
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", *flags, "--log-level", "warning"],
                    env=env,
                    cwd=settings.BASE_DIR,
                    stdout=subprocess.DEVNULL if shipped else None,  # the shipped access log
                    preexec_fn=(lambda: os.nice(nice)) if nice else None,
                )
                self.worker = None
                if shipped and not staff:
                    self.worker = subprocess.Popen(
                        [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
                        env=env,
                        cwd=settings.BASE_DIR,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,  # a line per task; not what is measured
                    )
                base = f"http://127.0.0.1:{self.port}"
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    try:
                        urllib.request.urlopen(base + "/", timeout=5).read()
                        return base
                    except OSError:
                        time.sleep(0.3)
                self.process.terminate()
                raise RuntimeError("gunicorn did not answer")

            def __exit__(self, *exc):
                for process in (self.process, self.worker):
                    if process is not None:
                        process.terminate()
                        process.wait(timeout=30)

        return Server()

    def measure(self, base, target, session, options):
        cookie = f"{settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"
        if target.login:
            cookie += f"; {settings.SESSION_COOKIE_NAME}={session}"
        run_options = {
            "cookie": cookie,
            "method": target.method,
            "data": self.form_data(target) if target.method == "POST" else None,
            "before": self.publication(target) if target.after else None,
        }
        url = base + target.path
        load.run_python(url, 1, 2, **run_options)  # warm every worker
        single = load.single_ms(url, **run_options)
        figures = load.run(
            url, options["duration"], options["connections"], options["tool"], **run_options
        )
        # A redirect (to the login page, say) is not an error for the load tools: note it.
        run_options.pop("before")
        figures["served_status"] = load.status_of(url, **run_options)
        figures["single_ms"] = single
        return figures

    def row(self, kind, figures):
        return (
            f"{kind:<42} {figures['single_ms']:>8.1f} {figures['p50_ms']:>8.1f} "
            f"{figures['p95_ms']:>8.1f} "
            f"{figures['rps']:>8.1f} {figures['queries']:>7} {figures['bytes']:>9,}"
            + (f"  ({figures['errors']} errors)" if figures.get("errors") else "")
            + (
                f"  (served {figures['served_status']})"
                if figures.get("served_status", 200) != 200
                else ""
            )
        )

    def print_table(self, results):
        self.say("")
        self.say(
            f"{'URL kind':<42} {'one ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} "
            f"{'queries':>7} {'bytes':>9}"
        )
        self.say("-" * 97)
        for kind, figures in results.items():
            self.say(self.row(kind, figures))

    def report(self, results, options, build_seconds):
        checks = []
        for name, kind, reference, how, limit in TARGETS:
            if kind not in results or (reference is not None and reference not in results):
                checks.append(
                    {
                        "target": name,
                        "status": "not measured",
                        "why": f"no '{kind}' or '{reference}' URL in this dataset",
                    }
                )
                continue
            measured = [k for k in (kind, reference) if k is not None]
            if any(results[k]["errors"] or not results[k]["requests"] for k in measured):
                checks.append(
                    {
                        "target": name,
                        "status": "unreliable",
                        "why": "errors or no completed request during the load",
                    }
                )
                continue
            if how == "single_ms":
                value = results[kind]["single_ms"]
                ok = value <= limit
            elif how == "rps_ratio":
                value = results[kind]["rps"] / max(results[reference]["rps"], 1e-9)
                ok = value >= limit
            else:
                value = results[kind]["p50_ms"] / max(results[reference]["p50_ms"], 1e-9)
                ok = value <= limit
            checks.append(
                {
                    "target": name,
                    "value": round(value, 2),
                    "limit": limit,
                    "status": "met" if ok else "missed",
                }
            )
        for kind, limit in PEER_TARGETS.items():
            peer = results.get(kind, {}).get("peer")
            if peer is None:
                continue
            checks.append(
                {
                    "target": f"{kind}: ≥ {limit}× the peer's requests/s",
                    "value": peer["rps_ratio"],
                    "limit": limit,
                    "status": "met" if peer["rps_ratio"] >= limit else "missed",
                }
            )
        # Public pages with their parts cached (staff screens and cold renders are listed apart).
        warm = {
            k: v
            for k, v in results.items()
            if "cold" not in k and "publication" not in k and not v.get("login")
        }
        worst = max(warm.items(), key=lambda item: item[1]["queries"], default=None)
        if worst:
            checks.append(
                {
                    "target": f"no page above {MAX_QUERIES} queries",
                    "value": worst[1]["queries"],
                    "worst": worst[0],
                    "limit": MAX_QUERIES,
                    "status": "met" if worst[1]["queries"] <= MAX_QUERIES else "missed",
                }
            )
        return {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "scale": options["scale"],
            "duration_s": options["duration"],
            "connections": options["connections"],
            "workers": options["workers"],
            "tool": next(iter(results.values()))["tool"] if results else None,
            "dataset_build_s": round(build_seconds, 1),
            "cpu_count": os.cpu_count(),
            "results": results,
            "targets": checks,
        }

    def print_targets(self, checks):
        self.say("")
        for check in checks:
            figure = f" {check['value']} (limit {check['limit']})" if "value" in check else ""
            self.say(
                f"[{check['status']:>12}] {check['target']}{figure}"
                + (f" – {check['why']}" if "why" in check else "")
            )
