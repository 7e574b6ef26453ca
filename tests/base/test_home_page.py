from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import aware

pytestmark = pytest.mark.django_db


def test_home_shows_lead_latest_and_topics(client, make_story, make_image):
    make_story(title="Tin cũ", tags=["Y tế"], date=aware(2020, 1, 1), image=make_image())
    make_story(title="Tin mới nhất", tags=["Y tế", "Giáo dục"], date=aware(2020, 10, 22))
    make_story(title="Bản nháp", tags=["Bí mật"], publish=False)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["lead_story"].title == "Tin mới nhất"
    assert [story.title for story in response.context["latest_stories"]] == ["Tin cũ"]
    topics = {tag.name: tag.story_count for tag in response.context["popular_tags"]}
    assert topics == {"Y tế": 2, "Giáo dục": 1}
    assert 'href="/tin-tuc/chu-de/y-te/"' in html
    assert "Bí mật" not in html and "Bản nháp" not in html


def test_editors_choose_the_lead_story(client, home_page, make_story):
    chosen = make_story(title="Tin được chọn", date=aware(2020, 1, 1))
    make_story(title="Tin mới hơn", date=aware(2020, 5, 1))
    home_page.lead_story = chosen
    home_page.save_revision().publish()
    assert client.get("/").context["lead_story"].title == "Tin được chọn"


def test_header_lists_the_sections(client, news_index):
    html = client.get("/").content.decode()
    assert '<a href="/tin-tuc/"' in html and ">Tin tức</a>" in html


def _printed_passwords(text):
    """{username: password} from the accounts table ensure_dev_admin prints."""
    rows = [line.split() for line in text.splitlines() if line.startswith("  ")]
    return {row[0]: row[1] for row in rows if len(row) >= 2}


def test_dev_accounts_for_every_role_are_created_once_and_shown_once(settings, news_index):
    from django.contrib.auth import authenticate

    from news.models import SectionPage

    news_index.add_child(instance=SectionPage(title="Thời sự")).save_revision().publish()
    call_command("setup_roles", stdout=StringIO())
    settings.DEBUG = True
    out = StringIO()
    call_command("ensure_dev_admin", "--url", "http://127.0.0.1:8031", stdout=out)
    printed = _printed_passwords(out.getvalue())
    assert set(printed) == {
        "admin",
        "phongvien",
        "bientap",
        "kiemduyet",
        "truongban",
        "tongbientap",
    }
    assert "http://127.0.0.1:8031/admin/" in out.getvalue()
    for username, password in printed.items():
        assert authenticate(username=username, password=password) is not None, username
    groups = {
        user.username: [g.name for g in user.groups.all()]
        for user in User.objects.filter(username__in=printed)
    }
    assert groups["phongvien"] == ["Phóng viên"]
    assert groups["bientap"] == ["Biên tập viên"]
    assert groups["kiemduyet"] == ["Kiểm duyệt viên"]
    assert groups["truongban"] == ["Trưởng ban Thời sự"]
    assert groups["tongbientap"] == ["Tổng biên tập"]
    assert User.objects.get(username="phongvien").get_full_name() == "Nguyễn Thị Hồng Nhung"
    again = StringIO()
    call_command("ensure_dev_admin", stdout=again)
    assert not any(password in again.getvalue() for password in printed.values())
    assert User.objects.filter(username="admin").count() == 1


def test_set_site_url_gives_every_absolute_link_one_root(client, make_story):
    story = make_story(title="Tin có địa chỉ tuyệt đối")
    call_command("set_site_url", "http://127.0.0.1:8031", stdout=StringIO())
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8031").content.decode()
    assert f"http://127.0.0.1:8031{story.url}" in sitemap
    html = client.get(story.url, HTTP_HOST="127.0.0.1:8031").content.decode()
    assert f'<link rel="canonical" href="http://127.0.0.1:8031{story.url}">' in html
    assert "http://localhost/" not in html
    feed = client.get("/rss/", HTTP_HOST="127.0.0.1:8031").content.decode()
    assert f"http://127.0.0.1:8031{story.url}" in feed and "http://localhost/" not in feed
    api = client.get(f"/api/v2/pages/{story.pk}/", HTTP_HOST="127.0.0.1:8031").json()
    assert api["meta"]["html_url"] == f"http://127.0.0.1:8031{story.url}"


def test_dev_admin_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin", stdout=StringIO())
