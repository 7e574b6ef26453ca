"""The programmes of the demo's English and Ba Na editions (texts in
demo_data/editions.toml): each edition's programme index is a translation of the Vietnamese
one; English translates the news bulletin and its newest episode, Ba Na has a programme of its
own with one episode and a podcast feed in its language. Idempotent (demo.marks)."""

import tomllib
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from wagtail.models import Locale

from demo import marks as demo_marks
from language.vietnamese import nfc, slugify_vi

from .demo import LAST_DAY, PROGRAMMES, _cover, _media
from .models import EpisodePage, ProgrammePage

DATA = Path(__file__).resolve().parent / "demo_data" / "editions.toml"
TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def _translated_programme(spec, locale, code):
    source = demo_marks.get(f"programmes.programme:{spec['source']}")
    programme = demo_marks.ensure(
        f"editions.programme:{code}",
        lambda: demo_marks.translate_page(
            source,
            locale,
            {
                "title": spec["title"],
                "slug": spec["slug"],
                "description": spec["description"],
                "language": code,
            },
        ),
    )
    if programme is None:
        return None
    newest = EpisodePage.objects.child_of(source).live().order_by("-air_date").first()
    demo_marks.ensure(
        f"editions.episode:{code}",
        lambda: demo_marks.translate_page(
            newest,
            locale,
            {
                "title": spec["episode"],
                "slug": slugify_vi(spec["episode"], max_length=80),
                "summary": f"{spec['episode']}.",
            },
        ),
    )
    return programme


def _own_programme(spec, index, code):
    radio = PROGRAMMES[1]  # the radio programme's schedule and sound, under its own name
    base = {
        **radio,
        "title": spec["title"],
        "slug": spec["slug"],
        "media": {**radio["media"], "title": spec["title"]},
    }
    programme = demo_marks.ensure(
        f"editions.programme:{code}",
        lambda: demo_marks.add_page(
            index,
            ProgrammePage(
                title=nfc(spec["title"]),
                slug=spec["slug"],
                description=nfc(spec["description"]),
                language=code,
                schedule=base["schedule"],
                podcast_category=base["category"],
                podcast_owner_email="podcast@example.invalid",
                cover=_cover(base),
            ),
        ),
    )
    if programme is None:
        return None
    aired = datetime.combine(LAST_DAY, time(17, 30), tzinfo=TIME_ZONE)
    demo_marks.ensure(
        f"editions.episode:{code}",
        lambda: demo_marks.add_page(
            programme,
            EpisodePage(
                title=nfc(spec["episode"]),
                media=_media(base, 9),
                air_date=aired,
                summary=nfc(spec["episode"]) + ".",
            ),
        ),
    )
    return programme


def load(stdout=None):
    for spec in tomllib.loads(DATA.read_text(encoding="utf-8"))["editions"]:
        code = spec["code"]
        if demo_marks.get(f"editions.home:{code}") is None:
            continue
        locale = Locale.objects.get(language_code=code)
        index = demo_marks.ensure(
            f"editions.programmes:{code}",
            lambda spec=spec, locale=locale: demo_marks.translate_page(
                demo_marks.get("programmes.index"), locale, dict(spec["index"])
            ),
        )
        if index is None:
            continue
        wanted = spec["programme"]
        if "source" in wanted:
            programme = _translated_programme(wanted, locale, code)
        else:
            programme = _own_programme(wanted, index, code)
        if programme is not None and stdout:
            stdout.write(
                _("Edition %(code)s: the programme “%(title)s” at %(url)s")
                % {"code": code, "title": programme.title, "url": programme.url}
            )
