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


def test_dev_admin_is_created_once_and_the_password_shown_once(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("ensure_dev_admin", "--url", "http://127.0.0.1:8000", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    assert User.objects.get(username="admin").check_password(password)
    again = StringIO()
    call_command("ensure_dev_admin", stdout=again)
    assert password not in again.getvalue()
    assert User.objects.filter(username="admin").count() == 1


def test_dev_admin_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin", stdout=StringIO())
