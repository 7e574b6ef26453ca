"""`make bench BENCH_ARGS="--mode newsroom-day"`: a newsroom's day, time-compressed.

Readers spread over the archive as real traffic is (Zipf, s = 1: the home page first, then the
sections, the news index, the stories newest first with a tag page every 20 stories; 3 % of
requests are searches), while the staff work on the same schedule as a newsroom: a publication
every minute (a new revision of a recent story, published), a comment approved every ten
seconds, a reporter saving a draft every two minutes and a moderator opening the queue every
ten seconds. The schedule is compressed `--compress` times (default 12: a newsroom hour in
five minutes). Then a spike: 20× the readers on one story for `--spike` seconds while it is
updated twice. Run through Varnish (the shipped deploy/varnish/default.vcl), without it
(gunicorn with the page cache), and on the WordPress peer under the same schedule.
"""

import http.client
import random
import re
import shlex
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

from bench import load

VCL = Path(__file__).resolve().parents[1] / "deploy" / "varnish" / "default.vcl"
SYSTEMD = Path(__file__).resolve().parents[1] / "deploy" / "systemd"
WEB_UNIT = SYSTEMD / "kontum-web@.service"
# The staff node: the admin only (default.vcl routes /admin/ to it while it is healthy).
STAFF_UNIT = SYSTEMD / "kontum-staff@.service"


def shipped_gunicorn_flags(port, unit=WEB_UNIT):
    """gunicorn's arguments in the shipped unit (workers, threads, timeouts...), %i = port."""
    text = re.sub(r"\\\n\s*", " ", unit.read_text())
    line = [line for line in text.splitlines() if line.startswith("ExecStart=")][-1]
    command = shlex.split(line.split("=", 1)[1])
    assert command[0].endswith("/gunicorn"), command
    return [part.replace("%i", str(port)) for part in command[1:]]


def shipped_nice(unit):
    """The unit's `Nice=` (its processes' CPU priority), 0 when it sets none."""
    values = re.findall(r"^Nice=\s*(-?\d+)\s*$", unit.read_text(), re.M)
    return int(values[-1]) if values else 0


WP_ACTOR = Path(__file__).resolve().parent / "wordpress_actor.php"
SEARCHES = ["thi đua", "hội nghị", "Kon Tum", "điển hình", "khen thưởng", "đại hội"]
SEARCH_SHARE = 0.03
# Seconds between staff actions in a newsroom's real day (compressed by --compress).
EVERY = {"publish": 60, "approve": 10, "draft": 120, "queue": 10}


def zipf_weights(count, exponent=1.0):
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


def percentile(values, share):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))]


class Readers:
    """Reader threads on keep-alive connections, each drawing URLs by the Zipf weights."""

    def __init__(self, base, paths, search_path, connections, seed=26, host=None):
        self.base, self.paths, self.search_path = base, paths, search_path
        self.weights = zipf_weights(len(paths))
        self.connections, self.seed, self.host = connections, seed, host
        self.records, self.lock, self.stop = [], threading.Lock(), threading.Event()

    def worker(self, number):
        rng = random.Random(self.seed + number)
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        headers = {"Host": self.host} if self.host else {}
        mine = []
        while not self.stop.is_set():
            if rng.random() < SEARCH_SHARE:
                path = self.search_path.format(q=quote_plus(rng.choice(SEARCHES)))
            else:
                path = rng.choices(self.paths, self.weights)[0]
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                front = response.getheader("X-Cache", "")
                origin = response.getheader("X-Page-Cache", "")
            except (OSError, http.client.HTTPException):
                status, front, origin = 0, "", ""
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            mine.append((time.perf_counter() - started, status, front, origin))
        conn.close()
        with self.lock:
            self.records.extend(mine)

    def __enter__(self):
        self.began = time.monotonic()
        self.threads = [
            threading.Thread(target=self.worker, args=(n,)) for n in range(self.connections)
        ]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()
        self.elapsed = time.monotonic() - self.began

    def figures(self):
        latencies = [r[0] * 1000 for r in self.records if 0 < r[1] < 400]
        origin = [r[3] for r in self.records if r[3]]
        return {
            "requests": len(self.records),
            "rps": round(len(self.records) / self.elapsed, 1),
            "p50_ms": round(percentile(latencies, 0.50), 1),
            "p99_ms": round(percentile(latencies, 0.99), 1),
            "errors": sum(1 for r in self.records if not 0 < r[1] < 400),
            "status_5xx": sum(1 for r in self.records if r[1] >= 500),
            "front_hits": sum(1 for r in self.records if r[2] == "HIT"),
            "page_cache_misses": origin.count("miss"),
            "page_cache_hits": origin.count("hit"),
        }


def schedule(duration, compress):
    """[(second, action)] of a compressed newsroom day of `duration` seconds."""
    events = []
    for action, every in EVERY.items():
        step = every / compress
        at = step / 2 if action != "publish" else step * 0.25
        while at < duration:
            events.append((at, action))
            at += step
    return sorted(events)


def run_schedule(events, act, stop_at):
    """Call act(action) at each event's time; returns {action: [seconds it took]}."""
    began, took = time.monotonic(), {}
    for at, action in events:
        wait = began + at - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        if time.monotonic() > stop_at:
            break
        started = time.perf_counter()
        try:
            act(action)
        except Exception as error:  # noqa: BLE001 - a failed action is counted, the day goes on
            took.setdefault(action + " failed", []).append(0.0)
            print(f"{action} failed: {error!r}")
            continue
        took.setdefault(action, []).append(time.perf_counter() - started)
    return took


def bench_vcl(backend_port, staff_port):
    """The shipped VCL with only its ports set: the readers' node, and the staff node's."""
    text = VCL.read_text()
    staff = re.search(r"# BEGIN staff\n(.*?)# END staff", text, re.S).group(1)
    assert '.port = "8100"' in staff, staff
    text = text.replace(staff, staff.replace('.port = "8100"', f'.port = "{staff_port}"'))
    assert text.count('.port = "8000"') == 2, "one readers' node and its unprobed twin"
    return text.replace('.port = "8000"', f'.port = "{backend_port}"')


class Varnish:
    """varnishd with the shipped VCL (only the backends' ports changed), as the stack test."""

    def __init__(self, backend_port, workdir, port, staff_port):
        self.backend_port, self.workdir, self.port = backend_port, Path(workdir), port
        self.staff_port = staff_port

    def __enter__(self):
        if self.workdir.exists():
            shutil.rmtree(self.workdir)
        self.workdir.mkdir(parents=True)
        vcl = self.workdir / "site.vcl"
        vcl.write_text(bench_vcl(self.backend_port, self.staff_port))
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        self.process = subprocess.Popen(
            [varnishd, "-F", "-j", "none", "-n", str(self.workdir / "n"), "-T", "none"]
            + ["-a", f"127.0.0.1:{self.port}", "-f", str(vcl), "-s", "malloc,256m"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                load.status_of(f"http://127.0.0.1:{self.port}/healthz/")
                time.sleep(3)  # the probe's two good answers
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("varnishd did not start")

    def stats(self):
        output = subprocess.run(
            [shutil.which("varnishstat") or "/usr/bin/varnishstat", "-n", str(self.workdir / "n")]
            + ["-1", "-f", "MAIN.backend_req", "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss"]
            + ["-f", "MAIN.cache_hit_grace", "-f", "MAIN.bans_added"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return {
            line.split()[0].split(".")[1]: int(line.split()[1])
            for line in output.splitlines()
            if line.strip()
        }

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)


class WordPressActor:
    """The staff actions on the WordPress peer, through its own PHP (wordpress_actor.php)."""

    def __init__(self):
        self.process = subprocess.Popen(
            ["php", str(WP_ACTOR)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lock = threading.Lock()

    def ask(self, line):
        with self.lock:
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline().strip()
        if not answer.startswith("ok"):
            raise RuntimeError(f"WordPress actor: {answer!r}")
        return answer[3:]

    def urls(self):
        return self.ask("posts").split(",")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=20)


def post_id(url):
    match = re.search(r"p=(\d+)", url)
    return match.group(1) if match else None


# ---------------------------------------------------------------------- our site's side


def our_population(ctx):
    """The paths readers draw from, hottest first (see the module doc), and the Host header
    readers send (the Site's, as nginx passes it: the name Wagtail's purges carry)."""
    from wagtail.models import Site

    from news.models import ArticlePage, NewsIndexPage, NewsTag, SectionPage

    site = Site.objects.get(is_default_site=True)
    root = site.root_page.url_path

    def path(page):
        return "/" + page.url_path[len(root) :]

    index = NewsIndexPage.objects.live().first()
    paths = ["/"] + [path(p) for p in SectionPage.objects.live().order_by("path")]
    paths.append(path(index))
    stories = list(
        ArticlePage.objects.live().order_by("-first_published_at", "-pk")[:3000].only("url_path")
    )
    tags = list(NewsTag.objects.order_by("pk")[:150])
    for number, story in enumerate(stories):
        paths.append(path(story))
        if number % 20 == 19 and tags:
            paths.append(index.tag_url(tags.pop(0)))
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    return paths, [s.pk for s in stories], host


class OurActor:
    """Staff actions on our site, in this process against the same database (the page cache's
    stamps live in the database cache that gunicorn reads) with Wagtail's own API: a publication
    is save_revision().publish(), an approval is the moderation queue's moderate()."""

    def __init__(self, story_ids, user, queue_url, session_cookie):
        self.story_ids, self.user, self.n = story_ids, user, 0
        self.queue_url, self.cookie = queue_url, session_cookie
        self.queue_ms, self.rng = [], random.Random(26)

    def story(self, pk=None):
        from news.models import ArticlePage

        if pk is None:
            pk = self.rng.choices(self.story_ids[:50], zipf_weights(50))[0]
        return ArticlePage.objects.get(pk=pk)

    def retitle(self, page, mark):
        self.n += 1
        page.title = re.sub(r" \((cập nhật|nháp) \d+\)$", "", page.title) + f" ({mark} {self.n})"

    def __call__(self, action, pk=None):
        from comments.models import Comment
        from comments.moderation import moderate

        if action == "publish":
            page = self.story(pk)
            self.retitle(page, "cập nhật")
            page.save_revision(user=self.user).publish(user=self.user)
        elif action == "draft":
            page = self.story(pk)
            self.retitle(page, "nháp")
            page.save_revision(user=self.user)  # a reporter's save: the live page is unchanged
        elif action == "approve":
            comment = Comment.objects.pending().order_by("-created_at", "-pk").first()
            if comment is not None:
                moderate([comment], "approve", self.user)
        elif action == "queue":
            started = time.perf_counter()
            status = load.status_of(self.queue_url, cookie=self.cookie)
            if status == 200:
                self.queue_ms.append((time.perf_counter() - started) * 1000)


def summarize(readers, took, extra):
    figures = readers.figures()
    figures["actions"] = {a: len(t) for a, t in took.items()}
    figures["action_ms_p50"] = {
        a: round(percentile([x * 1000 for x in t], 0.5), 1) for a, t in took.items()
    }
    figures.update(extra)
    return figures


def day(base, paths, search_path, act, options, host=None, front=None):
    """One compressed day on one system; `front` (Varnish) gives the origin counts."""
    events = schedule(options["day"], options["compress"])
    before = front.stats() if front else None
    with Readers(base, paths, search_path, options["connections"], host=host) as readers:
        took = run_schedule(events, act, time.monotonic() + options["day"])
        left = options["day"] - (time.monotonic() - readers.began)
        if left > 0:
            time.sleep(left)
    extra = {}
    publications = len(took.get("publish", [])) or 1
    if front:
        after = front.stats()
        delta = {k: after[k] - before.get(k, 0) for k in after}
        extra["origin_requests"] = delta["backend_req"]
        extra["origin_requests_per_publication"] = round(delta["backend_req"] / publications, 1)
        looked = delta["cache_hit"] + delta["cache_miss"]
        extra["hit_ratio"] = round(delta["cache_hit"] / looked, 3) if looked else None
        extra["grace_hits"] = delta["cache_hit_grace"]
    else:
        figures = readers.figures()
        looked = figures["page_cache_hits"] + figures["page_cache_misses"]
        extra["renders_per_publication"] = round(figures["page_cache_misses"] / publications, 1)
        extra["hit_ratio"] = round(figures["page_cache_hits"] / looked, 3) if looked else None
    return summarize(readers, took, extra)


def spike(base, story_path, paths, search_path, update, options, host=None, front=None):
    """20× the readers on one story for `spike` seconds, the story updated twice, the Zipf
    readers still running; p99 of the spike's requests (wrk)."""
    seconds = options["spike"]
    before = front.stats() if front else None
    updates = []

    def updater():
        for at in (seconds / 3, 2 * seconds / 3):
            time.sleep(max(0, began + at - time.monotonic()))
            started = time.perf_counter()
            try:
                update()
            except Exception as error:  # noqa: BLE001 - counted, the spike goes on
                updates.append(f"failed: {error!r}")
                continue
            updates.append(round((time.perf_counter() - started) * 1000, 1))

    with Readers(base, paths, search_path, options["connections"], host=host, seed=99) as readers:
        began = time.monotonic()
        thread = threading.Thread(target=updater)
        thread.start()
        figures = load.run(
            base + story_path, seconds, options["connections"] * 20, options["tool"], host=host
        )
        thread.join()
    result = {
        "story": story_path,
        "connections": options["connections"] * 20,
        "rps": round(figures["rps"], 1),
        "p50_ms": round(figures["p50_ms"], 1),
        "p99_ms": round(figures["p99_ms"], 1),
        "errors": figures["errors"],
        "update_ms": updates,
        "zipf_readers_p99_ms": readers.figures()["p99_ms"],
    }
    if front:
        result["origin_requests"] = front.stats()["backend_req"] - before["backend_req"]
    return result
