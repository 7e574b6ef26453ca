import pytest
from django.contrib.auth.models import Group

from comments import demo
from comments.models import Comment, Status

pytestmark = pytest.mark.django_db


def test_demo_threads_and_queue_idempotent(make_story):
    from demo import marks as demo_marks

    staff_story = make_story(title="Tin của toà soạn")
    for n in range(4):
        demo_marks.mark(f"test.story:{n}", make_story(title=f"Tin mẫu {n}"))
    made = demo.load()
    assert not Comment.objects.filter(page=staff_story).exists()  # staff work is left alone
    assert made > 0
    assert demo.load() == 0
    assert Comment.objects.count() == made
    assert Comment.objects.filter(status=Status.APPROVED, parent__isnull=False).exists()
    pages_with_threads = Comment.objects.approved().values("page").distinct().count()
    assert pages_with_threads >= 3
    for status in (Status.PENDING, Status.SPAM, Status.TRASH):
        assert Comment.objects.filter(status=status).exists()
    assert Group.objects.filter(name="Kiểm duyệt viên").exists()


def test_demo_without_pages_adds_nothing(home_page):
    assert demo.load() == 0
