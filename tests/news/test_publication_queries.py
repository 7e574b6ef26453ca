"""A publication's cost (issue 26): the editor-in-chief publishes a story through the admin in
a newsroom of 5 stories and in one of 40 (more tags, reporters, pages, each story linking to
others): the number of SQL queries is the same, within a budget; and a front (Varnish) that
takes the purge's connection but does not answer costs the publication at most the purge's
time limit (FRONT_PURGE_TIMEOUT), not a wait per URL.
"""

import io
import socket
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import ArticleByline, ArticlePage, ArticleRelatedStory, SectionPage
from tests.conftest import admin_form_data

pytestmark = pytest.mark.django_db

# The publication of one story through the admin, with what runs after the commit and the
# tasks the test settings run at once (search and reference index), the shared cache in the
# database as without Redis: its form, revision, log entries, tags, bylines, section, the
# content stamps and purges of its page and of the listings that show it. Before issue 26:
# 612 queries at 5 stories, 962 at 40 (Django's DatabaseCache wrote each stamp of the
# related column of every story sharing a tag on its own; the folded search text read tags
# and bylines six times); after: 308 at both on SQLite, 310 on PostgreSQL.
BUDGET = 320


# The site's shared cache when no REDIS_URL is set (kontum_site/settings/base.py), as in the
# bench: content stamps and the page cache in the database.
SHARED_CACHE_WITHOUT_REDIS = {
    "default": {
        "BACKEND": "caching.db_cache.SharedDatabaseCache",
        "LOCATION": "kontum_cache",
        "KEY_PREFIX": "kontum",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}


def add_stories(section, reporters, made, count):
    """`count` more stories, each with three tags (one that every story has, one of seven, one
    of its own), two bylines and links to the three stories before it; the newest."""
    for n in range(len(made), len(made) + count):
        story = ArticlePage(title=f"Tin số {n}", lead="Sapo.", live=False)
        story.tags.add("chủ đề chung", f"chủ đề {n % 7}", f"chủ đề riêng {n}")
        for reporter in (reporters[n % len(reporters)], reporters[(n + 3) % len(reporters)]):
            story.bylines.add(ArticleByline(reporter=reporter))
        for other in made[-3:]:
            story.related_links.add(ArticleRelatedStory(story=other))
        section.add_child(instance=story)
        story.save_revision().publish()
        made.append(story)
    return made[-1]


def form_errors(response):
    form = response.context and response.context.get("form")
    if form is None:
        return response.status_code
    formsets = {name: formset.errors for name, formset in form.formsets.items() if formset.errors}
    return form.errors, formsets


def publish(client, story, mark, after_commit):
    """The edit form as the browser sends it back, with a new title and "Publish"; what runs
    once the transaction commits (the purges) is counted in."""
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    data = admin_form_data(client, url)
    title = f"{story.title} ({mark})"
    data["title"] = title
    data["body-count"] = "0"  # the body as the script would send it back: emptied
    data["action-publish"] = "action-publish"
    with CaptureQueriesContext(connection) as captured, after_commit(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert ArticlePage.objects.get(pk=story.pk).title == title
    assert ArticlePage.objects.get(pk=story.pk).live
    return [query["sql"] for query in captured.captured_queries]


def test_publishing_a_story_costs_the_same_in_a_small_and_a_large_newsroom(
    client, news_index, make_reporter, staff_user, settings, django_capture_on_commit_callbacks
):
    after_commit = django_capture_on_commit_callbacks
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",  # a front that is not there
        }
    }
    settings.CACHES = SHARED_CACHE_WITHOUT_REDIS
    section = news_index.add_child(instance=SectionPage(title="Thời sự"))
    section.save_revision().publish()
    reporters = [make_reporter(f"Phóng viên {n}") for n in range(12)]
    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user("tongbientap", "Tổng biên tập"))  # publishes (three steps)
    made = []
    first = add_stories(section, reporters, made, 5)
    publish(client, made[0], "sửa", after_commit)  # warm: the role's permissions, content types
    small = publish(client, first, "cập nhật", after_commit)
    newest = add_stories(section, reporters, made, 35)
    large = publish(client, newest, "cập nhật", after_commit)
    print(f"\nPublishing a story: {len(small)} queries with 5 stories, {len(large)} with 40")
    assert len(large) <= len(small), "\n".join(sorted(set(large) - set(small))[:40])
    assert len(large) <= BUDGET, "\n".join(large)


class SilentFront:
    """A front that takes connections and answers nothing for `hold` seconds."""

    def __init__(self, hold):
        self.hold = hold
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                taken, _address = self.listener.accept()
            except OSError:
                return
            self.held.append(taken)
            threading.Timer(self.hold, taken.close).start()

    def close(self):
        self.listener.close()
        for held in self.held:
            held.close()


def test_a_front_that_does_not_answer_holds_a_publication_at_most_the_purge_time_limit(
    client, news_index, make_reporter, staff_user, settings, django_capture_on_commit_callbacks
):
    front = SilentFront(hold=6)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{front.port}",
        }
    }
    settings.FRONT_PURGE_TIMEOUT = 1
    try:
        section = news_index.add_child(instance=SectionPage(title="Thời sự"))
        section.save_revision().publish()
        reporters = [make_reporter(f"Phóng viên {n}") for n in range(4)]
        call_command("setup_roles", stdout=io.StringIO())
        client.force_login(staff_user("tongbientap", "Tổng biên tập"))
        settings.WAGTAILFRONTENDCACHE = {}  # the stories are made without the front
        story = add_stories(section, reporters, [], 1)
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{front.port}",
            }
        }
        started = time.monotonic()
        publish(client, story, "cập nhật", django_capture_on_commit_callbacks)
        seconds = time.monotonic() - started
    finally:
        front.close()
    print(f"\nPublishing with a silent front: {seconds:.2f} s")
    assert front.held, "the publication did not try the front"
    assert seconds < 4, seconds
