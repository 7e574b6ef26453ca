"""Records shared across editions (issue 28, item 2): a story in the English edition shows an
exemplar's English translation when one is live, otherwise the Vietnamese record marked
lang="vi"; a translated record's own page is not marked Vietnamese; one query for all."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def cards(client, url, selector):
    """(href, lang of the name, name, lang of the role, role) of each card."""
    found = []
    for card in soup(client, url).select(selector):
        name = card.select_one(".exemplar-card__name")
        role = card.select_one(".exemplar-card__meta span[lang]:last-child")
        found.append(
            (name.a["href"], name["lang"], name.get_text(strip=True), role["lang"], role.text)
        )
    return found


ASIDE = ".story-exemplars .exemplar-card"
BODY = ".article__body .exemplar-card"


def story_naming(make_story, title, linked, card=None):
    from news.models import ArticleExemplar

    body = [{"type": "paragraph", "value": "<p>Nội dung.</p>"}]
    if card is not None:
        body.append({"type": "exemplar", "value": {"exemplar": card.pk, "note": ""}})
    story = make_story(title=title, publish=False, body=body)
    draft = story.get_latest_revision_as_object()
    for exemplar in linked:
        draft.exemplar_links.add(ArticleExemplar(exemplar=exemplar))
    draft.save_revision().publish()
    story.refresh_from_db()
    return story


@pytest.fixture
def registry(make_story, make_exemplar, make_edition, translate):
    nhi = make_exemplar("Y Nhi", role="Giáo viên", summary="Cô giáo dạy chữ Ba Na.")
    thut = make_exemplar("A Thút", role="Trưởng thôn")
    story = story_naming(make_story, "Những tấm gương ở Kon Plông", [nhi, thut], card=thut)
    make_edition("en", "Kon Tum Online")
    english_story = translate(story, "en", title="Exemplars of Kon Plông")
    english_nhi = translate(nhi, "en", title="Y Nhi", role="Teacher", summary="She teaches.")
    return {
        "nhi": nhi,
        "thut": thut,
        "story": story,
        "english_story": english_story,
        "english_nhi": english_nhi,
    }


def test_an_english_story_shows_the_english_record_or_the_vietnamese_one(client, registry):
    english_nhi, thut = registry["english_nhi"], registry["thut"]
    assert cards(client, registry["english_story"].url, ASIDE) == [
        (english_nhi.url, "en", "Y Nhi", "en", "Teacher"),
        (thut.url, "vi", "A Thút", "vi", "Trưởng thôn"),
    ]
    assert english_nhi.url.startswith("/en/")
    # The card in the body: A Thút has no English record yet.
    body = soup(client, registry["english_story"].url).select_one(BODY)
    assert body.select_one(".exemplar-card__name")["lang"] == "vi"
    assert body.select_one(".exemplar-card__name a")["href"] == thut.url


def test_the_body_card_shows_the_english_record_once_there_is_one(
    client, registry, translate, make_story
):
    english_thut = translate(registry["thut"], "en", title="A Thút", role="Village head")
    # A new English story naming him (the first one's render is cached with its fragments).
    story = story_naming(make_story, "Trưởng thôn A Thút", [], card=registry["thut"])
    english_story = translate(story, "en", title="A Thút, village head")
    body = soup(client, english_story.url).select_one(BODY)
    name = body.select_one(".exemplar-card__name")
    assert (name["lang"], name.a["href"]) == ("en", english_thut.url)
    assert body.select_one(".exemplar-card__meta span[lang]:last-child").text == "Village head"


def test_the_vietnamese_story_keeps_the_vietnamese_records(client, registry):
    nhi, thut = registry["nhi"], registry["thut"]
    assert cards(client, registry["story"].url, ASIDE) == [
        (nhi.url, "vi", "Y Nhi", "vi", "Giáo viên"),
        (thut.url, "vi", "A Thút", "vi", "Trưởng thôn"),
    ]


def test_a_translated_record_is_not_marked_vietnamese(client, registry):
    page = soup(client, registry["english_nhi"].url)
    assert page.html["lang"] == "en"
    assert page.select_one("#exemplar-name").get("lang") is None
    assert page.select_one(".article__lead").get("lang") is None
    assert page.select_one(".article__lead").text == "She teaches."
    link = page.select_one("ul.read-in a")
    assert (link["hreflang"], link.text) == ("vi", "Read in Vietnamese")


def test_one_query_for_all_the_records_translations(client, registry, translate, make_story):
    translate(registry["thut"], "en", title="A Thút", role="Village head")
    one = story_naming(make_story, "Cô giáo Y Nhi", [registry["nhi"]], card=registry["nhi"])
    english_one = translate(one, "en", title="Teacher Y Nhi")

    def queries(url):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries(english_one.url)
    # Two records in the aside cost what one does (each story has a card in its body).
    assert queries(registry["english_story"].url) == queries(english_one.url)


def test_campaign_and_conference_in_the_english_story(
    client, make_story, campaign, conference, make_edition, translate
):
    story = make_story(title="Đại hội thi đua", campaign=campaign, conference=conference)
    make_edition("en", "Kon Tum Online")
    english_story = translate(story, "en", title="Emulation congress")
    english_campaign = translate(campaign, "en", title="Patriotic emulation 2015–2020")
    items = soup(client, english_story.url).select(".story-exemplars .plain-list li")
    assert [(li["lang"], li.a["href"], li.a.text) for li in items] == [
        ("vi", conference.url, conference.title),
        ("en", english_campaign.url, "Patriotic emulation 2015–2020"),
    ]


def test_a_record_translated_later_shows_on_the_cached_english_story(
    client, make_story, make_exemplar, make_edition, translate
):
    nhi = make_exemplar("Y Nhi", role="Giáo viên")
    story = story_naming(make_story, "Cô giáo Y Nhi", [nhi], card=nhi)
    make_edition("en", "Kon Tum Online")
    english_story = translate(story, "en", title="Teacher Y Nhi")
    assert cards(client, english_story.url, ASIDE)[0][1] == "vi"
    assert cards(client, english_story.url, ASIDE)[0][1] == "vi"  # cached
    english_nhi = translate(nhi, "en", title="Y Nhi", role="Teacher")
    assert cards(client, english_story.url, ASIDE) == [
        (english_nhi.url, "en", "Y Nhi", "en", "Teacher")
    ]
    body = soup(client, english_story.url).select_one(BODY)
    assert body.select_one(".exemplar-card__name a")["href"] == english_nhi.url


def story_titles(client, url):
    return [t.get_text(strip=True) for t in soup(client, url).select(".story-card__title")]


def test_a_records_page_lists_the_stories_of_its_edition(client, registry):
    """A translated story still names the Vietnamese record: the record's page lists the
    stories of its own edition, never the same story twice in two languages."""
    assert story_titles(client, registry["nhi"].url) == [registry["story"].title]
    assert story_titles(client, registry["thut"].url) == [registry["story"].title]


def test_campaign_and_conference_pages_list_the_stories_of_their_edition(
    client, make_story, campaign, conference, make_edition, translate
):
    make_story(title="Đại hội thi đua", campaign=campaign, conference=conference)
    story = make_story(title="Khai mạc đại hội", conference=conference)
    make_edition("en", "Kon Tum Online")
    translate(story, "en", title="The congress opens")
    assert story_titles(client, campaign.url) == ["Khai mạc đại hội", "Đại hội thi đua"]
    assert story_titles(client, conference.url) == ["Khai mạc đại hội", "Đại hội thi đua"]


def test_a_translated_records_page_lists_its_editions_stories_at_once(
    client, registry, make_story, translate
):
    """The English record's page lists the English stories naming the Vietnamese record (a
    translation names the record it was translated with); a new one shows at once, though
    its publication names the Vietnamese record only."""
    english_nhi = registry["english_nhi"]
    assert story_titles(client, english_nhi.url) == [registry["english_story"].title]
    story = story_naming(make_story, "Cô giáo Y Nhi lên lớp", [registry["nhi"]])
    translate(story, "en", title="Teacher Y Nhi in class")
    assert story_titles(client, english_nhi.url) == [
        "Teacher Y Nhi in class",
        registry["english_story"].title,
    ]
    assert story_titles(client, registry["nhi"].url) == [
        "Cô giáo Y Nhi lên lớp",
        registry["story"].title,
    ]


def test_a_translated_campaigns_page_lists_its_editions_stories(
    client, make_story, campaign, conference, make_edition, translate
):
    story = make_story(title="Khai mạc đại hội", campaign=campaign, conference=conference)
    make_edition("en", "Kon Tum Online")
    translate(story, "en", title="The congress opens")
    english_campaign = translate(campaign, "en", title="Emulation campaign")
    english_conference = translate(conference, "en", title="Honouring conference")
    assert story_titles(client, english_campaign.url) == ["The congress opens"]
    assert story_titles(client, english_conference.url) == ["The congress opens"]
