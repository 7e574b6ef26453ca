"""Programme fixtures: media items made from the demo's tiny files (programmes/demo_media)."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.files import File
from django.utils import timezone

FILES = Path(__file__).resolve().parents[2] / "programmes" / "demo_media"


@pytest.fixture
def root_collection(db):
    """The migration's root collection (a transactional test before may have flushed it)."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def make_media(root_collection):
    from avmedia.models import MediaItem

    def make(kind="video", title="Bản tin mẫu", captions=True, **fields):
        name = "thoi-su-kon-tum" if kind == "video" else "nong-thon-moi"
        suffix = "mp4" if kind == "video" else "mp3"
        item = MediaItem(title=title, type=kind, **fields)
        with open(FILES / f"{name}.{suffix}", "rb") as data:
            item.file.save(f"{name}.{suffix}", File(data), save=False)
        if captions:
            with open(FILES / f"{name}.vi.vtt", "rb") as vtt:
                item.captions.save(f"{name}.vi.vtt", File(vtt), save=False)
        item.save()
        return item

    return make


@pytest.fixture
def programme(home_page):
    from programmes.models import ProgrammeIndexPage, ProgrammePage

    index = home_page.add_child(instance=ProgrammeIndexPage(title="Chương trình"))
    index.save_revision().publish()
    page = index.add_child(
        instance=ProgrammePage(
            title="Thời sự Kon Tum",
            description="Bản tin thời sự & chuyên đề <b>hằng ngày</b>.",
            podcast_owner_email="podcast@example.invalid",
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def make_episode(programme, make_media):
    from programmes.models import EpisodePage

    start = timezone.make_aware(datetime(2026, 11, 30, 18, 0))

    def make(title, days_ago=0, media=None, **fields):
        episode = programme.add_child(
            instance=EpisodePage(
                title=title,
                media=media or make_media(),
                air_date=start - timedelta(days=days_ago),
                **fields,
            )
        )
        episode.save_revision().publish()
        return episode

    return make
