"""A campaign's honourees: each card's lines under the name (facts, award, the conference,
the citation) are the card's small print, never larger than the name itself."""

import pytest

from tests.exemplars import conftest as registry_fixtures

campaign = registry_fixtures.campaign
conference = registry_fixtures.conference
directory = registry_fixtures.directory
make_exemplar = registry_fixtures.make_exemplar
places = registry_fixtures.places
vocab = registry_fixtures.vocab

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FONT_SIZES = """cards => cards.map(card => {
    const size = selector => parseFloat(getComputedStyle(card.querySelector(selector)).fontSize);
    const lines = [...card.querySelectorAll('.exemplar-card__body p')];
    return {name: size('.exemplar-card__name'), meta: size('.exemplar-card__meta'),
            lines: lines.map(p => [p.textContent.trim(),
                                   parseFloat(getComputedStyle(p).fontSize)])};
})"""


def test_an_honourees_card_keeps_its_small_print_small(
    page, live_server, campaign, conference, make_exemplar, vocab
):
    from exemplars.models import AwardRecord

    exemplar = make_exemplar("Y Blông", role="Chi hội trưởng Phụ nữ")
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(
        AwardRecord(
            exemplar=exemplar,
            award_type=vocab["award"]["Giấy khen"],
            citation="Có thành tích xuất sắc trong phong trào",
        )
    )
    draft.save_revision().publish()

    for url in (campaign.url, conference.url):
        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto(live_server.url + url)
        cards = page.locator(".honouree-list .exemplar-card").evaluate_all(FONT_SIZES)
        assert cards, url
        for card in cards:
            for text, size in card["lines"]:
                assert size <= card["meta"] < card["name"], (url, text, size, card)
