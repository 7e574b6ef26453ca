"""A demo database made before the station look (flat covers, every episode at 18:00, every
conference's decisions numbered "100/QĐ-KT"…) is brought up to date by the next `load_demo`,
on the demo's own objects only: what staff changed stays as they left it."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PILImage

from base.models import DemoObject

pytestmark = pytest.mark.django_db


def _load():
    call_command("load_demo", stdout=StringIO())


def _publish(page, **fields):
    page = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def _flat_picture(title):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    buffer = BytesIO()
    PILImage.new("RGB", (140, 140), (46, 125, 50)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(BytesIO(buffer.getvalue()), name="flat.jpg")
    )


def _make_it_an_old_demo(programme, episodes, conference):
    from demo import marks as demo_marks

    old_cover = demo_marks.mark("programmes.picture:Bìa Nông thôn mới", _flat_picture("Bìa"))
    _publish(programme, cover=old_cover)
    old_evening = timezone.make_aware(datetime(2026, 11, 30, 18, 0))
    for number, episode in enumerate(episodes):
        _publish(episode, air_date=old_evening - timedelta(days=number))
    records = list(conference.get_latest_revision_as_object().honourees.all())
    for order, record in enumerate(records):
        record.decision_number, record.issuing_authority = f"{100 + order}/QĐ-KT", ""
    conference = conference.get_latest_revision_as_object()
    conference.honourees = records
    conference.save_revision().publish()
    DemoObject.objects.filter(
        key__in=["programmes.station_look:nong-thon-moi", "exemplars.decisions:commune"]
    ).delete()


def test_an_old_demo_gets_the_station_look_where_staff_left_it_alone():
    from campaigns.models import ConferencePage
    from exemplars.models import AwardRecord
    from programmes.models import EpisodePage, ProgrammePage

    _load()
    programme = ProgrammePage.objects.get(slug="nong-thon-moi")
    new_cover = programme.cover_id
    episodes = list(EpisodePage.objects.child_of(programme).order_by("-air_date"))
    conference = ConferencePage.objects.get(level="commune")
    _make_it_an_old_demo(programme, episodes, conference)
    # A reporter corrected one episode's air time: theirs to keep.
    staff_time = timezone.make_aware(datetime(2026, 11, 19, 6, 45))
    _publish(episodes[2], air_date=staff_time)

    _load()

    programme.refresh_from_db()
    assert programme.cover_id == new_cover
    aired = [timezone.localtime(EpisodePage.objects.get(pk=e.pk).air_date) for e in episodes]
    assert [(a.weekday(), a.hour, a.minute) for a in aired[:2]] == [(0, 6, 30), (3, 6, 30)]
    assert aired[2] == staff_time
    honourees = AwardRecord.objects.filter(conference_id=conference.pk)
    decisions = {(h.decision_number, h.issuing_authority) for h in honourees}
    assert decisions == {("27/QĐ-UBND", "Chủ tịch UBND xã Diên Bình")}
