"""The demo's English and Ba Na editions get their news: the news section and the sections
translated, and a few stories translated from the Vietnamese demo stories (texts in
demo_data/editions.toml). Made the way the desk makes them: Wagtail's translation of a page
(`copy_for_translation`, what simple_translation's Translate action does), then edited and
published. Idempotent like every loader (demo.marks); an edition whose home the demo did not
make is left alone.
"""

import tomllib
from pathlib import Path

from django.utils.translation import gettext as _
from wagtail.models import Locale

from demo import marks as demo_marks
from language.vietnamese import nfc, slugify_vi

DATA = Path(__file__).resolve().parent / "demo_data" / "editions.toml"


def _editions():
    return tomllib.loads(DATA.read_text(encoding="utf-8"))["editions"]


def _story_fields(spec, note):
    paragraphs = [*spec["body"], note]
    return {
        "title": nfc(spec["title"]),
        "slug": slugify_vi(spec["title"], max_length=80),
        "lead": nfc(spec["lead"]),
        "featured_image_caption": nfc(spec["caption"]),
        "body": [{"type": "paragraph", "value": f"<p>{nfc(text)}</p>"} for text in paragraphs],
    }


def _load_edition(spec, stdout):
    code = spec["code"]
    if demo_marks.get(f"editions.home:{code}") is None:
        return 0
    locale = Locale.objects.get(language_code=code)
    news = spec["news"]
    demo_marks.ensure(
        f"editions.news:{code}",
        lambda: demo_marks.translate_page(
            demo_marks.get("news.index"),
            locale,
            {"title": news["title"], "slug": news["slug"], "intro": news["intro"]},
        ),
    )
    for section in spec["sections"]:
        demo_marks.ensure(
            f"editions.section:{code}:{section['source']}",
            lambda section=section: demo_marks.translate_page(
                demo_marks.get(f"news.section:{section['source']}"),
                locale,
                {"title": section["title"], "slug": section["slug"]},
            ),
        )
    made = 0
    for story in spec["stories"]:
        key = f"editions.story:{code}:{story['source']}"
        if demo_marks.made(key):
            continue
        page = demo_marks.ensure(
            key,
            lambda story=story: demo_marks.translate_page(
                demo_marks.get(f"news.story:{story['source']}"),
                locale,
                _story_fields(story, spec["note"]),
            ),
        )
        if page is not None:
            page.tags.clear()  # the Vietnamese tags: the edition's own replace them
            page.tags.add(*story["tags"])
            page.save_revision().publish()
            made += 1
    return made


def load(stdout=None):
    for spec in _editions():
        made = _load_edition(spec, stdout)
        if stdout:
            stdout.write(
                _("Edition %(code)s: %(count)d stories translated")
                % {"code": spec["code"], "count": made}
            )
