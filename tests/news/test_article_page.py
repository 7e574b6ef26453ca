import pytest
from django.utils import timezone

from news.models import ArticleRelatedStory
from tests.conftest import aware

pytestmark = pytest.mark.django_db


def test_story_shows_title_lead_byline_date_and_tags(client, make_story, make_reporter, make_image):
    reporter = make_reporter("Y Nhung")
    story = make_story(
        title="Khai mạc Đại hội Thi đua yêu nước lần thứ VIII",
        lead="Sáng 22/10, đại hội khai mạc.",
        date=aware(2020, 10, 22, 8),
        tags=["Đại hội thi đua"],
        reporters=[reporter],
        image=make_image("Toàn cảnh đại hội"),
        featured_image_caption="Quang cảnh đại hội",
        featured_image_credit="Y Nhung",
    )
    response = client.get(story.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Khai mạc Đại hội Thi đua yêu nước lần thứ VIII</h1>" in html
    assert "Sáng 22/10, đại hội khai mạc." in html
    assert "Thứ Năm, 22/10/2020 08:00" in html
    assert 'href="/tin-tuc/phong-vien/y-nhung/"' in html
    assert 'href="/tin-tuc/chu-de/dai-hoi-thi-dua/"' in html
    assert "Quang cảnh đại hội" in html
    assert "image/webp" in html and "srcset=" in html


def test_display_date_defaults_to_first_publication(make_story):
    before = timezone.now()
    story = make_story(title="Không đặt ngày")
    assert story.display_date is not None
    assert story.display_date == story.first_published_at
    assert story.display_date >= before


def test_unpublished_story_is_not_served(client, make_story):
    story = make_story(title="Bản nháp", publish=False)
    assert client.get("/tin-tuc/ban-nhap/").status_code == 404
    story.save_revision().publish()
    assert client.get("/tin-tuc/ban-nhap/").status_code == 200


def test_related_stories_by_shared_tags(client, make_story):
    make_story(title="Chung hai thẻ", tags=["Giảm nghèo", "Tu Mơ Rông"], date=aware(2020, 5, 1))
    make_story(title="Chung một thẻ", tags=["Giảm nghèo"], date=aware(2020, 6, 1))
    make_story(title="Không liên quan", tags=["Y tế"], date=aware(2020, 7, 1))
    story = make_story(title="Bài chính", tags=["Giảm nghèo", "Tu Mơ Rông"])
    related = client.get(story.url).context["related_stories"]
    assert [item.title for item in related] == ["Chung hai thẻ", "Chung một thẻ"]


def test_related_stories_skip_unpublished_ones_past_the_ranking_window(
    client, make_story, monkeypatch
):
    """Unpublished stories sharing more tags rank first in news/models/related.py's window;
    when the window holds too few live ones, the ranking is done again over every story."""
    from news.models import related

    monkeypatch.setattr(related, "WINDOW", 2)
    for n in range(3):
        make_story(title=f"Nháp {n}", tags=["Giảm nghèo", "Tu Mơ Rông"], publish=False)
    make_story(title="Đã đăng, cũ", tags=["Giảm nghèo"], date=aware(2019, 1, 1))
    make_story(title="Đã đăng, mới", tags=["Tu Mơ Rông"], date=aware(2020, 1, 1))
    story = make_story(title="Bài chính", tags=["Giảm nghèo", "Tu Mơ Rông"])
    related_titles = [s.title for s in client.get(story.url).context["related_stories"]]
    assert related_titles == ["Đã đăng, mới", "Đã đăng, cũ"]


def test_hand_picked_related_stories_win(client, make_story):
    chosen = make_story(title="Chọn tay", tags=["Y tế"])
    make_story(title="Cùng thẻ", tags=["Giảm nghèo"])
    story = make_story(title="Bài chính", tags=["Giảm nghèo"], publish=False)
    story.related_links.add(ArticleRelatedStory(story=chosen))
    story.save_revision().publish()
    related = client.get(story.url).context["related_stories"]
    assert [item.title for item in related] == ["Chọn tay"]


def test_user_text_is_escaped(client, make_story):
    story = make_story(title='<script>alert("x")</script> Tin', lead="<b>sapo</b> & 'nháy'")
    html = client.get(story.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;sapo&lt;/b&gt; &amp; &#x27;nháy&#x27;" in html


def test_english_works_too(client, make_story, make_edition, translate):
    story = make_story(title="Tin tiếng Anh", tags=["Y tế"], date=aware(2026, 11, 23))
    make_edition("en", "Kon Tum Online")
    english_story = translate(story, "en", title="A story in English")
    assert english_story.url.startswith("/en/")
    response = client.get(english_story.url)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Monday, 23/11/2026" in html
    assert "Topics:" in html
    vietnamese = client.get(story.url).content.decode()
    assert "Thứ Hai, 23/11/2026" in vietnamese and "Chủ đề:" in vietnamese


def test_vietnamese_by_default_whatever_the_browser_asks(client, make_story):
    story = make_story(title="Tin")
    html = client.get(story.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html
