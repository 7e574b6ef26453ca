"""Demo registry: places as they were in 2020 (and the 2025 merger), 32 sample exemplars with
award records, the conferences' honourees, and stories linked both ways.

All people and decision numbers are made up ("dữ liệu mẫu"). Idempotent, no network.
"""

import io
import random
from datetime import date

from django.apps import apps

from kontum_site.models import HomePage
from kontum_site.vietnamese import fold

from .models import (
    AwardRecord,
    AwardType,
    EthnicGroup,
    ExemplarIndexPage,
    ExemplarPage,
    Place,
    Sector,
)
from .vocabulary import seed

INDEX_SLUG = "dien-hinh-tien-tien"
MERGER = date(2025, 7, 1)
END_2025 = date(2025, 6, 30)
DISTRICTS = {
    "thành phố Kon Tum": ["xã Đăk Blà", "phường Quyết Thắng", "xã Ngọk Bay"],
    "huyện Đăk Hà": ["xã Hà Mòn", "thị trấn Đăk Hà"],
    "huyện Đăk Tô": ["thị trấn Đăk Tô", "xã Tân Cảnh"],
    "huyện Ngọc Hồi": ["xã Đăk Ang", "thị trấn Plei Kần"],
    "huyện Kon Plông": ["xã Măng Cành", "xã Hiếu"],
    "huyện Sa Thầy": ["xã Sa Nhơn"],
    "huyện Kon Rẫy": ["xã Đăk Tờ Re"],
    "huyện Đăk Glei": ["xã Đăk Môn"],
    "huyện Tu Mơ Rông": ["xã Đăk Hà"],
    "huyện Ia H'Drai": ["xã Ia Dom"],
}

# name, kind, honorific, birth year, ethnicity, role, unit, (district, commune), field
EXEMPLARS = [
    (
        "Y Nhi",
        "individual",
        "cô giáo",
        1995,
        "Ba Na",
        "Giáo viên",
        "Trường Mầm non Hoa Sen",
        0,
        "Giáo dục",
    ),
    (
        "A Thút",
        "individual",
        "già làng",
        1952,
        "Xơ Đăng",
        "Già làng",
        "Làng Kon Tu Dốp",
        7,
        "Dân vận",
    ),
    (
        "Nguyễn Văn Hùng",
        "individual",
        "ông",
        1978,
        "Kinh",
        "Giám đốc",
        "Hợp tác xã Đăk Hà Xanh",
        2,
        "Nông thôn mới",
    ),
    (
        "Y Blông",
        "individual",
        "bà",
        1970,
        "Gia Rai",
        "Chi hội trưởng Phụ nữ",
        "Thôn Ia Tri",
        18,
        "Giảm nghèo",
    ),
    (
        "A Lâm",
        "individual",
        "anh",
        1988,
        "Giẻ Triêng",
        "Trưởng thôn",
        "Thôn Đăk Xây",
        14,
        "Nông thôn mới",
    ),
    ("Thào Thị Mai", "individual", "chị", 1990, "Mường", "Y sĩ", "Trạm Y tế xã", 10, "Y tế"),
    (
        "Rơ Châm Hlen",
        "individual",
        "chị",
        1993,
        "Gia Rai",
        "Bác sĩ",
        "Trung tâm Y tế huyện",
        12,
        "Y tế",
    ),
    (
        "A Jar",
        "individual",
        "thượng úy",
        1986,
        "Ba Na",
        "Đội trưởng",
        "Đồn Biên phòng Ia Dom",
        18,
        "Quốc phòng – an ninh",
    ),
    (
        "Lê Thị Thu Hà",
        "individual",
        "cô giáo",
        1982,
        "Kinh",
        "Hiệu trưởng",
        "Trường Tiểu học Sa Nhơn",
        13,
        "Giáo dục",
    ),
    (
        "Y Gưr",
        "individual",
        "bà",
        1965,
        "Brâu",
        "Nghệ nhân dệt thổ cẩm",
        "Làng Đăk Mế",
        8,
        "Văn hóa – xã hội",
    ),
    ("A Kiên", "individual", "ông", 1975, "Rơ Măm", "Nông dân", "Làng Le", 13, "Kinh tế"),
    (
        "Trần Quốc Bảo",
        "individual",
        "kỹ sư",
        1984,
        "Kinh",
        "Kỹ sư",
        "Công ty Cà phê 734",
        6,
        "Doanh nghiệp",
    ),
    ("Hoàng Văn Tài", "individual", "ông", 1969, "Tày", "Chủ trang trại", "Thôn 3", 4, "Kinh tế"),
    (
        "Lò Thị Xuân",
        "individual",
        "chị",
        1991,
        "Thái",
        "Công nhân",
        "Công ty Cao su Kon Tum",
        5,
        "Doanh nghiệp",
    ),
    (
        "Nông Văn Lực",
        "individual",
        "anh",
        1987,
        "Nùng",
        "Công an viên",
        "Công an xã",
        9,
        "Quốc phòng – an ninh",
    ),
    (
        "Y Thuyên",
        "individual",
        "cô giáo",
        1998,
        "Xơ Đăng",
        "Giáo viên",
        "Trường PTDTBT Tiểu học",
        15,
        "Giáo dục",
    ),
    (
        "A Pher",
        "individual",
        "ông",
        1960,
        "Xơ Đăng",
        "Bí thư chi bộ",
        "Thôn Măng Búk",
        10,
        "Dân vận",
    ),
    (
        "Đinh Thị Hồng",
        "individual",
        "bà",
        1974,
        "Mường",
        "Tổ trưởng tổ hợp tác",
        "Tổ hợp tác sâm Ngọc Linh",
        16,
        "Kinh tế",
    ),
    ("Y Hoa", "individual", "chị", 1996, "Giẻ Triêng", "Bí thư Đoàn xã", "Đoàn xã", 16, "Dân vận"),
    (
        "Phạm Minh Đức",
        "individual",
        "bác sĩ",
        1980,
        "Kinh",
        "Trưởng khoa",
        "Bệnh viện Đa khoa tỉnh",
        1,
        "Y tế",
    ),
    (
        "Hợp tác xã Nông nghiệp Đăk Hà Xanh",
        "collective",
        "",
        None,
        None,
        "",
        "",
        2,
        "Nông thôn mới",
    ),
    ("Trường Mầm non Hoa Sen", "collective", "", None, None, "", "", 0, "Giáo dục"),
    (
        "Đồn Biên phòng Ia Dom",
        "collective",
        "",
        None,
        None,
        "",
        "Bộ đội Biên phòng tỉnh",
        18,
        "Quốc phòng – an ninh",
    ),
    ("Trạm Y tế xã Măng Cành", "collective", "", None, None, "", "", 10, "Y tế"),
    ("Công ty Cà phê 734", "collective", "", None, None, "", "", 6, "Doanh nghiệp"),
    ("Hội Liên hiệp Phụ nữ xã Sa Nhơn", "collective", "", None, None, "", "", 13, "Giảm nghèo"),
    (
        "Hộ gia đình ông A Blik",
        "household",
        "",
        None,
        "Ba Na",
        "",
        "Làng Kon Klor",
        0,
        "Giảm nghèo",
    ),
    (
        "Hộ gia đình bà Y Sương",
        "household",
        "",
        None,
        "Xơ Đăng",
        "",
        "Thôn Đăk Lanh",
        14,
        "Kinh tế",
    ),
    (
        "Hộ gia đình ông Trần Văn Lộc",
        "household",
        "",
        None,
        "Kinh",
        "",
        "Thôn 5",
        3,
        "Nông thôn mới",
    ),
    ("Làng Kon Klor", "village", "", None, "Ba Na", "", "", 0, "Văn hóa – xã hội"),
    ("Thôn Kon Tu Dốp", "village", "", None, "Xơ Đăng", "", "", 15, "Nông thôn mới"),
    ("Làng Plei Đôn", "village", "", None, "Ba Na", "", "", 1, "Văn hóa – xã hội"),
]

AWARDS_BY_KIND = {
    "individual": [
        ("Chiến sĩ thi đua cơ sở", "grassroots", "UBND huyện"),
        ("Bằng khen của bộ, ban, ngành, tỉnh", "provincial", "Chủ tịch UBND tỉnh Kon Tum"),
        ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "provincial", "Chủ tịch UBND tỉnh Kon Tum"),
        ("Bằng khen của Thủ tướng Chính phủ", "national", "Thủ tướng Chính phủ"),
        ("Lao động tiên tiến", "grassroots", "Chủ tịch UBND xã"),
    ],
    "collective": [
        ("Tập thể lao động tiên tiến", "grassroots", "UBND huyện"),
        ("Tập thể lao động xuất sắc", "provincial", "Chủ tịch UBND tỉnh Kon Tum"),
        ("Cờ thi đua của bộ, ban, ngành, tỉnh", "provincial", "Chủ tịch UBND tỉnh Kon Tum"),
        ("Huân chương Lao động hạng Ba", "national", "Chủ tịch nước"),
    ],
    "household": [
        ("Gia đình văn hóa", "grassroots", "Chủ tịch UBND xã"),
        ("Giấy khen", "grassroots", "Chủ tịch UBND xã"),
    ],
    "village": [
        ("Thôn, tổ dân phố văn hóa", "district", "Chủ tịch UBND huyện"),
        ("Bằng khen của bộ, ban, ngành, tỉnh", "provincial", "Chủ tịch UBND tỉnh Kon Tum"),
    ],
}
DECISION_SUFFIX = {
    "grassroots": "QĐ-UBND",
    "district": "QĐ-UBND",
    "provincial": "QĐ-UBND",
    "national": "QĐ-TTg",
}


def ensure_places():
    province, _created = Place.objects.get_or_create(
        name="tỉnh Kon Tum", parent=None, defaults={"level": "province", "valid_until": END_2025}
    )
    successor, _created = Place.objects.get_or_create(
        name="tỉnh Quảng Ngãi", parent=None, defaults={"level": "province", "valid_from": MERGER}
    )
    if province.successor_id is None:
        province.successor = successor
        province.save()
    communes = []
    for district_name, commune_names in DISTRICTS.items():
        district, _created = Place.objects.get_or_create(
            name=district_name,
            parent=province,
            defaults={"level": "district", "valid_until": END_2025},
        )
        for commune_name in commune_names:
            commune, _created = Place.objects.get_or_create(
                name=commune_name,
                parent=district,
                defaults={"level": "commune", "valid_until": END_2025},
            )
            communes.append(commune)
    return communes


def demo_portrait(name, seed_text):
    """A small generated portrait (initials on a colour), no network."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    image_model = get_image_model()
    title = f"Chân dung {name}"
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed_text)
    colour = tuple(rng.randint(60, 200) for _ in range(3))
    canvas = PILImage.new("RGB", (320, 320), colour)
    draw = ImageDraw.Draw(canvas)
    initials = "".join(part[0] for part in fold(name).upper().split()[:2])
    draw.ellipse((80, 60, 240, 220), fill=(240, 225, 210))
    draw.rectangle((60, 230, 260, 320), fill=(240, 225, 210))
    draw.text((150, 130), initials, fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=80)
    slug = fold(name).replace(" ", "-")
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"chan-dung-{slug}.jpg")
    )


def load(stdout=None):
    seed(AwardType, EthnicGroup, Sector)
    home = HomePage.objects.first()
    if home is None:
        return None
    communes = ensure_places()
    index = ExemplarIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index is None:
        index = home.add_child(
            instance=ExemplarIndexPage(
                title="Điển hình tiên tiến",
                slug=INDEX_SLUG,
                show_in_menus=True,
                intro="Những cá nhân, tập thể, hộ gia đình và thôn làng được biểu dương, khen thưởng "  # noqa: E501
                "(dữ liệu mẫu).",
            )
        )
        index.save_revision().publish()
    campaign_model = apps.get_model("campaigns", "CampaignPage")
    conference_model = apps.get_model("campaigns", "ConferencePage")
    cycle = campaign_model.objects.filter(slug="thi-dua-yeu-nuoc-2015-2020").first()
    conferences = (
        list(conference_model.objects.filter(path__startswith=cycle.path).order_by("date"))
        if cycle
        else []
    )
    award_types = {a.name: a for a in AwardType.objects.all()}
    ethnic = {e.name: e for e in EthnicGroup.objects.all()}
    sectors = {s.name: s for s in Sector.objects.all()}
    pages = []
    for number, (
        name,
        kind,
        honorific,
        born,
        ethnicity,
        role,
        unit,
        place_index,
        sector,
    ) in enumerate(EXEMPLARS):
        page = ExemplarPage.objects.child_of(index).filter(title=name).first()
        if page is None:
            page = ExemplarPage(
                title=name,
                kind=kind,
                honorific=honorific,
                birth_year=born,
                ethnicity=ethnic.get(ethnicity),
                role=role,
                unit=unit,
                place=communes[place_index % len(communes)],
                sector=sectors.get(sector),
                featured=number in (0, 1, 20, 29),
                portrait=demo_portrait(name, name) if number < 10 or kind == "collective" else None,
                summary=f"{honorific.capitalize() + ' ' if honorific else ''}{name} là điển hình tiên tiến "  # noqa: E501
                f"trong lĩnh vực {sector.lower()} (dữ liệu mẫu).",
                achievements="<p>Nhiều năm liền hoàn thành xuất sắc nhiệm vụ; tích cực tham gia các "  # noqa: E501
                "phong trào thi đua của địa phương (dữ liệu mẫu).</p>",
            )
            for order, (award_name, level, issuer) in enumerate(
                AWARDS_BY_KIND[kind][: 2 + number % 3]
            ):
                year = 2016 + (number + order * 2) % 5
                page.awards.add(
                    AwardRecord(
                        award_type=award_types[award_name],
                        level=level,
                        decision_number=f"{100 + number * 7 + order}/{DECISION_SUFFIX.get(level, 'QĐ-UBND')}",  # noqa: E501
                        decision_date=date(year, 1 + (number + order) % 12, 1 + number % 27),
                        issuing_authority=issuer,
                        year=year,
                        period="2015–2020" if year == 2020 else "",
                        campaign=cycle if year >= 2019 else None,
                        sort_order=order,
                    )
                )
            index.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    _honour_at_conferences(conferences, pages, award_types)
    if stdout:
        stdout.write(f"Exemplars: {ExemplarPage.objects.count()}")
    return index


def _honour_at_conferences(conferences, pages, award_types):
    by_level = {conference.level: conference for conference in conferences}
    plan = {
        "commune": ([0, 26, 29], "Giấy khen"),
        "district": ([2, 4, 20, 28], "Bằng khen của bộ, ban, ngành, tỉnh"),
        "enterprise": ([11, 13, 24], "Bằng khen của bộ, ban, ngành, tỉnh"),
        "provincial": ([0, 1, 3, 7, 9, 20, 21, 22, 25], "Bằng khen của bộ, ban, ngành, tỉnh"),
    }
    places = {"commune": "xã Đăk Blà", "district": "huyện Đăk Hà"}
    for level, (indexes, award_name) in plan.items():
        conference = by_level.get(level)
        if conference is None or conference.honourees.exists():
            continue
        conference = conference.get_latest_revision_as_object()
        if level in places:
            conference.place = Place.objects.filter(name=places[level]).first()
        for order, position in enumerate(indexes):
            conference.honourees.add(
                apps.get_model("campaigns", "ConferenceHonouree")(
                    exemplar=pages[position], award_type=award_types[award_name], sort_order=order
                )
            )
        conference.save_revision().publish()


STORY_SPECS = [
    (
        "khai-mac-dai-hoi-thi-dua-yeu-nuoc-tinh-lan-thu-viii",
        "Khai mạc Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VIII",
        "provincial",
        date(2020, 10, 22),
        [0, 1, 7],
    ),
    (
        "huyen-dak-ha-tuyen-duong-dien-hinh-tien-tien",
        "Huyện Đăk Hà tuyên dương điển hình tiên tiến giai đoạn 2015–2020",
        "district",
        date(2020, 5, 14),
        [2, 4, 20],
    ),
    (
        "xa-dak-bla-bieu-duong-nguoi-tot-viec-tot",
        "Xã Đăk Blà biểu dương người tốt việc tốt",
        "commune",
        date(2020, 3, 20),
        [0, 26, 29],
    ),
    (
        "bieu-duong-lao-dong-gioi-lao-dong-sang-tao",
        "Biểu dương những người lao động giỏi, lao động sáng tạo",
        "enterprise",
        date(2020, 6, 10),
        [11, 13, 24],
    ),
]


def link_stories(stdout=None):
    """Conference stories linked to their conference and exemplars (both ways).

    Stories from the news demo whose title names a conference are linked too; four demo
    conference stories are written if missing. Models of news are looked up by name.
    """
    from django.utils import timezone

    try:
        story_model = apps.get_model("news", "ArticlePage")
        index_model = apps.get_model("news", "NewsIndexPage")
        link_model = apps.get_model("news", "ArticleExemplar")
    except LookupError:
        return
    news_index = index_model.objects.order_by("path").first()
    directory = ExemplarIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if news_index is None or directory is None:
        return
    exemplars = list(ExemplarPage.objects.child_of(directory).order_by("pk"))
    by_title = {page.title: page for page in exemplars}
    ordered = [by_title.get(spec[0]) for spec in EXEMPLARS]
    conference_model = apps.get_model("campaigns", "ConferencePage")
    conferences = {c.level: c for c in conference_model.objects.live()}
    linked = 0
    for slug, title, level, when, picks in STORY_SPECS:
        chosen = [ordered[i] for i in picks if ordered[i] is not None]
        story = story_model.objects.child_of(news_index).filter(slug=slug).first()
        if story is not None:
            continue
        first = chosen[0]
        body = [
            {
                "type": "paragraph",
                "value": f'<p>Tại hội nghị, <a linktype="page" id="{first.pk}">{first.title}</a> và nhiều '  # noqa: E501
                "điển hình khác được biểu dương, khen thưởng (tin mẫu).</p>",
            }
        ]
        body += [
            {"type": "exemplar", "value": {"exemplar": page.pk, "note": ""}} for page in chosen[1:2]
        ]
        story = story_model(
            title=title,
            slug=slug,
            lead=f"{title}: tôn vinh các tập thể, cá nhân tiêu biểu (tin mẫu).",
            body=body,
            display_date=timezone.make_aware(timezone.datetime(when.year, when.month, when.day, 9)),
            conference=conferences.get(level),
            campaign=conferences[level].get_parent().specific if level in conferences else None,
        )
        for order, page in enumerate(chosen):
            story.exemplar_links.add(link_model(exemplar=page, sort_order=order))
        news_index.add_child(instance=story)
        story.save_revision().publish()
        linked += 1
    # Link the news demo's own conference stories, if any name a conference.
    keywords = {
        "dai hoi thi dua": "provincial",
        "nguoi tot viec tot": "commune",
        "dien hinh tien tien": "district",
    }
    for story in story_model.objects.live().filter(conference__isnull=True):
        text = fold(f"{story.title} {story.lead}")
        level = next((lvl for word, lvl in keywords.items() if word in text), None)
        if level is None or level not in conferences:
            continue
        draft = story.get_latest_revision_as_object()
        draft.conference = conferences[level]
        draft.campaign = conferences[level].get_parent().specific
        honourees = [h.exemplar for h in conferences[level].honourees.all()[:3]]
        for order, page in enumerate(honourees):
            draft.exemplar_links.add(link_model(exemplar=page, sort_order=order))
        draft.save_revision().publish()
        linked += 1
    if stdout:
        stdout.write(f"Stories linked to exemplars: {linked}")
