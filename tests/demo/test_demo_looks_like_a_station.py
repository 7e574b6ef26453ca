"""The demo looks like a station's site: drawn programme art, episodes dated as their
programme airs, and award decisions numbered as real decisions are."""

from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


def test_the_demo_programmes_and_awards_look_real(client):
    """One load is slow, so one test checks the three promises."""
    call_command("load_demo", stdout=StringIO())
    check_episodes_air_as_their_programme_says(client)
    check_programme_art_is_drawn_and_distinct()
    check_decision_numbers_are_distinct()


def test_the_schedule_line_reads_as_a_time_and_weekdays():
    from datetime import time

    from programmes.schedule import Schedule, parse

    every_day = frozenset(range(7))
    assert parse("18:00 hằng ngày trên KTTV") == Schedule(time(18, 0), every_day)
    monday_thursday = frozenset({0, 3})
    assert parse("6:30 thứ Hai, thứ Năm trên sóng phát thanh") == Schedule(
        time(6, 30), monday_thursday
    )
    assert parse("20h15 thứ 7 và Chủ nhật") == Schedule(time(20, 15), frozenset({5, 6}))
    assert parse("Thứ Ba") is None  # no time: nothing to date episodes by
    assert parse("") is None


def check_episodes_air_as_their_programme_says(client):
    from programmes.models import EpisodePage, ProgrammePage
    from programmes.schedule import parse

    # The Vietnamese edition's programmes (the other editions': tests/editions).
    programmes = list(ProgrammePage.objects.live().filter(locale__language_code="vi"))
    assert len(programmes) >= 2
    for programme in programmes:
        schedule = parse(programme.schedule)
        assert schedule is not None, programme.schedule
        episodes = EpisodePage.objects.child_of(programme).live()
        assert episodes.count() >= 2
        for episode in episodes:
            aired = timezone.localtime(episode.air_date)
            assert aired.weekday() in schedule.weekdays, (programme.schedule, aired)
            assert (aired.hour, aired.minute) == (schedule.at.hour, schedule.at.minute), (
                programme.schedule,
                aired,
            )
            # The page says the same time as the schedule line.
            page = client.get(episode.url)
            assert page.status_code == 200
            assert aired.strftime("%H:%M") in page.content.decode()


def _colours(image):
    with image.file.open("rb") as handle:
        picture = PILImage.open(handle).convert("RGB")
        picture.thumbnail((160, 160))
        return picture.getcolors(maxcolors=160 * 160) or []


def check_programme_art_is_drawn_and_distinct():
    from programmes.models import ProgrammePage

    covers, posters = [], []
    # A translated programme keeps its source's pictures: each programme once, in Vietnamese
    # or in the edition it was made in.
    programmes = ProgrammePage.objects.live().select_related("cover")
    for programme in programmes.filter(alias_of=None).exclude(locale__language_code="en"):
        assert programme.cover is not None
        covers.append(programme.cover)
        episode = programme.get_children().specific().first()
        posters.append(episode.media.poster)
    for image in covers + posters:
        colours = _colours(image)
        assert len(colours) > 500, f"{image.title}: a flat picture ({len(colours)} colours)"
    # Each programme's pictures are its own.
    assert len({_bytes(image) for image in covers}) == len(covers)
    assert len({_bytes(image) for image in posters}) == len(posters)


def _bytes(image):
    with image.file.open("rb") as handle:
        return handle.read()


def check_decision_numbers_are_distinct():
    from exemplars.models import AwardRecord

    decisions = defaultdict(set)
    for record in AwardRecord.objects.exclude(decision_number=""):
        decisions[record.decision_number].add((record.decision_date, record.issuing_authority))
    assert decisions
    shared = {number: found for number, found in decisions.items() if len(found) > 1}
    assert not shared, f"one number, several decisions: {shared}"
    assert all(issuer for found in decisions.values() for _date, issuer in found)
