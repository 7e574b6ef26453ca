"""Share links on stories: plain links to Facebook and Zalo and a link to copy, all pointing at
the page's canonical address, the same one Open Graph gives the network's preview."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from tests.discovery.test_seo import meta


def share_hrefs(html):
    box = re.search(r'<div class="share"[^>]*>.*?</div>', html, re.S)
    assert box, "no share box on the page"
    return box.group(0), {
        name: unescape(href)
        for href, name in re.findall(
            r'<a class="share__link share__link--(?:\w+)" href="([^"]+)"[^>]*>(\w+)', box.group(0)
        )
    }


def shared_address(href, parameter):
    return parse_qs(urlsplit(href).query)[parameter][0]


def test_a_story_offers_facebook_zalo_and_copy_for_its_canonical_address(client, make_story):
    story = make_story(title='Đại hội <Thi đua> & "khen thưởng"')
    html = client.get(story.url).content.decode()
    box, links = share_hrefs(html)
    canonical = unescape(meta(html, "property", "og:url"))
    assert canonical == story.full_url
    assert urlsplit(links["Facebook"]).netloc == "www.facebook.com"
    assert shared_address(links["Facebook"], "u") == canonical
    assert urlsplit(links["Zalo"]).netloc == "sp.zalo.me"
    assert shared_address(links["Zalo"], "url") == canonical
    # "Copy link": a plain link to the page without script, the button once script runs.
    assert f'class="share__link share__permalink" href="{canonical}"' in box
    assert 'class="share__link share__copy" hidden' in box
    # The title rides in an attribute, escaped; no script from anyone else.
    assert 'data-share-title="Đại hội &lt;Thi đua&gt; &amp; &quot;khen thưởng&quot;"' in box
    assert 'target="_blank" rel="noopener noreferrer"' in box
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)


def test_share_links_are_translated(client, make_story):
    story = make_story()
    vietnamese = client.get(story.url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Chia sẻ" in share_hrefs(vietnamese)[0]
    assert "Sao chép liên kết" in vietnamese


def test_a_tracking_query_never_reaches_the_shared_address(client, make_story):
    story = make_story()
    html = client.get(story.url + "?utm_source=zalo&fbclid=abc").content.decode()
    _, links = share_hrefs(html)
    assert shared_address(links["Facebook"], "u") == story.full_url


def test_a_live_blog_offers_share_links_to_its_canonical_address(client, news_index):
    from liveblog.models import LiveBlogPage

    blog = news_index.add_child(instance=LiveBlogPage(title="Trực tiếp: Đại hội Thi đua"))
    blog.save_revision().publish()
    html = client.get(blog.url).content.decode()
    _, links = share_hrefs(html)
    assert shared_address(links["Zalo"], "url") == blog.full_url == meta(html, "property", "og:url")
