"""The benchmark dataset: built once per size, by per-app steps (settings.BENCH_DATASET_STEPS).

A step is a module with `build(ctx)` (insert the rows) and `targets(ctx)` (register the URLs
to measure on a built dataset); `ctx` is a `BenchContext`: `ctx.scale` multiplies the
default sizes, `ctx.say()` shows progress, `ctx.shared` passes objects between steps (the
home page, the news index, a staff user...), and `ctx.target(kind, path, ...)` registers a
URL to measure. Steps bulk-insert (bulk_create, or `bulk_insert_pages` for Wagtail pages).
"""

import time
import uuid
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

BATCH = 2000


@dataclass
class Target:
    kind: str
    path: str
    method: str = "GET"
    login: bool = False
    data: dict | None = None
    cached: bool = False  # served with the page cache on
    cold: bool = False  # served with no cached parts at all (FRAGMENT_CACHE_ENABLED=0)


@dataclass
class BenchContext:
    scale: float = 1.0
    stdout: object = None
    shared: dict = field(default_factory=dict)
    targets: list = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def size(self, default):
        return max(1, int(default * self.scale))

    def say(self, message):
        line = f"[{time.monotonic() - self.started:6.1f}s] {message}"
        if self.stdout is not None:
            self.stdout.write(line)
            self.stdout.flush()

    def target(self, kind, path, **options):
        self.targets.append(Target(kind, path, **options))

    def progress(self, label, done, total):
        if done == total or done % (BATCH * 5) == 0:
            self.say(f"  {label}: {done:,}/{total:,}")


def bulk_insert_pages(parent, pages, ctx=None, label="pages"):
    """Insert many new child pages of `parent` fast: base rows with bulk_create, specific rows
    with a raw insert (Django cannot bulk_create multi-table models), paths computed here.

    `pages` are unsaved instances of one specific page class, with title/slug set. Returns the
    saved pages (with pk). No revisions are made: the pages are live as given.
    """
    from wagtail.models import Locale, Page

    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = (int(last.path[-Page.steplen :], 36) + 1) if last else 1
    saved = []
    for offset in range(0, len(pages), BATCH):
        chunk = pages[offset : offset + BATCH]
        bases = []
        for number, page in enumerate(chunk, start=start + offset):
            base = Page(
                title=page.title,
                draft_title=page.title,
                slug=page.slug,
                content_type=content_type,
                path=parent.path + Page._int2str(number).rjust(Page.steplen, "0"),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{page.slug}/",
                live=page.live,
                has_unpublished_changes=False,
                first_published_at=page.first_published_at,
                last_published_at=page.first_published_at,
                locale=locale,
                translation_key=uuid.uuid4(),
                show_in_menus=False,
            )
            bases.append(base)
        with transaction.atomic():
            Page.objects.bulk_create(bases)
            if connection.vendor != "postgresql":  # SQLite returns no ids from bulk_create
                ids = dict(
                    Page.objects.filter(path__in=[b.path for b in bases]).values_list("path", "id")
                )
                for base in bases:
                    base.pk = base.id = ids[base.path]
            for base, page in zip(bases, chunk, strict=True):
                for field_ in Page._meta.concrete_fields:
                    setattr(page, field_.attname, getattr(base, field_.attname))
                page.page_ptr_id = base.pk
            local_fields = [
                f for f in model._meta.local_concrete_fields if f.name != "page_ptr"
            ] + [model._meta.get_field("page_ptr")]
            model.objects._insert(chunk, fields=local_fields, using=connection.alias)
        saved.extend(chunk)
        if ctx is not None:
            ctx.progress(label, len(saved), len(pages))
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return saved


def _steps():
    return [import_module(dotted) for dotted in settings.BENCH_DATASET_STEPS]


def build(scale=1.0, stdout=None):
    """Run every step's `build(ctx)`; returns the context."""
    ctx = BenchContext(scale=scale, stdout=stdout)
    for step in _steps():
        ctx.say(f"step {step.__name__}")
        step.build(ctx)
    ctx.say("dataset ready")
    return ctx


def find_targets(scale=1.0, stdout=None):
    """The URLs to measure on a built dataset: every step's `targets(ctx)`."""
    ctx = BenchContext(scale=scale, stdout=stdout)
    for step in _steps():
        step.targets(ctx)
    return ctx
