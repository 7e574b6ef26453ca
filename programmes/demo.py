"""Demo programmes: "Thời sự Kon Tum" (video bulletins) and "Nông thôn mới" (radio), a few
short episodes each, with captions and a transcript. The files are tiny ones made with ffmpeg
and shipped in programmes/demo_media/ (see its README): no network, no ffmpeg needed here.
Each programme has a title card drawn on a Kon Tum landscape (cover and poster), and its
episodes aired when its "on air" line says. Idempotent: the demo's objects are found again by
their keys (demo.marks), never by title; what exists is kept, except that a demo
made before the cards and schedules is brought up to date once (see _bring_up_to_date).
The programmes' texts are in demo_data/programmes.toml."""

import io
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from avmedia.models import MediaItem
from base.models import HomePage
from demo import marks as demo_marks
from demo.cards import render_card
from language.vietnamese import slugify_vi

from .models import EpisodePage, ProgrammeIndexPage, ProgrammePage
from .schedule import parse as parse_schedule

FILES = Path(__file__).resolve().parent / "demo_media"
DATA = Path(__file__).resolve().parent / "demo_data"
INDEX_SLUG = "chuong-trinh"
LAST_DAY = date(2026, 11, 30)  # the demo's newest episodes aired on or before this day


def _programme(spec):
    """A programme of demo_data/programmes.toml, its card colour as an (r, g, b) tuple."""
    return {**spec, "colour": tuple(spec["colour"])}


_data = tomllib.loads((DATA / "programmes.toml").read_text(encoding="utf-8"))
PROGRAMMES = [_programme(spec) for spec in _data["programmes"]]


def _card(title, spec, size):
    """The programme's title card (demo.cards): its name on a drawn landscape."""
    return demo_marks.ensure(f"programmes.card:{title}", lambda: _draw_card(title, spec, size))


def _draw_card(title, spec, size):
    image = get_image_model()(title=title)
    data = render_card(
        spec["title"], spec["colour"], size, spec["schedule"], spec["slug"], spec["light"]
    )
    image.file = ImageFile(io.BytesIO(data), name=f"{slugify_vi(title, max_length=60)}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


def _cover(spec):
    return _card(f"Bìa {spec['title']}", spec, (1400, 1400))


def _poster(spec):
    """16:9 for a video (its still before playing), square for audio (shown as cover art)."""
    size = (960, 540) if spec["media"]["type"] == "video" else (960, 960)
    return _card(f"Ảnh đại diện {spec['media']['title']}", spec, size)


def _media(spec, number=0):
    """Episode ``number``'s own file: one enclosure URL per episode (podcast apps take two
    episodes with one URL for one episode). The first keeps the key demos were made with."""
    key = f"programmes.media:{spec['media']['file']}"
    if number:
        key += f":{number}"
    return demo_marks.ensure(key, lambda: _make_media(spec, number))


def _make_media(programme_spec, number=0):
    spec = programme_spec["media"]
    poster = _poster(programme_spec)
    stem, dot, extension = spec["file"].rpartition(".")
    name = f"{stem}-{number + 1}.{extension}" if number else spec["file"]
    with open(FILES / spec["file"], "rb") as data, open(FILES / spec["captions"], "rb") as vtt:
        item = MediaItem(
            title=f"{spec['title']} ({number + 1})" if number else spec["title"],
            type=spec["type"],
            duration=spec["duration"],
            width=spec.get("width"),
            height=spec.get("height"),
            poster=poster,
            transcript=spec["transcript"],
            captions_language="vi",
        )
        item.file.save(name, File(data), save=False)
        item.captions.save(spec["captions"], File(vtt), save=False)
        item.save()
    return item


def air_dates(spec):
    """When the programme's episodes aired, newest first: its latest slots by its "on air"
    line (programmes.schedule) up to the demo's last day."""
    return parse_schedule(spec["schedule"]).last_airings(len(spec["episodes"]), LAST_DAY)


# Before: every episode at 18:00, a day apart back from the last day, whatever the programme.
_OLD_AIR_DATE = timezone.make_aware(datetime.combine(LAST_DAY, time(18, 0)))


def _bring_up_to_date(spec, programme, aired):
    """A demo made before the programmes had drawn art and schedule-true episodes gets them,
    once, on the demo's own objects that staff have not changed: a programme or episode
    page with no draft waiting, a cover or poster that is still the old flat picture."""
    if programme.schedule != spec["schedule"]:
        return  # staff have retimed the programme: its pages are theirs to date
    old_cover = demo_marks.get(f"programmes.picture:Bìa {spec['title']}")
    if old_cover is not None and demo_marks.editable(programme):
        revision = programme.get_latest_revision_as_object()
        if revision.cover_id == old_cover.pk:
            revision.cover = _cover(spec)
            revision.save_revision().publish()
    media = demo_marks.get(f"programmes.media:{spec['media']['file']}")
    old_poster = demo_marks.get(f"programmes.picture:Ảnh đại diện {spec['media']['title']}")
    if media is not None and old_poster is not None and media.poster_id == old_poster.pk:
        media.poster = _poster(spec)
        media.save(update_fields=["poster"])
    for number, _title in enumerate(spec["episodes"]):
        episode = demo_marks.get(f"programmes.episode:{spec['slug']}:{number}")
        if episode is None or not demo_marks.editable(episode):
            continue
        if episode.air_date == _OLD_AIR_DATE - timedelta(days=number):  # not changed by staff
            revision = episode.get_latest_revision_as_object()
            revision.air_date = aired[number]
            revision.save_revision().publish()


def _own_media(spec):
    """A demo made when a programme's episodes shared one file gives each its own, once, on
    the demo's episodes staff have not changed."""
    shared = demo_marks.get(f"programmes.media:{spec['media']['file']}")
    for number in range(1, len(spec["episodes"])):
        episode = demo_marks.get(f"programmes.episode:{spec['slug']}:{number}")
        if episode is None or shared is None or not demo_marks.editable(episode):
            continue
        revision = episode.get_latest_revision_as_object()
        if revision.media_id == shared.pk:
            revision.media = _media(spec, number)
            revision.save_revision().publish()


def load(stdout=None):
    home = HomePage.objects.first()
    if home is None:
        return None
    index = demo_marks.ensure(
        "programmes.index",
        lambda: demo_marks.add_page(
            home,
            ProgrammeIndexPage(
                slug=INDEX_SLUG,
                title="Chương trình",
                intro="Bản tin truyền hình và chương trình phát thanh của Đài (dữ liệu mẫu).",
                show_in_menus=True,
            ),
        ),
    )
    if index is None:
        return None
    for spec in PROGRAMMES:
        programme = demo_marks.ensure(
            f"programmes.programme:{spec['slug']}",
            lambda spec=spec: demo_marks.add_page(
                index,
                ProgrammePage(
                    slug=spec["slug"],
                    title=spec["title"],
                    description=spec["description"],
                    schedule=spec["schedule"],
                    podcast_category=spec["category"],
                    podcast_owner_email="podcast@example.invalid",
                    cover=_cover(spec),
                ),
            ),
        )
        if programme is None:
            continue
        aired = air_dates(spec)
        for number, title in enumerate(spec["episodes"]):
            demo_marks.ensure(
                f"programmes.episode:{spec['slug']}:{number}",
                lambda title=title, at=aired[number], programme=programme, n=number, spec=spec: (
                    demo_marks.add_page(
                        programme,
                        EpisodePage(
                            title=title,
                            media=_media(spec, n),
                            air_date=at,
                            summary=f"{title} (dữ liệu mẫu).",
                        ),
                    )
                ),
            )
        if demo_marks.once(f"programmes.station_look:{spec['slug']}"):
            _bring_up_to_date(spec, programme, aired)
        if demo_marks.once(f"programmes.own_media:{spec['slug']}"):
            _own_media(spec)
    if stdout:
        stdout.write(
            _("Programmes: %(programmes)d, episodes: %(episodes)d, at %(url)s")
            % {
                "programmes": ProgrammePage.objects.count(),
                "episodes": EpisodePage.objects.count(),
                "url": index.url,
            }
        )
    return index
