"""A small corpus shaped like the demo content, for search, feeds, sitemap and API tests."""

import pytest

from tests.conftest import aware

# Programmes, places, campaigns and conferences for the feed and structured-data tests.
from tests.exemplars.conftest import (  # noqa: F401
    campaign,
    conference,
    directory,
    make_exemplar,
    places,
    vocab,
)
from tests.programmes.conftest import (  # noqa: F401
    make_episode,
    make_media,
    programme,
    root_collection,
)

CORPUS = {
    "congress": (
        "Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VIII",
        "Đại hội biểu dương các điển hình tiên tiến giai đoạn 2015–2020.",
        ["Thi đua", "Đại hội"],
        aware(2020, 10, 22),
    ),
    "honouring": (
        "Hội nghị tuyên dương điển hình tiên tiến huyện Đăk Hà",
        "Huyện Đăk Hà khen thưởng 40 tập thể và cá nhân.",
        ["Thi đua"],
        aware(2020, 5, 14),
    ),
    "teacher": (
        "Cô giáo Y Hoa được tặng Bằng khen của Chủ tịch UBND tỉnh",
        "Cô giáo người dân tộc Ba Na ở xã Đăk Tô tận tụy với học trò.",
        ["Giáo dục"],
        aware(2021, 3, 2),
    ),
    "rural": (
        "Xã Đăk Tô về đích nông thôn mới",
        "Người dân góp đất, góp công làm đường giao thông.",
        ["Nông thôn mới"],
        aware(2022, 1, 10),
    ),
    "road": (
        "Đường giao thông nông thôn ở Ngọc Hồi",
        "Những con đường bê tông nối các thôn.",
        ["Nông thôn mới"],
        aware(2023, 6, 1),
    ),
    "person": (
        "Anh Dương Văn Minh, chiến sĩ thi đua cơ sở",
        "Người thợ điện ở Kon Rẫy được công nhận chiến sĩ thi đua cơ sở.",
        [],
        aware(2023, 7, 1),
    ),
    "doctor": (
        "Thầy thuốc ưu tú của vùng cao Tu Mơ Rông",
        "Bác sĩ Nguyễn Thị Lan gắn bó với trạm y tế xã.",
        ["Y tế"],
        aware(2024, 2, 27),
    ),
    "poor": (
        "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        "Kon Tum trao 300 căn nhà cho hộ nghèo.",
        ["Giảm nghèo"],
        aware(2024, 9, 9),
    ),
    "hcm": (
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Những tấm gương bình dị ở Sa Thầy.",
        [],
        aware(2025, 5, 19),
    ),
}


@pytest.fixture
def corpus(make_story, make_reporter):
    reporter = make_reporter("Trần Văn Hùng")
    stories = {}
    for key, (title, lead, tags, date) in CORPUS.items():
        stories[key] = make_story(
            title=title, lead=lead, tags=tags, date=date, reporters=[reporter]
        )
    return stories
