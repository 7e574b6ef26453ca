"""Query counts per page stay fixed whether the site has 5 or 200 stories."""

import pytest

from caching import content_versions
from tests.conftest import aware

pytestmark = pytest.mark.django_db

# Listings read their cards' renditions with the pictures (one query, base/renditions.py;
# before, a cache read and write per picture, which this test's local memory cache did not
# count: tests/performance/test_cold_renders.py counts them) and no bylines (cards show none).
# Editions add 2 to every page render: Wagtail's routing reads the active locale
# (Page.localized) and one query reads the editions' homes. The page's versions in them
# (hreflang, the header's edition links, "Đọc bằng tiếng…") cost one more only when a second
# edition exists; this site has one (tests/editions/test_translation_links.py counts both).
HOME_BUDGET = 21  # 11 + ongoing campaigns, latest conferences, featured exemplars, live blog
NEWS_INDEX_BUDGET = 15
ARTICLE_BUDGET = 23  # 15 + campaign, conference, exemplars (4) + comments section (3)


@pytest.fixture(autouse=True)
def _rendered_not_cached(settings):
    # The budgets are for rendering a page; a page-cache hit costs no query at all.
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def newsroom(news_index, make_image, make_reporter):
    """``grow_to(total)``: stories up to ``total``. The first ones go in through Wagtail
    (``add_child``); a large jump goes in bulk (editorial.page_tree.bulk_insert_pages, as the
    bench does), with the same pictures, bylines, tags and dates: the rows a page reads."""
    from editorial.page_tree import bulk_insert_pages
    from news.models import ArticleByline, ArticlePage, ArticlePageTag, NewsTag

    images = [make_image(f"Ảnh {n}") for n in range(3)]
    reporters = [make_reporter(f"Phóng viên {n}") for n in range(3)]
    tag_names = [f"Chủ đề {n}" for n in range(10)]

    def story(number):
        return ArticlePage(
            title=f"Tin thi đua số {number}",
            lead="Sapo.",
            featured_image=images[number % 3],
            display_date=aware(2020, 1 + number % 12, 1 + number % 28),
            live=True,
        )

    def tags_of(number):
        return tag_names[number % 10], tag_names[(number + 3) % 10]

    def grow_to(total):
        existing = ArticlePage.objects.count()
        numbers = range(existing, total)
        if len(numbers) <= 10:
            for number in numbers:
                page = story(number)
                page.bylines.add(ArticleByline(reporter=reporters[number % 3]))
                page.tags.add(*tags_of(number))
                news_index.add_child(instance=page)
        else:
            pages = bulk_insert_pages(news_index, [story(number) for number in numbers])
            tags = {name: NewsTag.objects.get_or_create(name=name)[0] for name in tag_names}
            ArticleByline.objects.bulk_create(
                ArticleByline(page=page, reporter=reporters[number % 3], sort_order=0)
                for number, page in zip(numbers, pages, strict=True)
            )
            ArticlePageTag.objects.bulk_create(
                ArticlePageTag(content_object=page, tag=tags[name])
                for number, page in zip(numbers, pages, strict=True)
                for name in tags_of(number)
            )
        return ArticlePage.objects.order_by("pk").first()

    return grow_to


def count_queries(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # warm up: renditions are created on first view
    # A full render: every cached fragment is stale, as after a publication.
    content_versions.bump(content_versions.SITE)
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_page_queries_do_not_grow_with_the_number_of_stories(
    client, newsroom, django_assert_max_num_queries
):
    first = newsroom(5)
    budgets = {
        "/": HOME_BUDGET,
        "/tin-tuc/": NEWS_INDEX_BUDGET,
        "/tin-tuc/?month=2020-03": NEWS_INDEX_BUDGET,
        # Past the last page at both sizes: counted apart, then the last page is read
        # (base/pagination.py; a page that exists has its count with its keys).
        "/tin-tuc/?page=999&month=2020-03": NEWS_INDEX_BUDGET,
        "/tin-tuc/chu-de/chu-de-3/": NEWS_INDEX_BUDGET,
        "/tin-tuc/phong-vien/phong-vien-1/": NEWS_INDEX_BUDGET,
        first.url: ARTICLE_BUDGET,
    }
    small = {
        url: count_queries(client, url, budget, django_assert_max_num_queries)
        for url, budget in budgets.items()
    }
    newsroom(200)
    large = {
        url: count_queries(client, url, budget, django_assert_max_num_queries)
        for url, budget in budgets.items()
    }
    assert small == large
