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
    from campaigns.models import ConferenceHonouree

    exemplar = make_exemplar("Y Blông")
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(
        ConferenceHonouree(exemplar=exemplar, award_type=vocab["award"]["Giấy khen"])
    )
    draft.save_revision().publish()
    response = client.get(exemplar.url)
    assert [h.conference.title for h in response.context["honours"]] == [conference.title]
    assert [c.title for c in response.context["campaigns"]] == [campaign.title]
    conference.refresh_from_db()
    conference.unpublish()
    response = client.get(exemplar.url)
    assert response.context["honours"] == []
