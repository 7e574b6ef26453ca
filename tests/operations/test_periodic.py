"""The one periodic process: scheduled stories go live and leave the caches; old spam goes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Revision

from comments.models import Comment, Status
from comments.periodic import purge_spam_and_trash

pytestmark = pytest.mark.django_db


def test_a_scheduled_story_goes_live_and_leaves_the_caches(make_story, news_index, clock):
    make_story(title="Tin đã đăng")
    reader = Client()
    assert reader.get(news_index.url).headers["X-Page-Cache"] == "miss"
    assert reader.get(news_index.url).headers["X-Page-Cache"] == "hit"

    story = make_story(title="Tin hẹn giờ đăng", publish=False)
    story.go_live_at = timezone.now() + timedelta(seconds=60)
    story.save_revision().publish()  # scheduled: not live yet
    story.refresh_from_db()
    assert not story.live
    assert "Tin hẹn giờ đăng" not in reader.get(news_index.url).content.decode()

    assert Revision.page_revisions.filter(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    ).exists()
    clock.advance(61)  # its time comes; the periodic process runs
    call_command("run_periodic", "--once")
    story.refresh_from_db()
    assert story.live
    listing = reader.get(news_index.url)
    assert listing.headers["X-Page-Cache"] == "miss"
    assert "Tin hẹn giờ đăng" in listing.content.decode()
    assert reader.get(story.url).status_code == 200


def _comment(story, status, age_days, parent=None, **fields):
    when = timezone.now() - timedelta(days=age_days)
    n = Comment.objects.count()
    return Comment.objects.create(
        page=story,
        parent=parent,
        thread=(parent.thread or parent) if parent else None,
        depth=parent.depth + 1 if parent else 1,
        author_name=f"Bạn đọc {n}",
        author_email=f"r{n}@example.invalid",
        body=f"Bình luận {n}",
        status=status,
        created_at=when,
        moderated_at=when,
        **fields,
    )


def test_old_spam_and_trash_are_removed_on_purpose_only(make_story, settings):
    settings.COMMENTS_PURGE_AFTER_DAYS = 30
    story = make_story()
    old_spam = _comment(story, Status.SPAM, 40)
    old_trash = _comment(story, Status.TRASH, 31)
    recent_spam = _comment(story, Status.SPAM, 3)
    old_rejected = _comment(story, Status.REJECTED, 400)
    old_approved = _comment(story, Status.APPROVED, 400)
    # Trashed after a reader had replied: the published reply keeps its parent.
    trashed_root = _comment(story, Status.TRASH, 60)
    reply = _comment(story, Status.APPROVED, 59, parent=trashed_root)
    assert purge_spam_and_trash() == 2
    left = set(Comment.objects.values_list("pk", flat=True))
    assert left == {recent_spam.pk, old_rejected.pk, old_approved.pk, trashed_root.pk, reply.pk}
    assert old_spam.pk not in left and old_trash.pk not in left
    settings.COMMENTS_PURGE_AFTER_DAYS = 0
    recent_spam.created_at = recent_spam.moderated_at = timezone.now() - timedelta(days=900)
    recent_spam.save()
    assert purge_spam_and_trash() == 0  # switched off


@pytest.mark.own_sqlite
def test_the_loop_stops_cleanly_on_sigterm(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from django.conf import settings

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kontum_site.settings.dev"}
    env["PYTHONUNBUFFERED"] = "1"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'periodic.sqlite3'}"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=settings.BASE_DIR, env=env, check=True
    )
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_periodic", "--tick", "0.5"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    first_line = process.stdout.readline()  # once it runs (Django's start-up can take a while)
    assert "Periodic jobs running" in first_line
    time.sleep(2)
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=20)
    output = first_line + output
    assert process.returncode == 0, output
    assert "Traceback" not in output
