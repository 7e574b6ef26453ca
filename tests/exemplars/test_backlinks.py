"""An exemplar page lists the stories that mention it: on publish, and never once unpublished."""

import pytest

pytestmark = pytest.mark.django_db


def story_titles(client, exemplar):
    response = client.get(exemplar.url)
    return [story.title for story in response.context["stories"]]


def test_inline_link_appears_on_publish_and_vanishes_on_unpublish(
    client, make_story, make_exemplar
):
    from news.models import ArticleExemplar

    exemplar = make_exemplar("Y Nhi")
    story = make_story(title="Cô giáo Y Nhi", publish=False)
    draft = story.get_latest_revision_as_object()
    draft.exemplar_links.add(ArticleExemplar(exemplar=exemplar))
    revision = draft.save_revision()
    assert story_titles(client, exemplar) == []  # a draft never appears
    revision.publish()
    assert story_titles(client, exemplar) == ["Cô giáo Y Nhi"]
    story.refresh_from_db()
    story.unpublish()
    assert story_titles(client, exemplar) == []


def test_rich_text_link_and_exemplar_card_count_as_mentions(client, make_story, make_exemplar):
    nhi = make_exemplar("Y Nhi")
    thut = make_exemplar("A Thút")
    make_story(
        title="Nhắc tên trong bài",
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Gặp <a linktype="page" id="{nhi.pk}">cô Y Nhi</a>.</p>',
            }
        ],
    )
    story = make_story(
        title="Thẻ điển hình",
        body=[{"type": "exemplar", "value": {"exemplar": thut.pk, "note": "Già làng uy tín"}}],
    )
    assert story_titles(client, nhi) == ["Nhắc tên trong bài"]
    assert story_titles(client, thut) == ["Thẻ điển hình"]
    html = client.get(story.url).content.decode()
    assert thut.url in html and "Già làng uy tín" in html


def test_exemplar_lists_conferences_and_campaigns(
    client, make_exemplar, conference, campaign, vocab
):
    from exemplars.models import AwardRecord

    exemplar = make_exemplar("Y Blông")
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(AwardRecord(exemplar=exemplar, award_type=vocab["award"]["Giấy khen"]))
    draft.save_revision().publish()
    response = client.get(exemplar.url)
    assert [h.conference.title for h in response.context["honours"]] == [conference.title]
    assert [c.title for c in response.context["campaigns"]] == [campaign.title]
    conference.refresh_from_db()
    conference.unpublish()
    response = client.get(exemplar.url)
    assert response.context["honours"] == []


def _story_about(make_story, exemplar, title, **fields):
    from news.models import ArticleExemplar

    story = make_story(title=title, publish=False, **fields)
    draft = story.get_latest_revision_as_object()
    draft.exemplar_links.add(ArticleExemplar(exemplar=exemplar))
    draft.save_revision().publish()
    story.refresh_from_db()
    return story


def test_a_profile_counts_and_pages_through_every_story(client, make_story, make_exemplar):
    from tests.conftest import aware

    exemplar = make_exemplar("Y Nhi")
    for n in range(23):
        _story_about(make_story, exemplar, f"Bài số {n:02d} về Y Nhi", date=aware(2020, 1, 1 + n))
    first = client.get(exemplar.url).content.decode()
    assert "(23)" in first
    assert "Bài số 22 về Y Nhi" in first and "Bài số 02 về Y Nhi" not in first
    second = client.get(exemplar.url, {"page": 2}).content.decode()
    assert "Bài số 02 về Y Nhi" in second and "Bài số 22 về Y Nhi" not in second
    api = client.get(f"/api/v2/pages/{exemplar.pk}/").json()
    assert len(api["linked_stories"]) == 23
    assert api["linked_stories"][0]["title"] == "Bài số 22 về Y Nhi"


def test_the_api_gives_a_storys_exemplars_campaign_and_conference(
    client, make_story, make_exemplar, campaign, conference
):
    exemplar = make_exemplar("A Thút")
    story = _story_about(
        make_story, exemplar, "Già làng A Thút", campaign=campaign, conference=conference
    )
    data = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert data["linked_exemplars"] == [
        {"id": exemplar.pk, "title": "A Thút", "url": exemplar.full_url}
    ]
    assert data["linked_campaign"]["title"] == campaign.title
    assert data["linked_conference"]["url"] == conference.full_url
