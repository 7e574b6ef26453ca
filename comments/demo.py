"""Demo comments: approved threads on several demo stories and a queue to moderate.

Only on the demo's own pages (demo.marks), never on staff work; the demo's
comments are recognised by their addresses (demoN@example.invalid), so a second run adds none.
The comments' texts are in demo_data/comments.toml.
"""

import tomllib
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from demo import marks as demo_marks

from .checks import comments_enabled
from .models import Comment, Status
from .roles import ensure_roles

DEMO_DOMAIN = "@example.invalid"

DATA = Path(__file__).resolve().parent / "demo_data" / "comments.toml"
_data = tomllib.loads(DATA.read_text(encoding="utf-8"))

# (name, comment, [(reply name, reply), …]), approved
THREADS = [
    (
        thread["name"],
        thread["body"],
        [(reply["name"], reply["body"]) for reply in thread["replies"]],
    )
    for thread in _data["threads"]
]
# (name, comment, status, previous status), to moderate
QUEUE = [
    (
        item["name"],
        item["body"],
        Status(item["status"]),
        Status(item["previous"]) if item["previous"] else "",
    )
    for item in _data["queue"]
]


def _email(name, index):
    return f"demo{index}{DEMO_DOMAIN}"


def _candidate_pages():
    """The demo's live pages, those of COMMENTS_DEMO_PAGE_MODELS (e.g. stories) first, newest
    first."""
    live = Page.objects.live().filter(pk__in=demo_marks.page_pks()).order_by("-first_published_at")
    preferred = [
        apps.get_model(label) for label in getattr(settings, "COMMENTS_DEMO_PAGE_MODELS", [])
    ]
    for model in preferred:
        yield from live.type(model).specific()
    yield from live.specific()


def load(stdout=None):
    ensure_roles()
    if Comment.objects.filter(author_email__endswith=DEMO_DOMAIN).exists():
        return 0
    pages = [page for page in _candidate_pages() if comments_enabled(page)][:4]
    if not pages:
        if stdout:
            stdout.write(_("Comments: no page open for comments yet; nothing added."))
        return 0
    now = timezone.now()
    made, index = 0, 0
    for page_number, page in enumerate(pages):
        for name, body, replies in THREADS[: 3 - page_number % 2]:
            index += 1
            root = Comment.objects.create(
                page=page,
                author_name=name,
                author_email=_email(name, index),
                body=body,
                status=Status.APPROVED,
                created_at=now - timedelta(hours=30 - index),
                ip_address="203.0.113.0",
            )
            made += 1
            for reply_name, reply_body in replies:
                index += 1
                Comment.objects.create(
                    page=page,
                    parent=root,
                    thread=root,
                    depth=2,
                    author_name=reply_name,
                    author_email=_email(reply_name, index),
                    body=reply_body,
                    status=Status.APPROVED,
                    created_at=now - timedelta(hours=20 - index),
                )
                made += 1
    for number, (name, body, status, previous) in enumerate(QUEUE):
        index += 1
        Comment.objects.create(
            page=pages[number % len(pages)],
            author_name=name,
            author_email=_email(name, index),
            body=body,
            status=status,
            previous_status=previous,
            created_at=now - timedelta(minutes=10 * (number + 1)),
            ip_address="198.51.100.0",
            moderators_notified=True,
        )
        made += 1
    if stdout:
        stdout.write(
            _("Comments: %(count)d demo comments on %(pages)d pages.")
            % {"count": made, "pages": len(pages)}
        )
    return made
