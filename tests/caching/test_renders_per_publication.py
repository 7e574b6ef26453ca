"""What one publication costs (issue 26): on a site of a few sections, tags, reporters and
stories, every page is warmed, one story is published in one section, and every page is
requested again. Counted: pages rendered again at once (the page cache's "miss"), and the
parts (`{% fragment %}`) rendered again once every whole-page entry has expired."""

import uuid

import pytest
from django.core.cache import cache

from caching import page_cache
from tests.conftest import aware

pytestmark = pytest.mark.django_db

SECTIONS = (("Thời sự", "thoi-su"), ("Kinh tế", "kinh-te"), ("Thể thao", "the-thao"))
TAGS = ("Nông thôn mới", "Giảm nghèo", "Giáo dục", "Y tế")
STORIES_PER_SECTION = 4


def state(response):
    return response.headers.get("X-Page-Cache")


def fragment_keys():
    from django.core.cache import caches

    return {key for key in caches["default"]._cache if ":frag:" in key}


@pytest.fixture
def newsroom(news_index, make_story, make_reporter):
    from news.models import SectionPage

    reporters = [make_reporter(name) for name in ("Lê Văn An", "Trần Thị Bình")]
    sections, urls = {}, ["/", news_index.url]
    for number, (title, slug) in enumerate(SECTIONS):
        section = news_index.add_child(instance=SectionPage(title=title, slug=slug))
        section.save_revision().publish()
        sections[slug] = section
        urls.append(section.url)
        for count in range(STORIES_PER_SECTION):
            story = make_story(
                title=f"{title}: tin số {count + 1}",
                tags=[TAGS[(number + count) % len(TAGS)]],
                reporters=[reporters[count % 2]],
                parent=section,
                date=aware(2026, 11, 1 + number * STORIES_PER_SECTION + count),
            )
            urls.append(story.url)
    from news.models import NewsTag

    urls += [f"{news_index.url}chu-de/{tag.slug}/" for tag in NewsTag.objects.all()]
    urls += [f"{news_index.url}phong-vien/{reporter.slug}/" for reporter in reporters]
    return sections, urls, reporters


@pytest.fixture
def roomy_cache(settings):
    """The test cache without culling (locmem keeps 300 keys by default and drops a third at
    random beyond: evictions would count as renders)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renders-per-publication",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }


def test_one_publication_renders_only_what_lists_it(client, roomy_cache, newsroom):
    sections, urls, reporters = newsroom
    for url in urls:
        client.get(url)
        assert state(client.get(url)) == "hit", url
    before = fragment_keys()

    from news.models import ArticleByline, ArticlePage

    story = ArticlePage(title="Kinh tế: tin mới", lead="Sapo.", display_date=aware(2026, 11, 30))
    story.bylines.add(ArticleByline(reporter=reporters[0]))
    story.tags.add(TAGS[1])
    sections["kinh-te"].add_child(instance=story)
    story.save_revision().publish()  # through Wagtail, as an editor's publication
    rendered = [url for url in urls if state(client.get(url)) == "miss"]
    # Every whole-page entry expires (PAGE_CACHE_TIMEOUT): the parts still cached are reused.
    cache.set(page_cache._generation_key(page_cache.ALL_PATHS), uuid.uuid4().hex)
    for url in urls:
        client.get(url)
    parts = len(fragment_keys() - before)
    print(
        f"\nRENDERS PER PUBLICATION: {len(rendered)} of {len(urls)} pages at once, "
        f"{parts} parts once every page entry expired; rendered: {rendered}"
    )
    # Exactly the pages that list it: the home, the news index, its section, its tag page,
    # its reporter's page, and the stories sharing its tag (their related column).
    sharing = ArticlePage.objects.filter(tags__name=TAGS[1]).exclude(title="Kinh tế: tin mới")
    expected = {"/", "/tin-tuc/", sections["kinh-te"].url, "/tin-tuc/chu-de/giam-ngheo/"}
    expected |= {f"/tin-tuc/phong-vien/{reporters[0].slug}/"} | {s.url for s in sharing}
    assert set(rendered) == expected
