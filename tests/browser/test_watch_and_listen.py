"""A reader on a phone watches a bulletin and listens to a programme, with captions, in the
browser's own players (Debian's Chromium plays H.264/AAC and MP3)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def programmes_demo(home_page):
    from programmes.demo import load

    return load()


PLAYBACK = """async (element) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const track = element.textTracks[0];
    return {
        playing: element.currentTime > 0.5 && !element.paused,
        duration: element.duration,
        captions: track ? track.mode : null,
        cues: track && track.cues ? track.cues.length : 0,
    };
}"""


def test_a_bulletin_and_a_programme_play_with_captions_on_a_phone(
    browser, live_server, programmes_demo, screenshot_dir
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        watch_and_listen(context.new_page(), live_server, screenshot_dir)
    finally:
        context.close()  # no player left streaming into the next tests


def watch_and_listen(page, live_server, screenshot_dir):
    from programmes.models import ProgrammePage

    for slug, selector in (("thoi-su-kon-tum", "video"), ("nong-thon-moi", "audio")):
        programme = ProgrammePage.objects.get(slug=slug)
        episode = programme.get_children().live().first()
        page.goto(live_server.url + episode.url)
        player = page.locator(f"{selector}.player__{selector}")
        player.focus()  # the browser's own controls take the keyboard
        state = player.evaluate_handle("e => e").evaluate(PLAYBACK)
        assert state["playing"], state
        assert state["captions"] == "showing" and state["cues"] >= 1, state
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # fits the phone
        page.screenshot(path=f"{screenshot_dir}/{slug}-phone.png", full_page=True)
