"""Title cards for the demo's programmes: the programme's name over one of the drawn Kon Tum
landscapes (demo.images), like a station's own artwork: a band in the
programme's colour, the station's name above, the name large enough to read as a thumbnail.

The landscape comes from the programme's name, so each programme gets its own picture.
Text needs a font with Vietnamese letters (DejaVu, Liberation or Noto, found by Pillow in the
system's font folders); without one the card keeps its picture and band and writes the name
without tone marks rather than as empty boxes.
"""

from django.conf import settings
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from demo.images import HEIGHT, WIDTH, draw_landscape, encode_jpeg
from language.vietnamese import strip_marks

STATION = "ĐÀI PT-TH KON TUM"
BOLD_FONTS = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf")
REGULAR_FONTS = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf")


def _font(names, size):
    """A font with Vietnamese letters at ``size`` px, and whether it has them."""
    for name in names:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size), False


def _text(text, full):
    return text if full else strip_marks(text)


def _wrap(draw, text, font, width):
    """Words into lines no wider than ``width``."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def _fit_title(draw, text, width, start_size, max_lines):
    """The largest font (down from ``start_size``) that sets ``text`` in ``max_lines``."""
    size = start_size
    while True:
        font, full = _font(BOLD_FONTS, size)
        lines = _wrap(draw, _text(text, full), font, width)
        if len(lines) <= max_lines or size <= 12:
            return font, lines
        size = round(size * 0.9)


def _background(seed_text, size, time_of_day):
    """The landscape cropped to ``size``'s shape (centred) and scaled to it."""
    landscape = draw_landscape(seed_text, time_of_day)
    ratio = size[0] / size[1]
    if ratio < WIDTH / HEIGHT:  # narrower than the landscape: keep its full height
        crop_w = round(HEIGHT * ratio)
        left = (WIDTH - crop_w) // 2
        box = (left, 0, left + crop_w, HEIGHT)
    else:
        crop_h = round(WIDTH / ratio)
        box = (0, HEIGHT - crop_h, WIDTH, HEIGHT)
    return landscape.crop(box).resize(size, PILImage.Resampling.LANCZOS)


def _shade(picture, top_fraction, strength):
    """Darken the picture from ``top_fraction`` of its height down, more towards the bottom,
    so white type stays readable whatever the landscape."""
    width, height = picture.size
    mask = PILImage.new("L", (1, height), 0)
    start = int(height * top_fraction)
    mask.putdata(
        [
            0 if y < start else round(255 * strength * ((y - start) / (height - start)) ** 0.7)
            for y in range(height)
        ]
    )
    mask = mask.resize((width, height))
    return PILImage.composite(PILImage.new("RGB", picture.size, (8, 12, 16)), picture, mask)


def draw_card(title, colour, size, subtitle="", seed_text=None, time_of_day=None):
    """A Pillow image of ``size``: the programme's name on its landscape (``time_of_day``:
    one of demo_images.TIMES_OF_DAY, say when the programme airs)."""
    scale = getattr(settings, "DEMO_IMAGE_SIZE", (WIDTH, HEIGHT))[0] / WIDTH
    size = (max(160, round(size[0] * scale)), max(90, round(size[1] * scale)))
    width, height = size
    unit = min(width, height) / 100  # layout in hundredths of the short side
    picture = _shade(_background(seed_text or title, size, time_of_day), 0.35, 0.88)
    draw = ImageDraw.Draw(picture)
    margin = round(6 * unit)

    # The station's name on a band of the programme's colour, top left.
    label_font, full = _font(BOLD_FONTS, max(10, round(4.2 * unit)))
    label = _text(STATION, full)
    pad = round(1.6 * unit)
    label_w = draw.textlength(label, font=label_font)
    ascent, descent = label_font.getmetrics()
    draw.rectangle(
        (margin, margin, margin + label_w + 2 * pad, margin + ascent + descent + 2 * pad),
        fill=colour,
    )
    draw.text((margin + pad, margin + pad), label, font=label_font, fill="white")

    # The subtitle (when it airs), then the name above it, from the bottom up; on a wide
    # picture (a video's still) clear of the player's control bar.
    bottom = height - (margin if width < height * 1.2 else round(24 * unit))
    if subtitle:
        sub_font, full = _font(REGULAR_FONTS, max(10, round(5 * unit)))
        sub_lines = _wrap(draw, _text(subtitle, full), sub_font, width - 2 * margin)[:2]
        line_h = sum(sub_font.getmetrics()) * 1.15
        for line in reversed(sub_lines):
            bottom -= line_h
            draw.text((margin, bottom), line, font=sub_font, fill=(236, 236, 230))
        bottom -= round(2.5 * unit)
    title_font, lines = _fit_title(draw, title, width - 2 * margin, round(13 * unit), 3)
    line_h = sum(title_font.getmetrics()) * 1.05
    top = bottom - line_h * len(lines)
    rule_h = max(3, round(1.4 * unit))  # a rule in the programme's colour above the name
    draw.rectangle((margin, top - 2 * rule_h, margin + round(18 * unit), top - rule_h), fill=colour)
    for number, line in enumerate(lines):
        y = top + number * line_h
        shadow = max(1, round(0.5 * unit))
        draw.text((margin + shadow, y + shadow), line, font=title_font, fill=(0, 0, 0))
        draw.text((margin, y), line, font=title_font, fill="white")
    return picture


def render_card(title, colour, size, subtitle="", seed_text=None, time_of_day=None):
    """The JPEG bytes of :func:`draw_card`."""
    return encode_jpeg(draw_card(title, colour, size, subtitle, seed_text, time_of_day))
