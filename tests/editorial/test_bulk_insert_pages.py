"""editorial.page_tree.bulk_insert_pages: many pages under one parent, a valid tree."""

import pytest
from wagtail.models import Page

from editorial.page_tree import bulk_insert_pages
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_bulk_insert_after_pages_added_one_by_one_keeps_the_tree_valid(client, news_index):
    news_index.add_child(instance=ArticlePage(title="Tin đầu", slug="tin-1", lead="Sapo."))
    pages = [ArticlePage(title=f"Tin {n}", slug=f"tin-{n}", lead="Sapo.") for n in range(1, 31)]
    pages.append(ArticlePage(title="Tin không có địa chỉ", lead="Sapo."))
    seen = []
    saved = bulk_insert_pages(news_index, pages, progress=lambda done, total: seen.append(done))
    assert all(page.pk for page in saved)
    assert Page.find_problems() == ([], [], [], [], [])
    news_index.refresh_from_db()
    assert news_index.numchild == 32
    assert seen == [31]
    # The taken slug got a number; the page without one got it from its title.
    assert saved[0].slug == "tin-1-2" and saved[-1].slug == "tin-khong-co-dia-chi"
    children = list(news_index.get_children().order_by("path").values_list("slug", flat=True))
    assert children[:3] == ["tin-1", "tin-1-2", "tin-2"]
    assert client.get("/tin-tuc/tin-1-2/").status_code == 200
    later = news_index.add_child(instance=ArticlePage(title="Tin sau", lead="Sapo."))
    assert later.path > saved[-1].path
    assert Page.find_problems() == ([], [], [], [], [])


def test_bulk_insert_takes_one_page_class(news_index):
    from exemplars.models import ExemplarPage as Other

    with pytest.raises(TypeError):
        bulk_insert_pages(news_index, [ArticlePage(title="Tin"), Other(title="Người")])
    assert not news_index.get_children().exists()
