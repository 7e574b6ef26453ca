"""The site's fonts draw Ba Na, Xơ Đăng and Gia Rai (issue 28, item 3): a combining breve on
a horn or circumflex letter (ơ̆ ư̆ ô̆ ê̆, no single code point) stands above the letter.

A story whose title (serif), lead (sans bold) and body (sans) are the sample text of
tests/language/data, read at 390 and 1280 px. Checked two ways: the text is drawn with the
site's own fonts only (no fallback font for any letter, asked of Chromium through the
DevTools protocol), and in those fonts each breve's ink lies above the letter's, column by
column, with a gap (drawn on a canvas; the system's Liberation Sans and Serif fail it)."""

import pytest

from tests.language.orthographies import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLES = [s["text"] for code in ("bdq", "sed", "jra") for s in LANGUAGES[code]["sentences"]]
STACKED = ["ơ", "ư", "Ơ", "Ư", "ô", "ê", "Ô", "Ê"]  # each followed by U+0306 in the text

# For one letter: draw it alone and with its breve at 120 px; the breve's ink is what the
# second drawing adds. Returns, for each column the breve covers, the gap in pixels between
# the breve's lowest ink and the letter's highest ink (negative: they overlap).
BREVE_GAPS = """([font, letter]) => {
  const canvas = document.createElement("canvas");
  canvas.width = 400; canvas.height = 400;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  const ink = (text) => {
    ctx.clearRect(0, 0, 400, 400);
    ctx.font = font; ctx.fillStyle = "#000"; ctx.textBaseline = "alphabetic";
    ctx.fillText(text, 100, 300);
    const data = ctx.getImageData(0, 0, 400, 400).data;
    const on = new Uint8Array(400 * 400);
    for (let i = 0; i < on.length; i++) on[i] = data[i * 4 + 3] > 96 ? 1 : 0;
    return on;
  };
  const alone = ink(letter), both = ink(letter + "\\u0306");
  const gaps = [];
  for (let x = 0; x < 400; x++) {
    let breveBottom = -1, letterTop = 400;
    for (let y = 0; y < 400; y++) {
      const i = y * 400 + x;
      if (both[i] && !alone[i]) breveBottom = y;
      if (alone[i] && y < letterTop) letterTop = y;
    }
    if (breveBottom >= 0) gaps.push(letterTop - breveBottom - 1);
  }
  return gaps;
}"""


@pytest.fixture
def sample_story(make_story):
    paragraphs = "".join(f'<p lang="bdq">{text}</p>' for text in SAMPLES)
    return make_story(
        title=SAMPLES[1],  # capitals: Ơ̆ng Ŭt Ĕp Ĭk Ŏn Ư̆ch.
        lead=" ".join(SAMPLES[2:4]),
        body=[{"type": "paragraph", "value": paragraphs}],
    )


def platform_fonts(page, selector):
    """The fonts Chromium drew an element's text with: [(family, glyph count)]."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return [(font["familyName"], font["glyphCount"]) for font in fonts]


@pytest.mark.parametrize(("width", "height", "scale"), [(390, 844, 3), (1280, 900, 2)])
def test_the_breve_stands_above_the_horn_in_the_site_s_fonts(
    browser, live_server, people_browsers, sample_story, width, height, scale, screenshot_dir
):
    # A phone's and a laptop's pixel density: the screenshots show the marks up close.
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=scale, locale="vi-VN"
    )
    people_browsers.append(context)
    page = context.new_page()
    page.goto(live_server.url + sample_story.url)
    page.evaluate("document.fonts.ready")
    assert page.locator("h1").inner_text() == SAMPLES[1]
    page.screenshot(path=f"{screenshot_dir}/orthography-story-{width}.png", full_page=True)
    page.locator("article h1").screenshot(path=f"{screenshot_dir}/orthography-title-{width}.png")
    page.locator(".article__lead").screenshot(path=f"{screenshot_dir}/orthography-lead-{width}.png")
    page.locator(".article__body").screenshot(path=f"{screenshot_dir}/orthography-body-{width}.png")

    # What the fonts cost a reader: the three faces a story uses, about 15 kB each.
    fonts = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.endsWith('.woff2'))"
        ".map(e => [e.name.split('/').pop(), e.encodedBodySize])"
    )
    assert len(fonts) <= 3, fonts
    assert sum(size for _name, size in fonts) < 50_000, fonts

    checked = {
        "article h1": "Noto Serif",  # the title: serif, bold
        ".article__lead": "Noto Sans",  # sans, bold
        ".article__body p": "Noto Sans",  # sans, regular
    }
    for selector, family in checked.items():
        used = platform_fonts(page, selector)
        assert [name for name, _count in used] == [family], (selector, used)

    for selector in checked:
        font = page.locator(selector).first.evaluate(
            "el => { const s = getComputedStyle(el);"
            " return `${s.fontStyle} ${s.fontWeight} 120px ${s.fontFamily}`; }"
        )
        for letter in STACKED:
            gaps = page.evaluate(BREVE_GAPS, [font, letter])
            assert gaps, (font, letter)  # a breve was drawn
            assert min(gaps) >= 2, (font, letter, min(gaps))  # above the letter, not in it
