import pytest

from tests.conftest import aware

pytestmark = pytest.mark.django_db


def titles(response):
    return [story.title for story in response.context["stories_page"]]


def test_news_index_lists_live_stories_newest_first(client, make_story):
    make_story(title="Tin cũ", date=aware(2020, 3, 1))
    make_story(title="Tin mới", date=aware(2020, 10, 22))
    make_story(title="Bản nháp", date=aware(2020, 11, 1), publish=False)
    response = client.get("/tin-tuc/")
    assert response.status_code == 200
    assert titles(response) == ["Tin mới", "Tin cũ"]
    assert "Bản nháp" not in response.content.decode()


def test_filter_by_tag(client, make_story):
    make_story(title="Về nông thôn mới", tags=["Nông thôn mới"])
    make_story(title="Về giáo dục", tags=["Giáo dục"])
    response = client.get("/tin-tuc/?tag=nong-thon-moi")
    assert titles(response) == ["Về nông thôn mới"]
    assert client.get("/tin-tuc/?tag=khong-co").context["stories_page"].paginator.count == 0


def test_filter_by_month_uses_the_local_time_zone(client, make_story):
    # 23:30 on 31 Oct in Kon Tum is still October, although it is 16:30 UTC.
    make_story(title="Cuối tháng Mười", date=aware(2020, 10, 31, 23))
    make_story(title="Đầu tháng Mười Một", date=aware(2020, 11, 1, 0))
    assert titles(client.get("/tin-tuc/?month=2020-10")) == ["Cuối tháng Mười"]
    assert titles(client.get("/tin-tuc/?month=2020-11")) == ["Đầu tháng Mười Một"]
    months = [m.strftime("%Y-%m") for m in client.get("/tin-tuc/").context["months"]]
    assert months == ["2020-11", "2020-10"]


@pytest.mark.parametrize("month", ["2020-13", "abc", "2020", "", "9999999-1"])
def test_invalid_month_is_ignored(client, make_story, month):
    make_story(title="Một tin")
    response = client.get(f"/tin-tuc/?month={month}")
    assert response.status_code == 200
    assert titles(response) == ["Một tin"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [("1", 1), ("2", 2), ("0", 1), ("-3", 1), ("abc", 1), ("99999", 2), ("", 1), ("1.5", 1)],
)
def test_pagination_never_errors(client, make_story, page, expected):
    for number in range(14):
        make_story(title=f"Tin số {number}", date=aware(2020, 1, 1 + number))
    response = client.get(f"/tin-tuc/?page={page}")
    assert response.status_code == 200
    assert response.context["stories_page"].number == expected
    assert len(response.context["stories_page"]) == (12 if expected == 1 else 2)


def test_tag_page_lists_stories_of_the_tag(client, make_story):
    make_story(title="Điển hình ở Kon Plông", tags=["Điển hình tiên tiến", "Kon Plông"])
    make_story(title="Tin khác", tags=["Y tế"])
    response = client.get("/tin-tuc/chu-de/dien-hinh-tien-tien/")
    assert response.status_code == 200
    assert titles(response) == ["Điển hình ở Kon Plông"]
    html = response.content.decode()
    assert '<h1 lang="vi">Điển hình tiên tiến</h1>' in html
    assert client.get("/tin-tuc/chu-de/khong-ton-tai/").status_code == 404


def test_reporter_page_lists_their_stories(client, make_story, make_reporter):
    nhung = make_reporter("Y Nhung")
    hung = make_reporter("Trần Văn Hưng")
    make_story(title="Bài của Y Nhung", reporters=[nhung])
    make_story(title="Bài chung", reporters=[nhung, hung])
    make_story(title="Bài của Hưng", reporters=[hung])
    response = client.get("/tin-tuc/phong-vien/y-nhung/")
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Bài chung", "Bài của Y Nhung"]
    assert client.get("/tin-tuc/phong-vien/khong-co/").status_code == 404
