"""A deploy never serves markup rendered by the previous code (caching/release.py)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


@pytest.fixture
def served(client, home_page):
    home_page.save_revision().publish()
    return home_page.url


def test_a_new_release_renders_afresh_and_changes_the_etag(client, served, settings):
    settings.KONTUM_RELEASE = "2026.12.1"
    first = client.get(served)
    assert client.get(served)["X-Page-Cache"] == "hit"
    settings.KONTUM_RELEASE = "2026.12.2"
    after = client.get(served)
    assert after["X-Page-Cache"] == "miss"  # rendered by the new templates
    assert after["ETag"] != first["ETag"]
    # A browser holding the old page is not told "unchanged".
    assert client.get(served, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


class PurgeSink(BaseHTTPRequestHandler):
    seen = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeSink.seen.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_first_request_of_a_new_release_purges_the_http_front(
    client, served, settings, django_capture_on_commit_callbacks
):
    server = HTTPServer(("127.0.0.1", 0), PurgeSink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_port}",
            }
        }
        settings.KONTUM_RELEASE = "purge-test-1"
        client.get(served)
        PurgeSink.seen.clear()
        settings.KONTUM_RELEASE = "purge-test-2"
        # Requests are not in a transaction; the test is: the purge goes out at "commit".
        with django_capture_on_commit_callbacks(execute=True):
            client.get(served)
            client.get(served)  # once per release, not per request
        assert len(PurgeSink.seen) == 1
    finally:
        server.shutdown()
