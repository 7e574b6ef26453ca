"""Bench step (see bench/dataset.py): 100 campaigns with 300 conferences."""

import random
from datetime import date, timedelta

from bench.dataset import bulk_insert_pages
from campaigns.models import CampaignIndexPage, CampaignPage, ConferenceLevel, ConferencePage

CAMPAIGNS = 100
CONFERENCES = 300
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def build(ctx):
    index = CampaignIndexPage.objects.live().first()
    wanted = ctx.size(CAMPAIGNS)
    existing = CampaignPage.objects.filter(slug__startswith="phong-trao-bench-").count()
    if existing >= wanted:
        ctx.say(f"  {existing:,} bench campaigns already there")
        return
    rng = random.Random(20203)
    campaigns = []
    for number in range(existing, wanted):
        start = date(2000 + number % 25, 1 + number % 12, 1)
        campaigns.append(
            CampaignPage(
                title=f"Phong trào thi đua “Đoàn kết, sáng tạo” số {number}",
                slug=f"phong-trao-bench-{number}",
                slogan="Đoàn kết, sáng tạo, thi đua hoàn thành thắng lợi nhiệm vụ",
                plan_number=f"{100 + number}/KH-UBND",
                plan_date=start,
                plan_issuer="Ủy ban nhân dân tỉnh Kon Tum",
                start_date=start,
                end_date=start + timedelta(days=365 * 5),
                scope_level="provincial",
                intro="Phát động phong trào thi đua yêu nước trong toàn tỉnh.",
                themes="Xây dựng nông thôn mới\nGiảm nghèo bền vững",
                live=True,
            )
        )
    saved = bulk_insert_pages(index, campaigns, ctx, label="campaigns")
    levels = ConferenceLevel.values
    per_campaign = max(1, ctx.size(CONFERENCES) // max(1, len(saved)))
    total = 0
    for campaign in saved:
        conferences = [
            ConferencePage(
                title=f"Đại hội thi đua yêu nước lần thứ {ROMAN[n % 10]} – {campaign.title}",
                slug=f"dai-hoi-{n + 1}",
                level=rng.choice(levels),
                ordinal=ROMAN[n % 10],
                date=campaign.start_date + timedelta(days=400 * (n + 1)),
                venue="Hội trường tỉnh Kon Tum",
                host_unit="Ban Thi đua – Khen thưởng tỉnh",
                summary="Biểu dương các điển hình tiên tiến.",
                live=True,
            )
            for n in range(per_campaign)
        ]
        total += len(bulk_insert_pages(campaign, conferences))
    ctx.say(f"  {len(saved):,} campaigns, {total:,} conferences")


def targets(ctx):
    campaign = (
        CampaignPage.objects.live().filter(slug="phong-trao-bench-7").first()
        or CampaignPage.objects.live().first()
    )
    if campaign:
        ctx.target("campaign", campaign.url)
