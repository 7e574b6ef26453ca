"""An episode page shares its own canonical address, like a story."""

from urllib.parse import parse_qs, urlsplit

from tests.discovery.test_seo import meta
from tests.sharing.test_share_links import share_hrefs


def test_an_episode_offers_share_links_to_its_canonical_address(client, make_episode):
    episode = make_episode("Thời sự tối 30/11")
    html = client.get(episode.url).content.decode()
    _, links = share_hrefs(html)
    canonical = meta(html, "property", "og:url")
    assert canonical == episode.full_url
    assert parse_qs(urlsplit(links["Facebook"]).query)["u"] == [canonical]
    assert parse_qs(urlsplit(links["Zalo"]).query)["url"] == [canonical]
