"""Bench step (see bench/dataset.py): 3,000 exemplars with 10,000 award records."""

import random
from datetime import date

from bench.dataset import BATCH, bulk_insert_pages
from campaigns.models import CampaignPage
from exemplars.models import (
    AwardRecord,
    AwardType,
    EthnicGroup,
    ExemplarIndexPage,
    ExemplarKind,
    ExemplarPage,
    Place,
    Sector,
)
from language.vietnamese import fold

EXEMPLARS = 3_000
AWARDS = 10_000
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "A", "Y", "Đinh", "Hồ", "Võ", "Rơ Châm"]
MIDDLE = ["Văn", "Thị", "Ngọc", "Đức", "Minh", "Thanh", "", "H'"]
GIVEN = ["Liên", "Hùng", "Blúp", "Thương", "Đông", "Hải", "Nhung", "Sơn", "Hà", "Tâm", "Khiêm"]


def build(ctx):
    index = ExemplarIndexPage.objects.live().first()
    wanted = ctx.size(EXEMPLARS)
    existing = ExemplarPage.objects.filter(slug__startswith="dien-hinh-bench-").count()
    if existing >= wanted:
        ctx.say(f"  {existing:,} bench exemplars already there")
        return
    rng = random.Random(20204)
    ethnicities = list(EthnicGroup.objects.values_list("pk", flat=True)) or [None]
    places = list(Place.objects.values_list("pk", flat=True)) or [None]
    sectors = list(Sector.objects.values_list("pk", flat=True)) or [None]
    award_types = list(AwardType.objects.values_list("pk", flat=True))
    campaigns = list(CampaignPage.objects.values_list("pk", flat=True)) or [None]
    kinds = ExemplarKind.values
    pages = []
    for number in range(existing, wanted):
        title = " ".join(
            part for part in (rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)) if part
        )
        title = f"{title} ({number})"
        pages.append(
            ExemplarPage(
                title=title,
                slug=f"dien-hinh-bench-{number}",
                kind=rng.choice(kinds),
                birth_year=rng.randint(1950, 2000),
                ethnicity_id=rng.choice(ethnicities),
                place_id=rng.choice(places),
                sector_id=rng.choice(sectors),
                role="Trưởng thôn",
                unit="Ủy ban nhân dân xã",
                summary="Điển hình tiên tiến trong phong trào thi đua yêu nước.",
                name_folded=fold(title),
                live=True,
            )
        )
    saved = bulk_insert_pages(index, pages, ctx, label="exemplars")
    records = []
    if award_types:
        for number in range(ctx.size(AWARDS) * len(saved) // max(1, wanted)):
            year = rng.randint(2000, 2025)
            records.append(
                AwardRecord(
                    exemplar_id=saved[number % len(saved)].pk,
                    award_type_id=rng.choice(award_types),
                    level=rng.choice(["provincial", "district", "grassroots"]),
                    decision_number=f"{rng.randint(10, 3000)}/QĐ-UBND",
                    decision_date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    year=year,
                    issuing_authority="Ủy ban nhân dân tỉnh Kon Tum",
                    campaign_id=rng.choice(campaigns),
                    sort_order=number // len(saved),
                )
            )
        AwardRecord.objects.bulk_create(records, batch_size=BATCH)
    ctx.say(f"  {len(saved):,} exemplars, {len(records):,} award records")


def targets(ctx):
    index = ExemplarIndexPage.objects.live().first()
    record = (
        AwardRecord.objects.filter(exemplar__slug__startswith="dien-hinh-bench-")
        .order_by("pk")
        .first()
    )
    if index and record:
        ctx.target(
            "exemplar directory, two facets",
            f"{index.url}?award={record.award_type_id}&year={record.year}",
        )
    exemplar = (
        ExemplarPage.objects.live().filter(slug="dien-hinh-bench-100").first()
        or ExemplarPage.objects.live().first()
    )
    if exemplar:
        ctx.target("exemplar profile", exemplar.url)
    ctx.target("search", "/tim-kiem/?q=dai+hoi+thi+dua")
