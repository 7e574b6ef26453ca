"""The demo's texts and records live in data files beside each app's loader (`<app>/demo_data/`):
UTF-8 in NFC, readable with the standard library, and consistent with each other, so that an
editor who changes a file learns here, in a second, what `manage.py load_demo` would trip on."""

import csv
import tomllib
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(ROOT.glob("*/demo_data/*"))


def test_each_app_with_demo_data_has_its_files():
    apps = {path.parent.parent.name for path in DATA_FILES}
    assert {"news", "exemplars", "campaigns", "programmes", "comments"} <= apps


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_data_file_is_nfc_utf8_and_parses(path):
    text = path.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path.name} is not NFC"
    if path.suffix == ".toml":
        assert tomllib.loads(text)
    elif path.suffix == ".csv":
        rows = list(csv.reader(text.splitlines()))
        assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)
    else:
        pytest.fail(f"unexpected demo data file {path.name}")


def test_stories_name_known_reporters_tags_and_related_stories():
    from news.demo_stories import DATA, DEMO_NOTE, REPORTERS, STORIES, TAGS

    keys = [story["key"] for story in STORIES]
    assert keys == [story["key"] for story in tomllib.loads(DATA.read_text("utf-8"))["stories"]]
    assert len(STORIES) == 18 and len(set(keys)) == len(keys)
    reporters = {reporter["name"] for reporter in REPORTERS}
    for story in STORIES:
        assert set(story["reporters"]) <= reporters, story["key"]
        assert set(story["tags"]) <= set(TAGS), story["key"]
        assert set(story.get("related", [])) <= set(keys), story["key"]
        assert len(story["date"]) == 5 and story["body"], story["key"]
        kinds = {block["type"] for block in story["body"]}
        assert kinds <= {"paragraph", "heading", "quote", "image"}, story["key"]
    assert DEMO_NOTE["value"].startswith("<p><em>")


def test_exemplars_name_known_places_awards_and_honourees():
    from exemplars.demo import (
        AWARDS_BY_KIND,
        CONFERENCE_DECISIONS,
        CONFERENCE_PLACES,
        DISTRICTS,
        EXEMPLARS,
        HONOUREES,
    )
    from exemplars.vocabulary import AWARD_TYPES

    places = set(DISTRICTS) | {commune for communes in DISTRICTS.values() for commune in communes}
    award_names = {name for name, _category, _kinds, _basis in AWARD_TYPES}
    assert len(EXEMPLARS) == 33
    for name, kind, _honorific, born, _ethnicity, *_rest, place, _sector in EXEMPLARS:
        assert place in places, name
        assert kind in AWARDS_BY_KIND, name
        assert born is None or 1900 < born < 2020, name
    for awards in AWARDS_BY_KIND.values():
        assert {award for award, _level, _issuer in awards} <= award_names
    assert set(HONOUREES) == set(CONFERENCE_DECISIONS)
    assert set(CONFERENCE_PLACES.values()) <= places
    for rows, award in HONOUREES.values():
        assert award in award_names and all(0 <= row < len(EXEMPLARS) for row in rows)


def test_campaigns_programmes_and_comments_read_back():
    from datetime import date

    from campaigns.demo import CONFERENCES, CYCLE
    from comments.demo import QUEUE, THREADS
    from comments.models import Status
    from programmes.demo import FILES, PROGRAMMES

    assert [c["level"] for c in CONFERENCES] == [
        "commune",
        "district",
        "department",
        "enterprise",
        "provincial",
    ]
    assert all(isinstance(c["date"], date) for c in CONFERENCES + CYCLE["milestones"])
    for spec in PROGRAMMES:
        assert (FILES / spec["media"]["file"]).exists() and len(spec["colour"]) == 3
    assert THREADS and all(isinstance(status, Status) for _n, _b, status, _p in QUEUE)
