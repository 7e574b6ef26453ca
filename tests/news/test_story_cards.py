"""What a story card shows (news/cards.py), on a listing as a reader gets it: the title and
lead escaped, its link, picture, date as written in Vietnam and comment link."""

import pytest
from bs4 import BeautifulSoup

from comments.models import Comment, Status
from tests.conftest import aware

pytestmark = pytest.mark.django_db

TITLE = 'Lễ "tuyên dương" <script>alert(1)</script> & điển hình'


def test_a_card_shows_its_story_escaped(client, make_story, make_image):
    lead = " ".join(f"từ{n}" for n in range(60)) + " <b>đậm</b>"
    story = make_story(
        title=TITLE,
        lead=lead,
        tags=["Thi đua"],
        image=make_image("Ảnh lễ"),
        date=aware(2026, 11, 23, 8),
    )
    Comment.objects.create(
        page=story,
        author_name="Bạn đọc",
        author_email="a@example.invalid",
        body="Hay quá",
        status=Status.APPROVED,
    )
    html = client.get("/tin-tuc/chu-de/thi-dua/").content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>đậm</b>" not in html
    card = BeautifulSoup(html, "html.parser").select_one("article.story-card")
    assert card["class"] == ["story-card", "story-card--row"]
    title = card.select_one("h2.story-card__title")
    assert title["lang"] == "vi" and title.get_text() == TITLE
    assert title.a["href"] == story.url
    assert card.select_one(".story-card__media")["href"] == story.url
    assert card.select_one("picture source[type='image/webp']")
    assert card.select_one("picture img")["loading"] == "lazy"
    assert not card.select(".story-card__kind")  # a news item, not a photo story
    time = card.select_one("time")
    assert time.get_text() == "23/11/2026" and time["datetime"] == "2026-11-23T08:00:00+07:00"
    assert card.select_one("a.story-card__comments")["href"] == story.url + "#binh-luan"
    assert card.select_one("a.story-card__comments").get_text() == "1 bình luận"
    lead_text = card.select_one("p.story-card__lead").get_text()
    assert lead_text.startswith("từ0 từ1") and lead_text.endswith("từ44 …")
