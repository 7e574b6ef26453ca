"""The live page and the home page's box are valid HTML5 to the W3C Nu HTML Checker
(vnu.jar from tests/js; skipped without java or the jar), in Vietnamese and in English."""

import pytest
from django.urls import reverse

from tests.discovery.test_html_validity import JAVA, VNU, checker_errors


@pytest.mark.skipif(not (JAVA and VNU.exists()), reason="needs java and tests/js's vnu.jar")
def test_live_page_and_home_box_are_valid_html(
    client, home_page, tv, radio, make_day, clock, tmp_path, make_edition
):
    make_day(tv, [("17:30", "Chương trình tiếng Xơ Đăng"), ("18:00", "Thời sự Kon Tum")])
    make_day(radio, [("17:00", "Thời sự phát thanh")])
    clock(17, 45)
    make_edition("en", "Kon Tum Online")
    pages = {}
    for key, url in (
        (("live", "vi"), reverse("channels:live")),
        (("home", "vi"), "/"),
        (("home", "en"), "/en/"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        pages[key] = response.content.decode()
    assert "on-air-home" in pages["home", "vi"] and "on-air-home" in pages["home", "en"]
    assert checker_errors(pages, tmp_path) == {}
