"""The benchmark dataset: built once per size, by per-app steps (settings.BENCH_DATASET_STEPS).

A step is a module with `build(ctx)` (insert the rows) and `targets(ctx)` (register the URLs
to measure on a built dataset); `ctx` is a `BenchContext`: `ctx.scale` multiplies the
default sizes, `ctx.say()` shows progress, `ctx.shared` passes objects between steps (the
home page, the news index, a staff user...), and `ctx.target(kind, path, ...)` registers a
URL to measure. Steps bulk-insert (bulk_create, or `bulk_insert_pages` for Wagtail pages).
"""

import time
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings

from editorial.page_tree import bulk_insert_pages as insert

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
    # Content stamps bumped before every request, as a story's publication bumps them: the
    # render that follows a publication (page cache off, parts on, the moved parts stale).
    after: tuple = ()


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
    """editorial.page_tree.bulk_insert_pages, reporting its progress to ``ctx``.

    `pages` are unsaved instances of one specific page class, with title/slug set. Returns the
    saved pages (with pk). No revisions are made: the pages are live as given.
    """

    def progress(done, total):
        if ctx is not None:
            ctx.progress(label, done, total)

    return insert(parent, pages, progress=progress)


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
