"""A schedule or channel edited, or a slot boundary passed: the pages showing "Đang phát /
Tiếp theo" are rendered again (the page cache and the HTTP front forget them, and the home
page's validators change, so no browser keeps a 304 from before)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.models import Site

from base.models import HomePage
from caching import content_versions
from caching.page_cache import purge_page, purge_paths

from .models import Channel, ScheduleDay
from .on_air import SCOPE


def refresh_pages():
    """Purge the live page and the home pages, and change the home pages' stamps."""
    homes = list(HomePage.objects.only("pk", "path", "url_path", "depth"))
    content_versions.bump(*(content_versions.page_scope(home.pk) for home in homes))
    for home in homes:
        purge_page(home, listings=False)
    paths = [reverse("channels:live")]
    purge_paths(paths)
    roots = [site.root_url for site in Site.objects.all()]
    transaction.on_commit(lambda: purge_paths(paths, roots))


def schedule_changed(**kwargs):
    content_versions.bump(SCOPE)
    refresh_pages()


def connect():
    for model in (Channel, ScheduleDay):
        post_save.connect(schedule_changed, sender=model, dispatch_uid=f"channels-{model}-save")
        post_delete.connect(schedule_changed, sender=model, dispatch_uid=f"channels-{model}-delete")
