"""Placeholder photos for the demo content, drawn with Pillow alone (no network, no fonts).

Each picture is a soft Central Highlands landscape: a graded sky, a sun or moon, layers of
hills fading into haze, pine ridges and sometimes the tall roof of a rông house. The colours and
shapes come from a hash of ``seed_text``, so the same seed always gives the same picture.
"""

import colorsys
import hashlib
import math
import random
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw, ImageFilter
from wagtail.images import get_image_model

from demo.marks import get, mark
from language.vietnamese import slugify_vi

WIDTH, HEIGHT = 1600, 900
JPEG_QUALITY = 82
MAX_BYTES = 200_000

# Times of day: sky top, sky horizon, sun or moon, near hills, far haze (RGB).
TIMES_OF_DAY = ["dawn", "morning", "afternoon", "dusk", "mist", "night"]
PALETTES = [
    # dawn over the plateau
    ((52, 70, 120), (244, 178, 140), (255, 236, 200), (34, 58, 52), (196, 150, 150)),
    # clear morning
    ((70, 130, 190), (206, 228, 236), (255, 250, 228), (36, 84, 52), (150, 186, 190)),
    # golden afternoon
    ((92, 120, 170), (248, 206, 140), (255, 232, 170), (58, 70, 40), (210, 176, 128)),
    # dusk
    ((40, 36, 84), (236, 128, 96), (255, 206, 150), (30, 26, 44), (164, 96, 108)),
    # misty highland morning
    ((120, 150, 168), (226, 232, 228), (250, 248, 236), (48, 78, 70), (186, 204, 200)),
    # moonlit night
    ((12, 20, 48), (54, 74, 118), (236, 238, 224), (10, 16, 28), (60, 76, 112)),
]


def _rng(seed_text):
    digest = hashlib.sha256((seed_text or "").encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def _shift(color, hue=0.0, sat=1.0, light=1.0):
    r, g, b = (c / 255 for c in color)
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    h = (h + hue) % 1.0
    lum = max(0.0, min(1.0, lum * light))
    s = max(0.0, min(1.0, s * sat))
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb(h, lum, s))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _vertical_gradient(size, top, bottom):
    width, height = size
    column = PILImage.new("RGB", (1, 256))
    column.putdata([_mix(top, bottom, (i / 255) ** 1.3) for i in range(256)])
    column = column.resize((1, height), PILImage.Resampling.BICUBIC)
    return column.resize((width, height), PILImage.Resampling.NEAREST)


def _glow(size, center, radius, color, strength):
    """A soft halo: a disc blurred at a tenth of the size, then scaled up (smooth and fast)."""
    small = (size[0] // 10, size[1] // 10)
    layer = PILImage.new("RGB", small, (0, 0, 0))
    x, y, r = center[0] / 10, center[1] / 10, radius / 10
    halo = tuple(round(c * strength) for c in color)
    ImageDraw.Draw(layer).ellipse((x - r, y - r, x + r, y + r), fill=halo)
    layer = layer.filter(ImageFilter.GaussianBlur(r * 0.7))
    return layer.resize(size, PILImage.Resampling.BICUBIC)


def _soft(mask, radius):
    """A wide Gaussian blur, computed at a quarter of the size (masks are smooth anyway)."""
    small = mask.resize((mask.width // 4, mask.height // 4), PILImage.Resampling.BOX)
    small = small.filter(ImageFilter.GaussianBlur(radius / 4))
    return small.resize(mask.size, PILImage.Resampling.BICUBIC)


def _ridge(rng, base_y, amplitude, roughness):
    """Heights along a ridge line: a few sine waves with random phases."""
    waves = [
        (
            rng.uniform(0.6, 1.6) * (k + 1),
            rng.uniform(0, math.tau),
            amplitude / (k + 1) ** roughness,
        )
        for k in range(4)
    ]
    points = []
    for x in range(0, WIDTH + 20, 20):
        t = x / WIDTH * math.pi
        y = base_y - sum(a * (0.5 + 0.5 * math.sin(f * t + p)) for f, p, a in waves)
        points.append((x, y))
    return points


def _ridge_y(points, x):
    index = max(0, min(len(points) - 2, int(x // 20)))
    (x0, y0), (x1, y1) = points[index], points[index + 1]
    return y0 + (y1 - y0) * ((x - x0) / (x1 - x0))


def _pines(draw, rng, ridge, color, count, scale):
    for _ in range(count):
        x = rng.uniform(0, WIDTH)
        y = _ridge_y(ridge, x) + 4
        height = rng.uniform(30, 70) * scale
        width = height * 0.34
        for tier in range(3):
            top = y - height + tier * height * 0.22
            bottom = y - height * 0.25 + tier * height * 0.2
            half = width * (0.55 + tier * 0.22)
            draw.polygon([(x, top), (x - half, bottom), (x + half, bottom)], fill=color)
        draw.rectangle((x - width * 0.06, y - height * 0.3, x + width * 0.06, y + 6), fill=color)


def _rong_house(draw, x, ground, scale, color):
    """A rông house seen side-on: stilts, a floor and the tall axe-blade roof."""
    body_w = 90 * scale
    stilt_h = 26 * scale
    floor_y = ground - stilt_h
    for i in range(6):
        sx = x - body_w / 2 + 6 * scale + i * (body_w - 12 * scale) / 5
        draw.rectangle((sx - 2 * scale, floor_y, sx + 2 * scale, ground + 4), fill=color)
    draw.rectangle(
        (x - body_w / 2 - 6 * scale, floor_y - 4 * scale, x + body_w / 2 + 6 * scale, floor_y),
        fill=color,
    )
    wall_top = floor_y - 22 * scale
    draw.rectangle((x - body_w / 2, wall_top, x + body_w / 2, floor_y), fill=color)
    roof_h = 170 * scale
    eave = body_w / 2 + 14 * scale
    outline = []
    steps = 12
    for i in range(steps + 1):  # flared sides: concave curves rising to the ridge
        t = i / steps
        outline.append(
            (x - eave + (eave - 10 * scale) * t**0.55, wall_top + 6 * scale - roof_h * t)
        )
    top = wall_top + 6 * scale - roof_h
    outline += [  # the ridge beam, its ends curling up like horns
        (x - 22 * scale, top - 14 * scale),
        (x - 18 * scale, top - 14 * scale),
        (x - 8 * scale, top - 3 * scale),
        (x + 8 * scale, top - 3 * scale),
        (x + 18 * scale, top - 14 * scale),
        (x + 22 * scale, top - 14 * scale),
    ]
    for i in range(steps, -1, -1):
        t = i / steps
        outline.append(
            (x + eave - (eave - 10 * scale) * t**0.55, wall_top + 6 * scale - roof_h * t)
        )
    draw.polygon(outline, fill=color)
    draw.rectangle(
        (x - 3 * scale, floor_y - 3 * scale, x + 3 * scale, ground), fill=color
    )  # ladder


def draw_landscape(seed_text, time_of_day=None):
    """The placeholder landscape for ``seed_text``, a WIDTH × HEIGHT Pillow image; its light
    is one of TIMES_OF_DAY, chosen by the seed unless given."""
    rng = _rng(seed_text)
    palette = rng.choice(PALETTES)
    if time_of_day is not None:
        palette = PALETTES[TIMES_OF_DAY.index(time_of_day)]
    sky_top, horizon, light, near, haze = palette
    hue = rng.uniform(-0.04, 0.04)
    sat = rng.uniform(0.85, 1.15)
    sky_top, horizon, haze = (_shift(c, hue, sat) for c in (sky_top, horizon, haze))
    near = _shift(near, hue * 2, sat)
    is_night = sum(sky_top) < 120

    size = (WIDTH, HEIGHT)
    picture = _vertical_gradient(size, sky_top, horizon)

    # Sun or moon with its halo.
    cx, cy = rng.uniform(0.15, 0.85) * WIDTH, rng.uniform(0.1, 0.26) * HEIGHT
    radius = rng.uniform(36, 60)
    picture = ImageChops.add(picture, _glow(size, (cx, cy), radius * 4, light, 0.3))
    disc = PILImage.new("L", size, 0)
    disc_draw = ImageDraw.Draw(disc)
    disc_draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=255)
    if is_night:  # a crescent: cut an offset disc out of the moon
        offset = radius * 0.45
        disc_draw.ellipse(
            (cx - radius + offset, cy - radius - 6, cx + radius + offset, cy + radius - 6), fill=0
        )
    picture = PILImage.composite(PILImage.new("RGB", size, light), picture, disc)
    draw = ImageDraw.Draw(picture)
    if is_night:
        for _ in range(70):
            sx, sy = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT * 0.5)
            draw.point((sx, sy), fill=_mix(sky_top, (255, 255, 255), rng.uniform(0.4, 0.9)))

    # Clouds: soft lit ellipses, blurred.
    clouds = PILImage.new("L", size, 0)
    cloud_draw = ImageDraw.Draw(clouds)
    for _ in range(rng.randint(2, 5)):
        bx, by = rng.uniform(0, WIDTH), rng.uniform(0.08, 0.38) * HEIGHT
        for _ in range(rng.randint(3, 6)):
            w, h = rng.uniform(80, 220), rng.uniform(18, 40)
            ox, oy = rng.uniform(-160, 160), rng.uniform(-14, 14)
            cloud_draw.ellipse((bx + ox - w, by + oy - h, bx + ox + w, by + oy + h), fill=90)
    clouds = _soft(clouds, 22)
    cloud_color = _mix(horizon, (255, 255, 255), 0.5 if not is_night else 0.1)
    picture = PILImage.composite(PILImage.new("RGB", size, cloud_color), picture, clouds)

    # Hills, far to near: each layer darker and less hazy, with mist between layers.
    layers = rng.randint(4, 5)
    ridges = []
    for i in range(layers):
        depth = i / (layers - 1)
        base_y = HEIGHT * (0.56 + 0.11 * i) + rng.uniform(-15, 15)
        amplitude = HEIGHT * (0.2 - 0.02 * i) * rng.uniform(0.7, 1.2)
        ridge = _ridge(rng, base_y, amplitude, rng.uniform(0.8, 1.4))
        ridges.append(ridge)
        color = _mix(haze, near, depth**0.9)
        hill = PILImage.new("L", size, 0)
        ImageDraw.Draw(hill).polygon(ridge + [(WIDTH + 20, HEIGHT), (0, HEIGHT)], fill=255)
        if i == 0:
            hill = hill.filter(ImageFilter.GaussianBlur(2))
        shading = _vertical_gradient(size, _shift(color, light=1.12), _shift(color, light=0.8))
        picture = PILImage.composite(shading, picture, hill)
        draw = ImageDraw.Draw(picture)
        if 0 < i < layers - 1 and rng.random() < 0.7:
            _pines(
                draw, rng, ridge, _shift(color, light=1.05), rng.randint(8, 30), 0.5 + depth * 0.6
            )
        if i < layers - 1:  # mist in the valley below this ridge
            mist = PILImage.new("L", size, 0)
            top = max(_ridge_y(ridge, x) for x in range(0, WIDTH, 80))
            ImageDraw.Draw(mist).rectangle((0, top - 30, WIDTH, top + 40), fill=70)
            mist = _soft(mist, 30)
            picture = PILImage.composite(PILImage.new("RGB", size, haze), picture, mist)

    # A rông house on the second-nearest ridge, at its highest point in the chosen third.
    if rng.random() < 0.6:
        ridge = ridges[-2]
        third = rng.choice([(0.12, 0.4), (0.6, 0.88)])
        xs = range(int(third[0] * WIDTH), int(third[1] * WIDTH), 10)
        hx = min(xs, key=lambda x: _ridge_y(ridge, x))
        depth = (layers - 2) / (layers - 1)
        color = _mix(_mix(haze, near, depth), (0, 0, 0), 0.25)
        _rong_house(
            ImageDraw.Draw(picture), hx, _ridge_y(ridge, hx) + 6, rng.uniform(1.0, 1.3), color
        )

    # A soft vignette.
    vignette = PILImage.new("L", (160, 90), 0)
    ImageDraw.Draw(vignette).ellipse((-30, -25, 190, 115), fill=255)
    vignette = vignette.filter(ImageFilter.GaussianBlur(14)).resize(size)
    picture = PILImage.composite(picture, _mix_image(picture, (0, 0, 0), 0.35), vignette)

    return picture


def render_landscape(seed_text):
    """The JPEG bytes of the placeholder picture for ``seed_text``."""
    picture = draw_landscape(seed_text)
    output_size = tuple(getattr(settings, "DEMO_IMAGE_SIZE", picture.size))
    if output_size != picture.size:  # the test settings ask for small pictures: cheap renditions
        picture = picture.resize(output_size, PILImage.Resampling.LANCZOS)
    return encode_jpeg(picture)


def encode_jpeg(picture):
    """JPEG bytes, the quality lowered until the file is under MAX_BYTES."""
    buffer = BytesIO()
    quality = JPEG_QUALITY
    while True:
        buffer.seek(0)
        buffer.truncate()
        picture.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        if buffer.tell() <= MAX_BYTES or quality <= 50:
            return buffer.getvalue()
        quality -= 8


def _mix_image(picture, color, amount):
    return PILImage.blend(picture, PILImage.new("RGB", picture.size, color), amount)


def make_demo_image(title, seed_text, collection=None):
    """The demo's image titled ``title``, drawn from ``seed_text`` on first use (found again
    by its key in demo.marks, never by its title)."""
    key = f"kontum_site.image:{title}"
    found = get(key)
    if found is not None:
        return found
    Image = get_image_model()
    slug = slugify_vi(title, max_length=60) or "anh-minh-hoa"
    image = Image(title=title)
    if collection is not None:
        image.collection = collection
    image.file = ImageFile(BytesIO(render_landscape(seed_text)), name=f"{slug}.jpg")
    image._set_image_file_metadata()
    image.save()
    return mark(key, image)
