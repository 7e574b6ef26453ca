"""Texts of the demo news section, read from demo_data/stories.toml: reporters, tags and 18
stories about Kon Tum's 2020 emulation cycle (see the file's header for its format).

People, cooperatives, companies and figures in the stories are fictional; every story ends with
``DEMO_NOTE``. Body blocks come out as StreamField raw data; an image block carries only its
caption and credit here, and ``news.demo`` draws and attaches the picture.
"""

import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "demo_data" / "stories.toml"


def P(html):
    return {"type": "paragraph", "value": f"<p>{html}</p>"}


def H(text):
    return {"type": "heading", "value": text}


def Q(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def IMG(caption, credit):
    return {"type": "image", "value": {"caption": caption, "credit": credit}}


def block(data):
    """One body block of the file (p, h, quote + by, image + credit) as StreamField data."""
    if "p" in data:
        return P(data["p"])
    if "h" in data:
        return H(data["h"])
    if "quote" in data:
        return Q(data["quote"], data["by"])
    if "image" in data:
        return IMG(data["image"], data["credit"])
    raise ValueError(f"{DATA.name}: unknown body block {sorted(data)}")


def story(data):
    """A story of the file, its date as (year, month, day, hour, minute) local time."""
    when = data["date"]
    return {
        **data,
        "date": (when.year, when.month, when.day, when.hour, when.minute),
        "body": [block(item) for item in data["body"]],
    }


_data = tomllib.loads(DATA.read_text(encoding="utf-8"))

DEMO_NOTE = P(_data["demo_note"])
NEWS_INDEX_INTRO = _data["news_index_intro"]
REPORTERS = _data["reporters"]
TAGS = _data["tags"]
STORIES = [story(item) for item in _data["stories"]]
