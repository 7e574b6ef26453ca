"""Demo comments: approved threads on several demo stories and a queue to moderate.

Only on the demo's own pages (demo.marks), never on staff work; the demo's
comments are recognised by their addresses (demoN@example.invalid), so a second run adds none.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from demo import marks as demo_marks

from .checks import comments_enabled
from .models import Comment, Status
from .roles import ensure_roles

DEMO_DOMAIN = "@example.invalid"

THREADS = [
    (
        "Trần Văn Bình",
        "Bài viết rất hay, cảm ơn phóng viên đã đưa tin kịp thời.",
        [("Lê Thị Hoa", "Tôi đồng ý, mong tòa soạn tiếp tục theo dõi sự kiện này.")],
    ),
    ("Y Nhung", "Xã tôi cũng đang triển khai phong trào này, rất thiết thực cho bà con.", []),
    (
        "Phạm Quốc Hùng",
        "Đề nghị nêu rõ hơn thời gian và địa điểm tổ chức.",
        [("A Thuận", "Theo thông báo của huyện là sáng thứ Bảy tuần này.")],
    ),
]
QUEUE = [
    ("Nguyễn Thị Mai", "Cho tôi hỏi đăng ký tham gia ở đâu ạ?", Status.PENDING, ""),
    ("Hồ Văn Tâm", "Mong có thêm ảnh về hoạt động ở các làng vùng sâu.", Status.PENDING, ""),
    ("Đinh Thị Lan", "Tin rất bổ ích cho <b>bà con</b> vùng cao.", Status.PENDING, ""),
    ("Khuyến mãi", "Vay tiền nhanh không cần thế chấp http://spam.invalid", Status.SPAM, ""),
    ("Bot", "Mua thuốc giá rẻ www.spam.invalid www.spam2.invalid", Status.SPAM, ""),
    ("Ẩn danh", "Bình luận gửi nhầm.", Status.TRASH, Status.PENDING),
]


def _email(name, index):
    return f"demo{index}{DEMO_DOMAIN}"


def _candidate_pages():
    """The demo's live pages, those of COMMENTS_DEMO_PAGE_MODELS (e.g. stories) first, newest
    first."""
    from django.apps import apps
    from django.conf import settings

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
