"""Page links say what they do (issue 22): "Mới hơn / Cũ hơn" on lists in date order,
"Trang trước / Trang sau" on lists by name (the exemplar directory)."""

import pytest

pytestmark = pytest.mark.django_db


def links(html):
    return [word for word in ("Mới hơn", "Cũ hơn", "Trang trước", "Trang sau") if word in html]


def test_the_directory_by_name_pages_with_neutral_words(
    client, make_exemplar, directory, monkeypatch
):
    monkeypatch.setattr("exemplars.directory.PER_PAGE", 2)
    for name in ("An", "Bình", "Chi", "Dũng", "Em"):
        make_exemplar(title=name)
    assert links(client.get(directory.url).content.decode()) == ["Trang sau"]
    assert links(client.get(directory.url + "?page=2").content.decode()) == [
        "Trang trước",
        "Trang sau",
    ]
    # Sorted by latest award, the same list reads by date.
    assert links(client.get(directory.url + "?sort=latest&page=2").content.decode()) == [
        "Mới hơn",
        "Cũ hơn",
    ]


def test_the_news_pages_by_date(client, make_story, news_index, monkeypatch):
    monkeypatch.setattr("news.models.pages.STORIES_PER_PAGE", 2)
    for number in range(5):
        make_story(title=f"Tin số {number}")
    assert links(client.get(news_index.url + "?page=2").content.decode()) == ["Mới hơn", "Cũ hơn"]
