"""One honour, one row (issue 15, item 1): a conference's honourees are award records.

Added in the conference editor, the honour is on the exemplar's profile; edited on either
side, both pages say the same, and publishing the other page later does not write back an old
copy (each page is published from its own latest revision).
"""

from datetime import date

import pytest
from django.urls import reverse

from exemplars.models import AwardRecord
from tests.conftest import admin_form_data

pytestmark = pytest.mark.django_db

TITLE = "Chiến sĩ thi đua cơ sở"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def publish(client, page, change):
    data = admin_form_data(client, edit_url(page))
    change(data)
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, form_errors(response)
    return response


def form_errors(response):
    form = response.context["form"]
    return form.errors, {
        name: [f.errors for f in formset.forms] + [formset.non_form_errors()]
        for name, formset in form.formsets.items()
    }


def add_honouree(data, exemplar, award_type, **fields):
    n = int(data["honourees-TOTAL_FORMS"])
    data["honourees-TOTAL_FORMS"] = str(n + 1)
    values = {
        "id": "",
        "exemplar": str(exemplar.pk),
        "award_type": str(award_type.pk),
        "level": "provincial",
        "year": "",
        "decision_number": "",
        "decision_date": "",
        "issuing_authority": "",
        "citation": "",
        "ORDER": str(n + 1),
        "DELETE": "",
    }
    values.update(fields)
    for name, value in values.items():
        data[f"honourees-{n}-{name}"] = value


@pytest.fixture
def editor(client, staff_user):
    client.force_login(staff_user("bientap", superuser=True))
    return client


def test_an_honouree_added_in_the_conference_editor_is_an_award_record(
    editor, conference, make_exemplar, vocab
):
    person = make_exemplar("Y Liên")
    publish(
        editor,
        conference,
        lambda data: add_honouree(
            data,
            person,
            vocab["award"][TITLE],
            decision_number="163/QĐ-UBND",
            decision_date="2020-10-20",
            citation="Giáo viên dạy giỏi vùng khó",
        ),
    )
    record = AwardRecord.objects.get(exemplar=person)
    assert record.conference_id == conference.pk
    assert (record.decision_number, record.decision_date) == ("163/QĐ-UBND", date(2020, 10, 20))
    assert record.year == 2020
    profile = editor.get(person.url).content.decode()
    assert "163/QĐ-UBND" in profile and conference.title in profile
    listing = editor.get(conference.url).content.decode()
    assert "Y Liên" in listing and "Giáo viên dạy giỏi vùng khó" in listing
    # The exemplar's own draft knows the record: publishing it keeps the honour.
    publish(editor, person, lambda data: None)
    assert AwardRecord.objects.filter(exemplar=person, conference=conference).count() == 1


def test_an_honour_edited_on_the_profile_shows_at_the_conference_and_stays(
    editor, conference, make_exemplar, vocab
):
    person = make_exemplar("Y Liên")
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(AwardRecord(exemplar=person, award_type=vocab["award"][TITLE]))
    draft.save_revision().publish()
    record = AwardRecord.objects.get(exemplar=person)

    def cite(data):
        position = next(
            key.split("-")[1]
            for key, value in data.items()
            if key.startswith("awards-") and key.endswith("-id") and value == str(record.pk)
        )
        data[f"awards-{position}-citation"] = "Trích ngang đã sửa"

    publish(editor, person, cite)
    assert AwardRecord.objects.get(pk=record.pk).citation == "Trích ngang đã sửa"
    assert "Trích ngang đã sửa" in editor.get(conference.url).content.decode()
    # Publishing the conference again (from its own draft) does not bring the old text back.
    publish(editor, conference, lambda data: None)
    assert AwardRecord.objects.get(pk=record.pk).citation == "Trích ngang đã sửa"
    assert AwardRecord.objects.filter(exemplar=person).count() == 1


def test_an_honour_edited_at_the_conference_shows_on_the_profile_and_stays(
    editor, conference, make_exemplar, vocab
):
    person = make_exemplar("Y Liên", awards=[{"type": TITLE, "year": 2019}])
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(AwardRecord(exemplar=person, award_type=vocab["award"][TITLE]))
    draft.save_revision().publish()

    def renumber(data):
        data["honourees-0-decision_number"] = "200/QĐ-UBND"

    publish(editor, conference, renumber)
    assert "200/QĐ-UBND" in editor.get(person.url).content.decode()
    publish(editor, person, lambda data: None)
    numbers = sorted(AwardRecord.objects.filter(exemplar=person).values_list("decision_number"))
    assert numbers == [("",), ("200/QĐ-UBND",)]


def test_an_honour_removed_from_the_profile_leaves_the_conference(
    editor, conference, make_exemplar, vocab
):
    person = make_exemplar("Y Liên")
    draft = conference.get_latest_revision_as_object()
    draft.honourees.add(AwardRecord(exemplar=person, award_type=vocab["award"][TITLE]))
    draft.save_revision().publish()

    def remove(data):
        data["awards-0-DELETE"] = "1"

    publish(editor, person, remove)
    assert not AwardRecord.objects.filter(exemplar=person).exists()
    publish(editor, conference, lambda data: None)  # its draft no longer holds the row
    assert not AwardRecord.objects.filter(exemplar=person).exists()
    assert "Y Liên" not in editor.get(conference.url).content.decode()


def test_a_draft_conference_does_not_show_its_honours_on_profiles(
    client, campaign, make_exemplar, vocab
):
    from campaigns.models import ConferencePage

    person = make_exemplar("Y Liên")
    draft = ConferencePage(title="Hội nghị chưa đăng", level="commune", live=False)
    draft.honourees.add(AwardRecord(exemplar=person, award_type=vocab["award"][TITLE]))
    campaign.add_child(instance=draft)  # created unpublished: the row exists already
    assert AwardRecord.objects.filter(conference=draft).exists()
    assert "Hội nghị chưa đăng" not in client.get(person.url).content.decode()


def test_the_rule_of_the_law_applies_in_the_conference_editor(
    editor, conference, make_exemplar, vocab
):
    person = make_exemplar("Y Liên", kind="individual")
    data = admin_form_data(editor, edit_url(conference))
    add_honouree(data, person, vocab["award"]["Cờ thi đua của Chính phủ"])
    data["action-publish"] = "action-publish"
    response = editor.post(edit_url(conference), data)
    assert response.status_code == 200
    assert "chỉ trao cho" in response.content.decode()
    assert not AwardRecord.objects.filter(exemplar=person).exists()
