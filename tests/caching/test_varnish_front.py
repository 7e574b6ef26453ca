"""The Varnish configuration in front of the site: a hit, then a purge when a story is published.

Runs when varnishd is installed (Debian `varnish`; set VARNISHD to another path), else skipped.
"""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from caching import front_cache

VCL = Path(__file__).resolve().parents[2] / "deploy/varnish/default.vcl"
VARNISHD = (
    os.environ.get("VARNISHD") or shutil.which("varnishd") or shutil.which("/usr/sbin/varnishd")
)

pytestmark = [
    pytest.mark.skipif(not VARNISHD, reason="varnishd not installed (apt-get install varnish)"),
    pytest.mark.django_db(transaction=True),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, cookie=None, method="GET"):
    request = urllib.request.Request(url, method=method)
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read().decode()


@pytest.fixture
def varnish_workdir(tmp_path):
    return tmp_path / "work"


@pytest.fixture
def varnish(live_server, tmp_path, varnish_workdir):
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "site.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
    port = free_port()
    process = subprocess.Popen(
        [VARNISHD, "-F", "-j", "none", "-n", str(varnish_workdir), "-T", "none"]
        + ["-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", "malloc,32m"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail("varnishd did not start: " + process.stdout.read().decode())
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_varnish_serves_a_hit_and_forgets_a_story_on_publish(varnish, settings, make_story):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    story = make_story(title="Hội nghị điển hình tiên tiến")
    headers, body = fetch(varnish + story.url)
    assert headers["X-Cache"] == "MISS"
    assert "Hội nghị điển hình tiên tiến" in body
    headers, _body = fetch(varnish + story.url)
    assert headers["X-Cache"] == "HIT"
    # Cookies change nothing a reader gets (the edition is in the address): the old language
    # cookie and csrftoken are ignored.
    assert fetch(varnish + story.url, cookie="django_language=en")[0]["X-Cache"] == "HIT"
    assert fetch(varnish + story.url, cookie="csrftoken=abc")[0]["X-Cache"] == "HIT"
    # Staff with a session pass straight to the site.
    assert fetch(varnish + story.url, cookie="sessionid=x")[0]["X-Cache"] == "MISS"
    fetch(varnish + "/tin-tuc/")
    assert fetch(varnish + "/tin-tuc/?page=1")[0]["X-Cache"] == "MISS"
    assert fetch(varnish + "/tin-tuc/?page=1")[0]["X-Cache"] == "HIT"

    story.title = "Hội nghị biểu dương 120 điển hình"
    story.save_revision().publish()

    headers, body = fetch(varnish + story.url)
    assert headers["X-Cache"] == "MISS"
    assert "Hội nghị biểu dương 120 điển hình" in body
    headers, body = fetch(varnish + "/tin-tuc/?page=1")
    assert headers["X-Cache"] == "MISS"
    assert "Hội nghị biểu dương 120 điển hình" in body


def test_purge_all_forgets_everything(varnish, settings, make_story):
    from caching import page_cache

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    story = make_story()
    for url in ("/tin-tuc/", story.url):
        fetch(varnish + url)
        assert fetch(varnish + url)[0]["X-Cache"] == "HIT"
    page_cache.purge_all()
    for url in ("/tin-tuc/", story.url):
        assert fetch(varnish + url)[0]["X-Cache"] == "MISS"


def status_of(url):
    try:
        return fetch(url)[0], 200
    except urllib.error.HTTPError as error:
        return error.headers, error.code


def test_feeds_api_sitemap_and_search_say_how_long_and_forget_an_unpublished_story(
    varnish, settings, make_story, news_index
):
    """Responses that list many stories (no path purge can name them) carry s-maxage and are
    banned as a group whenever a story is published or unpublished."""
    from news.models import SectionPage

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    section = news_index.add_child(instance=SectionPage(title="Thời sự", slug="thoi-su"))
    section.save_revision().publish()
    story = make_story(title="Khánh thành cầu treo Đăk Pxi", parent=section)
    listings = [
        "/rss/",
        "/rss/atom/",
        "/rss/chuyen-muc/thoi-su/",
        "/sitemap.xml",
        f"/api/v2/pages/{story.pk}/",
        "/api/v2/pages/?type=news.ArticlePage",
        "/tim-kiem/?q=c%E1%BA%A7u+treo",
    ]
    for path in listings:
        headers, body = fetch(varnish + path)
        assert "s-maxage=" in headers["Cache-Control"], path
        assert "Khánh thành cầu treo" in body or story.url in body, path
        assert fetch(varnish + path)[0]["X-Cache"] == "HIT", path
    robots = fetch(varnish + "/robots.txt")[0]
    assert "s-maxage=" in robots["Cache-Control"] and "X-Front-Group" not in robots

    story.unpublish()

    for path in listings:
        headers, code = status_of(varnish + path)
        assert headers["X-Cache"] == "MISS", path
        if code == 200:
            body = fetch(varnish + path)[1]
            assert "Khánh thành cầu treo" not in body and story.url not in body, path
        else:
            assert code == 404, path


def backend_requests(workdir):
    """Requests Varnish sent to the origin so far (its own counter; health probes excluded)."""
    output = subprocess.run(
        [shutil.which("varnishstat") or "/usr/bin/varnishstat", "-n", str(workdir), "-1"]
        + ["-f", "MAIN.backend_req"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(output.split()[1])


def read_as_reader(url, host):
    """One reader's request: (status, X-Cache, body, started, ended)."""
    request = urllib.request.Request(url, headers={"Host": host})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            body = response.read().decode()
            return response.status, response.headers["X-Cache"], body, started, time.monotonic()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["X-Cache"], "", started, time.monotonic()


@pytest.mark.skipif(not shutil.which("varnishstat"), reason="varnishstat not installed")
def test_a_purge_of_a_hot_page_sends_one_request_to_the_origin(
    varnish, varnish_workdir, settings, make_story, monkeypatch
):
    """Issue 26: 16 readers on a story while it is published again. Varnish makes the page
    stale (soft purge) instead of forgetting it: ONE origin request renders the new version,
    every reader keeps getting 200 (the stale copy while that render runs), and the new
    version is served to every request that starts after it arrived."""
    import threading
    from urllib.parse import urlsplit

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    story = make_story(title="Khai mạc hội báo xuân")
    host = urlsplit(story.full_url).netloc  # the Host readers send through nginx
    url = varnish + story.url
    assert read_as_reader(url, host)[1] == "MISS"
    assert read_as_reader(url, host)[1] == "HIT"

    results, stop = [], threading.Event()

    def reader():
        while not stop.is_set():
            results.append(read_as_reader(url, host))

    readers = [threading.Thread(target=reader) for _ in range(16)]
    for thread in readers:
        thread.start()
    time.sleep(0.5)
    before = backend_requests(varnish_workdir)
    story.title = "Khai mạc hội báo xuân Bính Ngọ"
    purges = []
    send = front_cache._send_and_queue
    monkeypatch.setattr(
        front_cache, "_send_and_queue", lambda urls: (purges.append(time.monotonic()), send(urls))
    )
    story.save_revision().publish()  # purges the story (and the listings) at the front
    published_at = time.monotonic()
    time.sleep(2)
    stop.set()
    for thread in readers:
        thread.join()
    origin = backend_requests(varnish_workdir) - before

    assert origin == 1, f"{origin} origin requests for one purge of a hot page"
    assert results and {status for status, *_ in results} == {200}
    new = [r for r in results if "Bính Ngọ" in r[2]]
    assert new, "the new version never reached the readers"
    first_new = min(ended for *_, ended in new)
    # Visible at once: within one origin render of the purge (well under the 5 s grace).
    assert first_new - published_at < 2.0
    # After that one render no reader is served the old page again.
    late_old = [r for r in results if r[3] > first_new and "Bính Ngọ" not in r[2]]
    assert not late_old, f"{len(late_old)} stale answers after the new version was served"
    # While that one render ran, readers got the stale copy at once rather than waiting.
    # (The purge goes out when publish() commits, before it returns: timed as it is sent.)
    assert len(purges) == 1, purges  # one purge per publication
    assert any(r[1] == "HIT" and "Bính Ngọ" not in r[2] and r[3] > purges[0] for r in results)
    # A reader on another Host name (an alias) is not served the old page either.
    headers, body = fetch(url)
    assert "Bính Ngọ" in body
