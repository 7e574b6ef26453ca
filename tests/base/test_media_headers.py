"""Uploads served by the shipped nginx `/media/` location carry `nosniff` and a sandboxing
Content-Security-Policy: an uploaded file opened directly can never run as the site."""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

SHIPPED = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "kontum.conf"


def media_location(config, media_root):
    """The shipped `location /media/ { ... }` block, pointed at a test folder."""
    start = config.index("location /media/")
    depth, end = 0, None
    for index in range(config.index("{", start), len(config)):
        depth += {"{": 1, "}": -1}.get(config[index], 0)
        if depth == 0:
            end = index + 1
            break
    block = config[start:end]
    return re.sub(r"\b(alias|root)\s+[^;]+;", f"alias {media_root}/;", block)


@pytest.fixture
def nginx_media(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        pytest.skip("nginx not installed (apt-get install nginx)")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    location = media_location(SHIPPED.read_text(), media)
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"""{user}
daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    server {{
        listen 127.0.0.1:{port};
        {location}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", media
    process.terminate()
    process.wait(timeout=10)


def headers_of(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_an_uploaded_html_file_cannot_run_as_the_site(nginx_media):
    base, media = nginx_media
    Path(media / "documents" / "bao-cao.html").write_text("<script>alert(document.cookie)</script>")
    status, headers = headers_of(f"{base}/media/documents/bao-cao.html")
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    policy = [part.strip() for part in headers["Content-Security-Policy"].split(";")]
    assert "default-src 'none'" in policy and "sandbox" in policy
    assert not any("script-src" in part for part in policy)


def test_every_media_answer_has_the_headers_even_a_missing_file(nginx_media):
    base, media = nginx_media
    (media / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0not really a jpeg")
    for path in ("/media/anh.jpg", "/media/khong-co.txt"):
        _status, headers = headers_of(base + path)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in headers["Content-Security-Policy"]
