"""A reader opens the Trực tuyến page and the TV channel plays: a local HLS stream made with
ffmpeg (H.264/AAC, 2 s segments), served by the test server from our origin, played by
Chromium natively or through the vendored hls.js; no request leaves the machine. Also the
page's pictures at 390 and 1280 px."""

import shutil
import subprocess
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FFMPEG = shutil.which("ffmpeg")


@pytest.fixture
def hls_stream(tmp_path, settings):
    if not FFMPEG:
        pytest.skip("ffmpeg is needed to make the test stream")
    folder = tmp_path / "hls"
    folder.mkdir()
    subprocess.run(
        [
            FFMPEG, "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", "testsrc=size=426x240:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-t", "12", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "50",
            "-c:a", "aac", "-b:a", "64k",
            "-f", "hls", "-hls_time", "2", "-hls_list_size", "0",
            str(folder / "index.m3u8"),
        ],
        check=True,
        timeout=120,
    )  # fmt: skip
    # Served by the live server's static files handler, same origin as the page.
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, ("truc-tuyen-thu", str(folder))]
    return f"{settings.STATIC_URL}truc-tuyen-thu/index.m3u8"


@pytest.fixture
def channels_on_air(home_page, hls_stream):
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from channels.models import Channel, ScheduleDay, ScheduleSlot

    tv = Channel.objects.create(name="KTTV – Truyền hình Kon Tum", kind="tv", hls_url=hls_stream)
    radio = Channel.objects.create(
        name="Phát thanh Kon Tum", kind="radio", audio_url="/static/khong-co/phat-thanh.mp3"
    )
    now = timezone.localtime()
    start = (now - timedelta(minutes=20)).replace(second=0, microsecond=0)
    for channel, titles in (
        (tv, ("Thời sự Kon Tum", "Phim truyện: Mùa cà phê")),
        (radio, ("Ca nhạc theo yêu cầu", "Thời sự phát thanh")),
    ):
        day = ScheduleDay.objects.create(channel=channel, date=start.date())
        for offset, title in zip((0, 60), titles, strict=True):
            moment = start + timedelta(minutes=offset)
            if moment.date() == start.date():
                ScheduleSlot.objects.create(
                    day=day, start_time=time(moment.hour, moment.minute), title=title
                )
    return tv, datetime


PLAY = """async (video) => {
    video.muted = true;
    await video.play();
    const first = video.currentTime;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return {first, later: video.currentTime, paused: video.paused,
            player: video.getAttribute("data-hls-player"), error: video.error && video.error.code};
}"""


def test_the_live_page_plays_a_local_hls_stream(
    browser, live_server, channels_on_air, screenshot_dir
):
    origin = urlsplit(live_server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    elsewhere, failed = [], []
    try:
        page = context.new_page()
        page.on(
            "request",
            lambda request: (
                urlsplit(request.url).netloc not in (origin, "")
                and request.url.startswith("http")
                and elsewhere.append(request.url)
            ),
        )
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and "phat-thanh.mp3" not in message.text
                and failed.append(message.text)
            ),
        )
        page.goto(live_server.url + "/truc-tuyen/")
        assert page.locator("h1").inner_text().casefold() == "trực tuyến"
        video = page.locator("video.live-player")
        page.wait_for_function(
            "document.querySelector('video.live-player').hasAttribute('data-hls-player')"
        )
        state = video.evaluate(PLAY)
        assert state["later"] - state["first"] > 1.5 and not state["paused"], state
        assert state["player"] in ("native", "hls.js")
        print("HLS played by:", state["player"], state)
        assert "đang phát" in page.locator(".now-next").first.inner_text().casefold()
        assert elsewhere == []  # no third-party request
        assert [text for text in failed if "Content Security Policy" in text] == []
        page.evaluate("document.querySelector('video.live-player').pause()")
        page.screenshot(path=f"{screenshot_dir}/truc-tuyen-1280.png", full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(live_server.url + "/truc-tuyen/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=f"{screenshot_dir}/truc-tuyen-390.png", full_page=True)
    finally:
        context.close()


NO_NATIVE_HLS = """(() => {
    const original = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type) {
        return /mpegurl/i.test(type) ? "" : original.call(this, type);
    };
})();"""


def test_where_the_browser_cannot_play_hls_the_vendored_hls_js_does(
    browser, live_server, channels_on_air
):
    """Chromium 156 plays HLS itself; a browser that cannot (Firefox, older Chromium) is
    played by making canPlayType deny it: live.js then loads hls.js from our static files."""
    origin = urlsplit(live_server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    scripts = []
    try:
        page = context.new_page()
        page.add_init_script(NO_NATIVE_HLS)
        page.on(
            "request",
            lambda request: request.resource_type == "script" and scripts.append(request.url),
        )
        page.goto(live_server.url + "/truc-tuyen/")
        page.wait_for_function(
            "document.querySelector('video.live-player').hasAttribute('data-hls-player')"
        )
        state = page.locator("video.live-player").evaluate(PLAY)
        assert state["player"] == "hls.js", state
        assert state["later"] - state["first"] > 1.5 and not state["paused"], state
        hls = [url for url in scripts if "hls.light.min.js" in url]
        assert len(hls) == 1 and urlsplit(hls[0]).netloc == origin
    finally:
        context.close()
