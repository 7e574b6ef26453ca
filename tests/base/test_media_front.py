"""The shipped nginx config's /media/ rules, run by a real nginx in front of the site.

Only what a test must change is changed: the TLS listener becomes a plain one on a free
loopback port, the media folder is the test's, and the proxy goes straight to the test's
live server (Varnish is the stack test's business). Original images and documents are not
reachable from the folder; the site's views send them (X-Accel-Redirect) when access allows;
captions are text/vtt whatever their name.
"""

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
from django.core.files.base import ContentFile

SHIPPED = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "kontum.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx not installed"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_blocks(text):
    """The top-level ``server { … }`` blocks of a config file."""
    blocks, depth, start = [], 0, None
    for match in re.finditer(r"\bserver\s*\{|\{|\}", text):
        token = match.group(0)
        if token != "}" and depth == 0 and token.startswith("server"):
            start = match.start()
        if token == "}":
            depth -= 1
            if depth == 0 and start is not None:
                blocks.append(text[start : match.end()])
                start = None
        else:
            depth += 1
    return blocks


def site_server(port, media_root, upstream):
    """The shipped HTTPS server block, with a plain loopback listener and the test's paths."""
    block = next(b for b in server_blocks(SHIPPED.read_text()) if "location /media/" in b)
    block = re.sub(r"^\s*listen\s[^;]*;", "", block, flags=re.M)
    block = re.sub(r"^\s*(ssl_\w+|http2)\s[^;]*;", "", block, flags=re.M)
    block = block.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    block = block.replace("/srv/kontum-media/", f"{media_root}/")
    return re.sub(r"proxy_pass\s+http://127\.0\.0\.1:\d+;", f"proxy_pass {upstream};", block)


@pytest.fixture
def nginx_front(live_server, settings, tmp_path):
    from wagtail.utils.sendfile import _get_sendfile

    settings.SENDFILE_BACKEND = "base.media_accel"  # production's, behind nginx
    _get_sendfile.clear()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    media_root.mkdir(parents=True, exist_ok=True)
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""
{"user root;" if os.geteuid() == 0 else ""}
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    {site_server(port, media_root, live_server.url)}
}}
"""
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                message = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"nginx did not start: {message}") from None
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
    _get_sendfile.clear()


def fetch(url):
    """(status, headers, body) without following redirects."""
    request = urllib.request.Request(url, headers={"Host": "kontumtv.vn"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_originals_of_private_images_are_not_reachable(nginx_front, make_story, make_image):
    from base.private_media import original_url

    secret = make_image("Ảnh của bản nháp")
    public = make_image("Ảnh của tin đã đăng")
    make_story(title="Bản nháp chưa duyệt", image=secret, publish=False)
    story = make_story(title="Tin đã đăng", image=public)

    # Straight from the folder: nothing, public or not.
    for image in (secret, public):
        assert fetch(f"{nginx_front}{image.file.url}")[0] == 404
    # Through the checking view: the public original, sent by nginx; the draft's, nothing.
    status, headers, body = fetch(nginx_front + original_url(public))
    assert status == 200 and body == public.file.open("rb").read()
    assert headers["Content-Type"].startswith("image/")
    assert "X-Accel-Redirect" not in headers
    assert fetch(nginx_front + original_url(secret))[0] == 404
    # The renditions readers see stay static files.
    rendition = public.get_rendition("fill-480x270")
    assert fetch(f"{nginx_front}{rendition.url}")[0] == 200
    assert fetch(f"{nginx_front}{story.url}")[0] == 200


def test_documents_of_a_password_protected_collection_stay_private(nginx_front):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    Document = get_document_model()
    root = Collection.get_first_root_node() or Collection.add_root(name="Gốc")
    internal = root.add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type="password", password="mat-khau"
    )
    private = Document(title="Biên bản họp", collection=internal)
    private.file.save("bien-ban-hop.pdf", ContentFile(b"%PDF-1.4 bi mat"), save=False)
    private.save()
    public = Document(title="Kế hoạch thi đua", collection=root)
    public.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 cong khai"), save=False)
    public.save()

    for document in (private, public):
        assert fetch(f"{nginx_front}{document.file.url}")[0] == 404
    status, _headers, body = fetch(nginx_front + private.url)
    assert status == 200 and b"bi mat" not in body
    assert b'name="password"' in body  # the collection's password form, not the file
    status, headers, body = fetch(nginx_front + public.url)
    assert status == 200 and body == b"%PDF-1.4 cong khai"
    assert headers["Content-Type"] == "application/pdf"
    assert "ke-hoach.pdf" in headers["Content-Disposition"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_captions_are_text_vtt_whatever_their_name(nginx_front, settings):
    from wagtail.models import Collection

    import programmes
    from avmedia.models import MediaItem

    Collection.get_first_root_node() or Collection.add_root(name="Gốc")
    demo = Path(programmes.__file__).resolve().parent / "demo_media"
    item = MediaItem(title="Bản tin có phụ đề", type="video")
    item.file.save("tin.mp4", ContentFile((demo / "thoi-su-kon-tum.mp4").read_bytes()), save=False)
    item.captions.save("captions.html", ContentFile(b"WEBVTT\n\n<script>x</script>"), save=False)
    item.save()
    status, headers, _body = fetch(f"{nginx_front}{item.captions.url}")
    assert status == 200 and headers["Content-Type"] == "text/vtt"
    # A file left in the folder under another name (before the rename) is text/vtt too.
    legacy = Path(settings.MEDIA_ROOT) / "media_captions" / "old.html"
    legacy.write_bytes(b"WEBVTT\n\n<script>x</script>")
    status, headers, _body = fetch(f"{nginx_front}/media/media_captions/old.html")
    assert status == 200 and headers["Content-Type"] == "text/vtt"
    assert headers["X-Content-Type-Options"] == "nosniff"
