"""The demo's live blog: the provincial emulation congress, ended (the home page's badge shows
only while a blog runs, so the demo's front page stays as it was). DEMO_LOADERS, idempotent."""

from datetime import timedelta

from django.utils import timezone

from demo import marks as demo_marks

from .models import LiveBlogPage, LiveUpdate

UPDATES = [
    (0, "Đại biểu bắt đầu vào hội trường Trung tâm Hội nghị tỉnh (dữ liệu mẫu).", {}),
    (
        20,
        "Khai mạc Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VI.",
        {"key_moment": True},
    ),
    (
        45,
        "",
        {
            "quote": "Thi đua là yêu nước, yêu nước thì phải thi đua.",
            "quote_source": "Chủ tịch Hồ Chí Minh",
        },
    ),
    (
        90,
        "Đại hội biểu dương 120 tập thể, cá nhân điển hình tiên tiến (dữ liệu mẫu).",
        {"key_moment": True, "pinned": True},
    ),
    (120, "Bế mạc Đại hội.", {}),
]


def load(stdout=None):
    index = demo_marks.get("news.index")
    if index is None:
        return None
    blog = demo_marks.ensure(
        "liveblog.congress",
        lambda: demo_marks.add_page(
            index,
            LiveBlogPage(
                title="Trực tiếp: Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VI",
                slug="truc-tiep-dai-hoi-thi-dua-yeu-nuoc-lan-thu-vi",
                intro="Diễn biến Đại hội, cập nhật liên tục (dữ liệu mẫu).",
                coverage_start=timezone.now() - timedelta(hours=3),
            ),
        ),
    )
    if blog is None or not demo_marks.once("liveblog.congress.updates"):
        return blog
    start = blog.coverage_start or timezone.now()
    for minutes, text, extra in UPDATES:
        LiveUpdate.objects.create(
            page=blog, text=text, created_at=start + timedelta(minutes=minutes), **extra
        )
    LiveBlogPage.objects.filter(pk=blog.pk).update(ended_at=start + timedelta(minutes=130))
    return blog
