"""Demo campaigns: the 2020 emulation cycle (Plan 2297/KH-UBND) with its conferences.

Idempotent: the pages are the demo's own, found by their keys (demo.marks),
never by slug or title; no network. Honourees are added by exemplars.demo.
"""

from datetime import date

from django.utils.translation import gettext as _

from base.models import HomePage
from demo import marks as demo_marks

from .models import CampaignIndexPage, CampaignMilestone, CampaignPage, ConferencePage

INDEX_SLUG = "phong-trao-thi-dua"
CYCLE_SLUG = "thi-dua-yeu-nuoc-2015-2020"

CONFERENCES = [
    {
        "slug": "hoi-nghi-bieu-duong-nguoi-tot-viec-tot-xa-dien-binh-2020",
        "title": "Hội nghị biểu dương người tốt việc tốt xã Diên Bình năm 2020",
        "level": "commune",
        "date": date(2020, 3, 20),
        "venue": "Hội trường UBND xã Diên Bình",
        "host_unit": "UBND xã Diên Bình",
    },
    {
        "slug": "hoi-nghi-tuyen-duong-dien-hinh-tien-tien-huyen-ngoc-hoi-2020",
        "title": "Hội nghị tuyên dương điển hình tiên tiến huyện Ngọc Hồi giai đoạn 2015–2020",
        "level": "district",
        "date": date(2020, 5, 14),
        "venue": "Trung tâm Văn hóa huyện Ngọc Hồi",
        "host_unit": "UBND huyện Ngọc Hồi",
    },
    {
        "slug": "hoi-nghi-tuyen-duong-dien-hinh-tien-tien-nganh-giao-duc-2020",
        "title": "Hội nghị tuyên dương điển hình tiên tiến ngành Giáo dục giai đoạn 2015–2020",
        "level": "department",
        "date": date(2020, 5, 28),
        "venue": "Hội trường Sở Giáo dục và Đào tạo",
        "host_unit": "Sở Giáo dục và Đào tạo tỉnh Kon Tum",
    },
    {
        "slug": "hoi-nghi-bieu-duong-lao-dong-gioi-lao-dong-sang-tao-2020",
        "title": "Hội nghị biểu dương những người lao động giỏi, lao động sáng tạo năm 2020",
        "level": "enterprise",
        "date": date(2020, 6, 10),
        "venue": "Hội trường Liên đoàn Lao động tỉnh",
        "host_unit": "Liên đoàn Lao động tỉnh Kon Tum",
    },
    {
        "slug": "dai-hoi-thi-dua-yeu-nuoc-tinh-kon-tum-lan-thu-viii",
        "title": "Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VIII",
        "level": "provincial",
        "ordinal": "VIII",
        "date": date(2020, 10, 22),
        "venue": "Hội trường 19/8 tỉnh Kon Tum",
        "host_unit": "UBND tỉnh Kon Tum",
    },
]


def _child(parent, model, slug, **fields):
    return demo_marks.ensure(
        f"campaigns.page:{slug}", lambda: demo_marks.add_page(parent, model(slug=slug, **fields))
    )


def _cycle():
    cycle = CampaignPage(
        slug=CYCLE_SLUG,
        title="Phong trào thi đua yêu nước giai đoạn 2015–2020 và Đại hội Thi đua yêu nước lần thứ VIII",  # noqa: E501
        slogan="Thi đua là yêu nước, yêu nước thì phải thi đua",
        intro="Sơ kết, tổng kết phong trào thi đua yêu nước từ sau Đại hội lần thứ VII (2015), "
        "tổ chức hội nghị điển hình tiên tiến các cấp và Đại hội lần thứ VIII.",
        plan_number="2297/KH-UBND",
        plan_date=date(2019, 9, 10),
        plan_issuer="Ủy ban nhân dân tỉnh Kon Tum",
        start_date=date(2015, 10, 1),
        end_date=date(2020, 10, 22),
        scope_level="provincial",
        goals="<p>Đánh giá kết quả phong trào thi đua yêu nước giai đoạn 2015–2020; phát hiện, "
        "tôn vinh, nhân rộng các điển hình tiên tiến.</p>",
        themes="Xây dựng nông thôn mới\nVì người nghèo – Không để ai bị bỏ lại phía sau\n"
        "Văn hóa công sở\nDoanh nghiệp hội nhập và phát triển\n"
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    )
    for when, title in [
        (date(2019, 9, 10), "Ban hành Kế hoạch số 2297/KH-UBND"),
        (date(2020, 3, 1), "Hội nghị điển hình tiên tiến cấp xã"),
        (date(2020, 6, 30), "Hoàn thành hội nghị cấp huyện, sở, ngành, doanh nghiệp"),
        (date(2020, 10, 22), "Đại hội Thi đua yêu nước tỉnh lần thứ VIII"),
    ]:
        cycle.milestones.add(CampaignMilestone(date=when, title=title))
    return cycle


def load(stdout=None):
    home = HomePage.objects.first()
    if home is None:
        return None
    index = _child(
        home,
        CampaignIndexPage,
        INDEX_SLUG,
        title="Phong trào thi đua",
        show_in_menus=True,
        intro="Các phong trào thi đua yêu nước, hội nghị biểu dương và đại hội thi đua.",
    )
    cycle = demo_marks.ensure(
        f"campaigns.page:{CYCLE_SLUG}", lambda: demo_marks.add_page(index, _cycle())
    )
    if index is None or cycle is None:
        return cycle
    _child(
        index,
        CampaignPage,
        "thi-dua-yeu-nuoc-2026-2030",
        title="Phong trào thi đua yêu nước giai đoạn 2026–2030",
        slogan="Đoàn kết, đổi mới, phát triển",
        plan_number="01/KH-HĐTĐKT (mẫu)",
        plan_issuer="Hội đồng Thi đua – Khen thưởng tỉnh",
        start_date=date(2026, 1, 1),
        end_date=date(2030, 12, 31),
        scope_level="provincial",
        themes="Chuyển đổi số\nXóa nhà tạm, nhà dột nát",
    )
    _child(
        index,
        CampaignPage,
        "ca-nuoc-chung-tay-vi-nguoi-ngheo-2021-2025",
        title="Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau (2021–2025)",
        start_date=date(2021, 1, 1),
        end_date=date(2025, 12, 31),
        scope_level="national",
    )
    for spec in CONFERENCES:
        spec = dict(spec)
        _child(cycle, ConferencePage, spec.pop("slug"), **spec)
    if stdout:
        stdout.write(
            _("Campaigns: %(campaigns)d, conferences: %(conferences)d, at %(url)s")
            % {
                "campaigns": CampaignPage.objects.count(),
                "conferences": ConferencePage.objects.count(),
                "url": cycle.get_parent().url,
            }
        )
    return cycle
