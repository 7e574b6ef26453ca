"""The documentation holds together: README.md stays short, and every relative link and image
in README.md and docs/*.md points to a file (and, with a #fragment, a heading) that exists."""

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target) and ![alt](target), outside code spans; a title after the target is allowed.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def _anchors(path):
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    anchors = set()
    for line in CODE.sub("", path.read_text()).splitlines():
        match = re.match(r"#{1,6}\s+(.*)", line)
        if match:
            text = match.group(1).strip().lower()
            text = "".join(c for c in text if c in "-_ " or unicodedata.category(c)[0] in "LN")
            anchors.add(text.replace(" ", "-"))
    return anchors


def _links(path):
    return LINK.findall(CODE.sub("", path.read_text()))


def test_the_documentation_exists():
    names = {path.name for path in DOCS}
    for name in ["operations.md", "performance.md", "development.md", "editorial.md"]:
        assert name in names
    assert "huong-dan-ban-bien-tap.md" in names


def test_readme_stays_short():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 150


@pytest.mark.parametrize("path", DOCS, ids=lambda path: path.name)
def test_every_relative_link_and_image_points_to_something(path):
    broken = []
    for target in _links(path):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        file_part, _, fragment = target.partition("#")
        destination = (path.parent / file_part).resolve() if file_part else path
        missing_heading = (
            destination.exists()
            and fragment
            and destination.suffix == ".md"
            and fragment not in _anchors(destination)
        )
        if not destination.exists() or missing_heading:
            broken.append(target)
    assert broken == []


def test_the_desk_guide_shows_its_screens():
    guide = ROOT / "docs" / "huong-dan-ban-bien-tap.md"
    images = [target for target in _links(guide) if target.endswith(".png")]
    assert len(images) >= 5
    assert guide.read_text() == unicodedata.normalize("NFC", guide.read_text())
