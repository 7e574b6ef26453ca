"""Demo programmes: "Thời sự Kon Tum" (video bulletins) and "Nông thôn mới" (radio), a few
short episodes each, with captions and a transcript. The files are tiny ones made with ffmpeg
and shipped in programmes/demo_media/ (see its README): no network, no ffmpeg needed here.
Idempotent: the demo's objects are found again by their keys (kontum_site.demo_marks), never
by title; what exists is kept."""

import io
from datetime import datetime, timedelta
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.translation import gettext as _

from avmedia.models import MediaItem
from kontum_site import demo_marks
from kontum_site.models import HomePage

from .models import EpisodePage, ProgrammeIndexPage, ProgrammePage

FILES = Path(__file__).resolve().parent / "demo_media"
INDEX_SLUG = "chuong-trinh"
PROGRAMMES = [
    {
        "slug": "thoi-su-kon-tum",
        "title": "Thời sự Kon Tum",
        "description": "Bản tin thời sự truyền hình hằng ngày của Đài (dữ liệu mẫu).",
        "schedule": "18:00 hằng ngày trên KTTV",
        "category": "News|Daily News",
        "colour": (179, 38, 30),
        "media": {
            "title": "Thời sự Kon Tum – bản tin mẫu",
            "type": "video",
            "file": "thoi-su-kon-tum.mp4",
            "captions": "thoi-su-kon-tum.vi.vtt",
            "duration": 4.0,
            "width": 320,
            "height": 180,
            "transcript": "Thời sự Kon Tum xin kính chào quý vị và các bạn. "
            "Bản tin mẫu: hình và tiếng tạo bằng máy.",
        },
        "episodes": [
            "Thời sự tối: Kon Tum tổng kết phong trào thi đua yêu nước",
            "Thời sự tối: Nông dân Đăk Hà vào vụ cà phê",
            "Thời sự tối: Biên phòng Ia Dom giúp dân dựng nhà",
        ],
    },
    {
        "slug": "nong-thon-moi",
        "title": "Nông thôn mới",
        "description": "Chuyên mục phát thanh về xây dựng nông thôn mới (dữ liệu mẫu).",
        "schedule": "6:30 thứ Hai, thứ Năm trên sóng phát thanh",
        "category": "Government",
        "colour": (46, 125, 50),
        "media": {
            "title": "Nông thôn mới – chương trình phát thanh mẫu",
            "type": "audio",
            "file": "nong-thon-moi.mp3",
            "captions": "nong-thon-moi.vi.vtt",
            "duration": 5.0,
            "transcript": "Chương trình Nông thôn mới – bản phát thanh mẫu, âm thanh tạo bằng máy.",
        },
        "episodes": [
            "Nông thôn mới: Làng Kon Klor giữ nếp nhà rông",
            "Nông thôn mới: Hợp tác xã dược liệu Măng Ri",
            "Nông thôn mới: Đường bê tông về thôn",
        ],
    },
]


def _picture(title, colour, size):
    return demo_marks.ensure(
        f"programmes.picture:{title}", lambda: _draw_picture(title, colour, size)
    )


def _draw_picture(title, colour, size):
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    image_model = get_image_model()
    canvas = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((size[0] // 10, size[1] // 3, size[0] * 9 // 10, size[1] * 2 // 3), fill="white")
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=80)
    return image_model.objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title[:40]}.jpg")
    )


def _media(spec, colour):
    return demo_marks.ensure(f"programmes.media:{spec['file']}", lambda: _make_media(spec, colour))


def _make_media(spec, colour):
    poster = _picture(f"Ảnh đại diện {spec['title']}", colour, (960, 540))
    with open(FILES / spec["file"], "rb") as data, open(FILES / spec["captions"], "rb") as vtt:
        item = MediaItem(
            title=spec["title"],
            type=spec["type"],
            duration=spec["duration"],
            width=spec.get("width"),
            height=spec.get("height"),
            poster=poster,
            transcript=spec["transcript"],
            captions_language="vi",
        )
        item.file.save(spec["file"], File(data), save=False)
        item.captions.save(spec["captions"], File(vtt), save=False)
        item.save()
    return item


def load(stdout=None):
    home = HomePage.objects.first()
    if home is None:
        return None
    index = demo_marks.ensure(
        "programmes.index",
        lambda: demo_marks.add_page(
            home,
            ProgrammeIndexPage(
                slug=INDEX_SLUG,
                title="Chương trình",
                intro="Bản tin truyền hình và chương trình phát thanh của Đài (dữ liệu mẫu).",
                show_in_menus=True,
            ),
        ),
    )
    if index is None:
        return None
    aired = timezone.make_aware(datetime(2026, 11, 30, 18, 0))
    for spec in PROGRAMMES:
        programme = demo_marks.ensure(
            f"programmes.programme:{spec['slug']}",
            lambda spec=spec: demo_marks.add_page(
                index,
                ProgrammePage(
                    slug=spec["slug"],
                    title=spec["title"],
                    description=spec["description"],
                    schedule=spec["schedule"],
                    podcast_category=spec["category"],
                    podcast_owner_email="podcast@example.invalid",
                    cover=_picture(f"Bìa {spec['title']}", spec["colour"], (1400, 1400)),
                ),
            ),
        )
        if programme is None:
            continue
        media = _media(spec["media"], spec["colour"])
        for number, title in enumerate(spec["episodes"]):
            demo_marks.ensure(
                f"programmes.episode:{spec['slug']}:{number}",
                lambda title=title, number=number, programme=programme, media=media: (
                    demo_marks.add_page(
                        programme,
                        EpisodePage(
                            title=title,
                            media=media,
                            air_date=aired - timedelta(days=number),
                            summary=f"{title} (dữ liệu mẫu).",
                        ),
                    )
                ),
            )
    if stdout:
        stdout.write(
            _("Programmes: %(programmes)d, episodes: %(episodes)d, at %(url)s")
            % {
                "programmes": ProgrammePage.objects.count(),
                "episodes": EpisodePage.objects.count(),
                "url": index.url,
            }
        )
    return index
