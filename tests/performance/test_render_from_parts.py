"""A page-cache miss reuses what did not change: fragments, settings, search results.

Every public page is assembled from cached parts keyed by content stamps
(caching/content_versions.py): a publication anywhere renews the site's parts, a
moderation decision renews only that page's comment section. These tests go through the
HTTP client and count the queries a reader's request costs.
"""

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment, Status
from tests.conftest import aware

pytestmark = pytest.mark.django_db

# Any public page, when its parts are in the cache (a page-cache miss after a comment, the
# long tail of old stories, an expired entry).
PAGE_BUDGET = 12


@pytest.fixture(autouse=True)
def _rendered_not_cached(settings):
    settings.PAGE_CACHE_ENABLED = False  # measure rendering; a page-cache hit costs nothing


@pytest.fixture
def site(news_index, make_story, make_reporter, make_image, make_exemplar, conference, campaign):
    exemplar = make_exemplar("Y Liên", awards=[{"year": 2020}])
    reporter = make_reporter("Trần Văn Bình")
    stories = [
        make_story(
            title=f"Tuyên dương điển hình số {n}",
            tags=["Thi đua", f"Chủ đề {n % 3}"],
            reporters=[reporter],
            image=make_image(f"Ảnh {n}"),
            date=aware(2020, 10, 1 + n),
            campaign=campaign,
            conference=conference,
        )
        for n in range(5)
    ]
    from news.models import ArticleExemplar

    story = stories[-1]
    story.exemplar_links.add(ArticleExemplar(exemplar=exemplar))
    story.save_revision().publish()
    story.refresh_from_db()
    return {
        "story": story,
        "urls": [
            "/",
            news_index.url,
            news_index.url + "?page=1&month=2020-10",
            news_index.url + "chu-de/thi-dua/",
            news_index.url + f"phong-vien/{reporter.slug}/",
            story.url,
            campaign.get_parent().url,
            campaign.url,
            conference.url,
            exemplar.get_parent().url,
            exemplar.get_parent().url + "?q=lien",
            exemplar.url,
            "/tim-kiem/?q=tuyen+duong",
            "/rss/",
            "/sitemap.xml",
        ],
    }


def approve(page, body, name="Bạn đọc"):
    return Comment.objects.create(
        page=page,
        author_name=name,
        author_email="ban-doc@example.invalid",
        body=body,
        status=Status.APPROVED,
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries]


def test_every_public_page_costs_at_most_12_queries_from_its_parts(client, site):
    for url in site["urls"]:
        client.get(url)  # the parts are made once
    costs = {url: len(queries(client, url)) for url in site["urls"]}
    assert max(costs.values()) <= PAGE_BUDGET, costs


def test_a_page_cache_miss_costs_no_more_than_a_render_from_parts(client, site, settings):
    """With the page cache on (as shipped), a miss (an expired entry, a purge elsewhere in
    the page) costs what a render from cached parts does: the page cache's own checks do not
    compute the page's lazy values (related stories, listings) whose fragments are cached."""
    import uuid

    from django.core.cache import cache

    from caching import page_cache

    for url in site["urls"]:
        client.get(url)
    from_parts = {url: len(queries(client, url)) for url in site["urls"]}
    settings.PAGE_CACHE_ENABLED = True
    for url in site["urls"]:
        client.get(url)
    # Every whole-page entry expires (a new generation for all paths); the parts stay.
    cache.set(page_cache._generation_key(page_cache.ALL_PATHS), uuid.uuid4().hex)
    pages = [url for url in site["urls"] if not url.startswith(("/tim-kiem/", "/rss/", "/sitemap"))]
    missed = {}
    for url in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.headers.get("X-Page-Cache") == "miss", url
        missed[url] = len(captured.captured_queries)
    over = {url: (missed[url], from_parts[url]) for url in missed if missed[url] > from_parts[url]}
    assert not over, over


def test_routing_reads_no_locale(client, site):
    """Wagtail routes from the site's root page `localized`, which asked the database for
    the active Locale on every request; the editions know it from the cache."""
    for url in site["urls"]:
        client.get(url)
    for url in site["urls"]:
        assert not [sql for sql in queries(client, url) if 'FROM "wagtailcore_locale"' in sql], url


def test_the_cost_does_not_grow_with_comments_and_stories_elsewhere(
    client, site, make_story, news_index
):
    story = site["story"]
    other = make_story(title="Tin khác", tags=["Thi đua"], date=aware(2019, 1, 1))
    for url in site["urls"]:
        client.get(url)
    before = {url: len(queries(client, url)) for url in site["urls"]}
    Comment.objects.bulk_create(
        Comment(
            page=other,
            author_name=f"Bạn {n}",
            author_email=f"b{n}@example.invalid",
            body=f"Ý kiến {n}",
            body_hash=f"{n:064d}",
            status=Status.APPROVED,
            visible=True,
        )
        for n in range(300)
    )
    for n in range(20):
        make_story(title=f"Tin thêm {n}", tags=["Thi đua"], date=aware(2018, 1, 1 + n))
    for url in site["urls"]:
        client.get(url)
    after = {url: len(queries(client, url)) for url in site["urls"]}
    assert after == before
    assert story.url in site["urls"]


def test_an_approved_comment_re_renders_only_the_comment_section(client, site):
    story = site["story"]
    client.get(story.url)
    approve(story, "Chúc mừng cô giáo Y Liên!")
    html = client.get(story.url).content.decode()
    assert "Chúc mừng cô giáo Y Liên!" in html
    approve(story, "Một ý kiến nữa")
    sql = " ".join(queries(client, story.url))
    assert "Một ý kiến nữa" in client.get(story.url).content.decode()
    assert "comments_comment" in sql  # the thread is read again
    for unchanged in ("news_articlepagetag", "news_articleexemplar", "news_articlebyline"):
        assert unchanged not in sql  # tags, exemplars, related stories: from the cache


def test_a_publication_elsewhere_renews_related_stories(client, site, make_story):
    story = site["story"]
    assert "Tin mới cùng chủ đề" not in client.get(story.url).content.decode()
    make_story(title="Tin mới cùng chủ đề", tags=["Thi đua", "Chủ đề 1"], date=aware(2021, 1, 1))
    assert "Tin mới cùng chủ đề" in client.get(story.url).content.decode()


def test_a_preview_never_shows_cached_parts(client, site, staff_user):
    story = site["story"]
    client.get(story.url)  # the live title is now in the cache
    story.title = "Tiêu đề bản nháp chưa đăng"
    response = story.make_preview_request()
    assert "Tiêu đề bản nháp chưa đăng" in response.content.decode()


def test_a_changed_setting_shows_at_once(client, site):
    from base.models import SiteIdentity

    client.get("/")
    identity = SiteIdentity.objects.get()
    identity.publisher_name = "Đài PT-TH Kon Tum (mới)"
    identity.save()
    assert "Đài PT-TH Kon Tum (mới)" in client.get("/").content.decode()


def test_a_page_restricted_later_is_not_served_from_any_cache(client, site, settings):
    from wagtail.models import PageViewRestriction

    settings.PAGE_CACHE_ENABLED = True
    story = site["story"]
    assert story.title in client.get(story.url).content.decode()
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    response = client.get(story.url)
    assert "Nội dung bài viết." not in response.content.decode()  # the body of the story
    assert response.get("X-Page-Cache") != "hit"


def test_search_results_are_reused_and_renewed_by_a_publication(client, site, make_story):
    url = "/tim-kiem/?q=tuyen+duong&page=2"
    client.get(url)
    assert len(queries(client, url)) <= 2  # the site and nothing of the search
    make_story(title="Tuyên dương người tốt việc tốt", date=aware(2022, 1, 1))
    html = client.get("/tim-kiem/?q=tuyen+duong").content.decode()
    assert "/tin-tuc/tuyen-duong-nguoi-tot-viec-tot/" in html


def test_pages_are_compressed_when_they_carry_no_secret(client, site, settings):
    settings.PAGE_CACHE_ENABLED = True  # public pages lose their CSRF tokens on the way out
    story = site["story"]
    for url in (story.url, "/tim-kiem/?q=dai+hoi", "/rss/"):
        response = client.get(url, headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip", url
        assert "Accept-Encoding" in response["Vary"]
        body = gzip.decompress(response.content).decode()
        assert 'name="csrfmiddlewaretoken" value=""' in body or "csrfmiddlewaretoken" not in body
        assert "csrftoken" not in response.cookies
    plain = client.get(story.url)
    assert "Content-Encoding" not in plain


def test_responses_with_a_secret_are_never_compressed(client, site, staff_user):
    # A reader's tip refused with its form shown again carries the reader's CSRF token.
    response = client.post(
        "/gui-tin-cho-toa-soan/", {"message": ""}, headers={"accept-encoding": "gzip"}
    )
    assert response.get("Content-Encoding") != "gzip"
    assert b'name="csrfmiddlewaretoken" value="' in response.content
    assert b'name="csrfmiddlewaretoken" value=""' not in response.content
    client.force_login(staff_user("bientap", superuser=True))
    admin = client.get("/admin/", headers={"accept-encoding": "gzip"})
    assert admin.status_code == 200 and admin.get("Content-Encoding") != "gzip"


def test_an_edited_picture_is_not_served_from_cached_parts(client, site):
    import re

    story = site["story"]
    before = set(re.findall(r"/media/images/[^\" ]+", client.get(story.url).content.decode()))
    image = story.featured_image
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width, image.focal_point_height = 20, 20
    image.save()
    after = set(re.findall(r"/media/images/[^\" ]+", client.get(story.url).content.decode()))
    assert before and after and before != after  # renditions for the new focal point
