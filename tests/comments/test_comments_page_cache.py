"""The anonymous page cache never hides a moderation decision."""

import pytest

from comments.models import Status
from comments.moderation import moderate

pytestmark = pytest.mark.django_db


def test_approval_shows_on_a_cached_story_and_removal_hides_it(
    client, story, make_comment, staff_user
):
    pending = make_comment(story, status=Status.PENDING, body="Ý kiến chờ duyệt")
    first = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    assert client.get(story.url)["X-Page-Cache"] == "hit"

    moderator = staff_user("kiemduyet", superuser=True)
    moderate([pending], "approve", moderator)
    shown = client.get(story.url)
    assert shown["X-Page-Cache"] == "miss"
    assert "Ý kiến chờ duyệt" in shown.content.decode()

    pending.refresh_from_db()
    moderate([pending], "trash", moderator)
    assert "Ý kiến chờ duyệt" not in client.get(story.url).content.decode()


def test_listing_counts_follow_approval(client, story, make_comment, staff_user):
    pending = make_comment(story, status=Status.PENDING)
    before = client.get("/tin-tuc/").content.decode()
    moderate([pending], "approve", staff_user("kiemduyet", superuser=True))
    after = client.get("/tin-tuc/").content.decode()
    assert before != after
    assert "1 bình luận" in after


def test_tag_and_reporter_pages_count_an_approved_comment_at_once(
    client, make_story, make_reporter, make_comment, staff_user
):
    story = make_story(
        title="Tin có bình luận", tags=["Nông thôn mới"], reporters=[make_reporter("Y Ban")]
    )
    pending = make_comment(story, status=Status.PENDING)
    listings = ["/tin-tuc/chu-de/nong-thon-moi/", "/tin-tuc/phong-vien/y-ban/"]
    for path in listings:
        assert "1 bình luận" not in client.get(path).content.decode()
        assert client.get(path)["X-Page-Cache"] == "hit"
    moderate([pending], "approve", staff_user("kiemduyet", superuser=True))
    for path in listings:
        assert "1 bình luận" in client.get(path).content.decode(), path
