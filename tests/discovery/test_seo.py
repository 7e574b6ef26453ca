"""sitemap.xml, robots.txt, canonical links, meta description, Open Graph, JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def meta(html, attr, name):
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_sitemap_lists_exactly_the_published_pages(client, corpus, make_story):
    draft = make_story(title="Bản nháp", publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {
        url.find("s:loc", SITEMAP_NS).text: url.find("s:lastmod", SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }
    expected = {
        page.full_url for page in Page.objects.live().public().filter(depth__gt=1).specific()
    }
    assert set(urls) == expected
    assert all(story.full_url in urls for story in corpus.values())
    assert draft.full_url not in urls
    assert all(
        lastmod is not None and re.match(r"\d{4}-\d\d-\d\d", lastmod.text)
        for lastmod in urls.values()
    )


def test_robots_txt_points_at_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    # The Site's address (localhost in the tests), never the request's Host (testserver).
    assert "Sitemap: http://localhost/sitemap.xml" in body
    assert "Sitemap: http://localhost/sitemap-news.xml" in body
    assert "Disallow: /admin/" in body


def test_story_carries_news_article_json_ld_and_open_graph(
    client, make_story, make_image, make_reporter
):
    story = make_story(
        title='Đại hội <Thi đua> & "khen thưởng"',
        lead="Sapo </script><script>alert(1)</script> của tin.",
        image=make_image("Ảnh đại hội"),
        reporters=[make_reporter("Y Hoa")],
        tags=["Thi đua"],
    )
    html = client.get(story.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    data = json_ld(html)
    article = next(item for item in data if item["@type"] == "NewsArticle")
    for key in ("headline", "datePublished", "dateModified", "author", "image", "publisher"):
        assert article.get(key), key
    assert article["headline"] == story.title
    assert article["author"][0] == {
        "@type": "Person",
        "name": "Y Hoa",
        "url": story.get_parent().full_url + "phong-vien/y-hoa/",
    }
    assert article["datePublished"].endswith("+07:00")
    assert article["publisher"]["@type"] == "NewsMediaOrganization"
    assert "card-1200x630" in article["image"][0]
    crumbs = next(item for item in data if item["@type"] == "BreadcrumbList")
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names[-1] == story.title and len(names) == 3
    assert meta(html, "property", "og:type") == "article"
    assert (
        meta(html, "property", "og:title")
        == "Đại hội &lt;Thi đua&gt; &amp; &quot;khen thưởng&quot;"
    )
    og_image = meta(html, "property", "og:image")
    assert og_image.startswith("http://localhost/") and "card-1200x630" in og_image
    # The factory's image is small: padded onto a 1200 × 630 card, never a smaller crop.
    assert meta(html, "property", "og:image:width") == "1200"
    assert meta(html, "property", "og:image:height") == "630"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "description").startswith("Sapo &lt;/script&gt;")
    assert meta(html, "property", "og:description") == meta(html, "name", "description")
    assert f'<link rel="canonical" href="{story.full_url}">' in html


def test_every_page_has_breadcrumbs_canonical_and_a_description(client, corpus, news_index):
    html = client.get(news_index.url).content.decode()
    crumbs = next(item for item in json_ld(html) if item["@type"] == "BreadcrumbList")
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2]
    assert f'<link rel="canonical" href="{news_index.full_url}">' in html
    tag_html = client.get("/tin-tuc/chu-de/nong-thon-moi/?page=2").content.decode()
    # Page 2 of a listing is its own canonical, on the Site (not the request's Host).
    assert (
        '<link rel="canonical" href="http://localhost/tin-tuc/chu-de/nong-thon-moi/?page=2">'
        in tag_html
    )


def test_search_page_is_not_indexed(client, home_page):
    html = client.get("/tim-kiem/", {"q": "dai hoi"}).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert 'rel="canonical"' not in html


def test_structured_data_builders_for_exemplars_and_conferences():
    from django.utils import timezone

    from discovery import seo

    person = seo.person_or_organization(
        is_person=True,
        name="Y Hoa",
        url="http://x/y-hoa/",
        awards=["Chiến sĩ thi đua cơ sở (2020)", "Bằng khen của Chủ tịch UBND tỉnh (2021)"],
    )
    assert person["@type"] == "Person" and len(person["award"]) == 2
    org = seo.person_or_organization(is_person=False, name="Trường Mầm non", url="http://x/")
    assert org["@type"] == "Organization"
    event = seo.event(
        name="Đại hội Thi đua yêu nước lần thứ VIII",
        url="http://x/dai-hoi/",
        start=timezone.now(),
        location_name="Hội trường tỉnh",
    )
    assert event["@type"] == "Event" and event["location"]["@type"] == "Place"
    assert "<" not in seo.json_ld({"name": "</script>"})
