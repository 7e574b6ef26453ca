"""The demo's stories linked to the registry: their conference, campaign and exemplars.

Runs after the news and registry demos (DEMO_LOADERS); news may import the registry, so the
links are made here rather than in exemplars.demo.
"""

import re

from django.utils.translation import gettext as _

from demo import marks as demo_marks
from exemplars.demo import CYCLE_KEY, INDEX_KEY, demo_conferences
from exemplars.models import ExemplarPage
from language.vietnamese import fold
from news.models import ArticleExemplar, ArticlePage

# Words in a story's title that say which conference it covers (folded, no tone marks).
CONFERENCE_WORDS = [
    ("nguoi tot viec tot", "commune"),
    ("ngoc hoi tuyen duong", "district"),
    ("nganh giao duc tuyen duong", "department"),
    ("lao dong gioi, lao dong sang tao", "enterprise"),
    ("dai hoi thi dua yeu nuoc tinh kon tum lan thu viii", "provincial"),
]
CAMPAIGN_WORDS = [
    "2297",
    "dai hoi thi dua yeu nuoc",
    "phong trao thi dua yeu nuoc",
    "dien hinh tien tien",
]
HONOUREES_PER_STORY = 4


def _story_text(story):
    parts = [story.title, story.lead]
    for block in story.body:
        if block.block_type == "paragraph":
            parts.append(str(block.value.source))
        elif isinstance(block.value, str):
            parts.append(block.value)
    return fold(" ".join(parts))


def link_stories(stdout=None):
    """Link the news demo's stories to their conference, campaign and exemplars, both ways.

    A story names a conference in its title, and exemplars by name in its text; a conference
    story also gets the conference's first honourees. Only the demo's own stories, once each,
    and only when no draft waits on them (the revision published is the demo's own); staff
    stories are never touched.
    """
    story_model, link_model = ArticlePage, ArticleExemplar
    directory = demo_marks.get(INDEX_KEY)
    cycle = demo_marks.get(CYCLE_KEY)
    if directory is None or cycle is None:
        return
    conferences = {c.level: c for c in demo_conferences(cycle)}
    exemplars = list(
        ExemplarPage.objects.child_of(directory)
        .live()
        .filter(pk__in=demo_marks.pks(ExemplarPage))
        .order_by("pk")
    )
    patterns = [
        (re.compile(rf"(?<!\w){re.escape(fold(page.title))}(?!\w)"), page) for page in exemplars
    ]
    linked = 0
    stories = story_model.objects.live().filter(pk__in=demo_marks.pks(story_model))
    for story in stories.order_by("pk"):
        if not demo_marks.editable(story):
            continue  # a staff draft waits on it: the demo never publishes it
        text = _story_text(story)
        title = fold(story.title)
        level = next((lvl for words, lvl in CONFERENCE_WORDS if words in title), None)
        conference = conferences.get(level)
        wanted = [page for pattern, page in patterns if pattern.search(text)]
        if conference is not None:
            wanted += [
                h.exemplar
                for h in conference.honourees.select_related("exemplar")[:HONOUREES_PER_STORY]
            ]
        draft = story.get_latest_revision_as_object()
        changed = False
        if conference is not None and draft.conference_id != conference.pk:
            draft.conference, changed = conference, True
        if draft.campaign_id is None and (
            conference or any(word in text for word in CAMPAIGN_WORDS)
        ):
            draft.campaign, changed = cycle, True
        present = {link.exemplar_id for link in draft.exemplar_links.all()}
        for page in wanted:
            if page.pk not in present:
                draft.exemplar_links.add(link_model(exemplar=page, sort_order=len(present)))
                present.add(page.pk)
                changed = True
        if changed and demo_marks.once(f"exemplars.story_links:{story.pk}"):
            draft.save_revision().publish()
            linked += 1
    if stdout:
        stdout.write(_("Stories linked to campaigns and exemplars: %(count)d") % {"count": linked})
