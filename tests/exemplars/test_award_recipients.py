"""Each title or form lists the kinds it may go to (Law 06/2022/QH15), with the article that
says so; the exemplar editor, the conference's honourees and the import all refuse the rest
(issue 24, item 6)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Revision

from editorial.roles import REGISTRY_EDITORS
from exemplars.models import AwardRecord, AwardType, ExemplarKind
from exemplars.vocabulary import AWARD_TYPES
from tests.conftest import admin_form_data
from tests.exemplars.test_one_honour import add_honouree

pytestmark = pytest.mark.django_db

ORDER = "Huân chương Lao động hạng Ba"
GRASSROOTS = "Chiến sĩ thi đua cơ sở"
IMPORT_URL = "/admin/exemplars/import/"


@pytest.fixture
def editor(client, directory, places, campaign, vocab, staff_user):
    """Signed in as a registry editor ("Biên tập hồ sơ"), who keeps the registry."""
    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user("hoso", REGISTRY_EDITORS))
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def give(client, exemplar, title, vocab):
    """The exemplar's editor, its first award row changed to this title and saved."""
    data = admin_form_data(client, edit_url(exemplar))
    data["awards-0-award_type"] = str(vocab["award"][title].pk)
    return client.post(edit_url(exemplar), data)


def test_a_household_cannot_be_given_an_order_an_individual_can(editor, make_exemplar, vocab):
    household = make_exemplar(
        "Hộ gia đình ông A Pớt",
        kind="household",
        awards=[{"type": "Gia đình văn hóa", "year": 2021}],
    )
    revisions = Revision.objects.count()
    response = give(editor, household, ORDER, vocab)
    assert response.status_code == 200  # the editor again, with the error on the row
    html = response.content.decode()
    assert f"“{ORDER}” chỉ trao cho cá nhân, tập thể, không trao cho: hộ gia đình." in html
    # The input is kept: the order is still the row's choice in the form sent back.
    row = response.context["form"].formsets["awards"].forms[0]
    assert str(row["award_type"].value()) == str(vocab["award"][ORDER].pk)
    assert Revision.objects.count() == revisions  # nothing saved
    assert AwardRecord.objects.get(exemplar=household).award_type.name == "Gia đình văn hóa"

    person = make_exemplar("A Thút", kind="individual", awards=[{"type": GRASSROOTS}])
    response = give(editor, person, ORDER, vocab)
    assert response.status_code == 302
    person.refresh_from_db()
    latest = person.get_latest_revision_as_object()
    assert [a.award_type.name for a in latest.awards.all()] == [ORDER]


def test_a_collective_cannot_be_a_grassroots_emulation_fighter(editor, make_exemplar, vocab):
    school = make_exemplar(
        "Trường Tiểu học Kon Đào",
        kind="collective",
        awards=[{"type": "Tập thể lao động tiên tiến", "year": 2020}],
    )
    response = give(editor, school, GRASSROOTS, vocab)
    assert response.status_code == 200
    assert f"“{GRASSROOTS}” chỉ trao cho cá nhân, không trao cho: tập thể." in (
        response.content.decode()
    )
    assert AwardRecord.objects.get(exemplar=school).award_type.name == (
        "Tập thể lao động tiên tiến"
    )


def test_the_conference_honourees_refuse_it_too(editor, conference, make_exemplar, vocab):
    household = make_exemplar("Hộ gia đình bà Y Sương", kind="household")
    data = admin_form_data(editor, edit_url(conference))
    add_honouree(data, household, vocab["award"][ORDER], decision_number="163/QĐ-UBND")
    response = editor.post(edit_url(conference), data)
    assert response.status_code == 200
    assert "không trao cho: hộ gia đình" in response.content.decode()
    assert not AwardRecord.objects.filter(exemplar=household).exists()


def test_the_import_screen_refuses_the_row_by_number(editor):
    content = (
        "ten,loai,danh_hieu,nam\n"
        "Trường Mầm non Hoa Hồng,tập thể,Huân chương Lao động hạng Ba,2020\n"
        "Hộ gia đình ông A Pớt,hộ gia đình,Huân chương Lao động hạng Ba,2020\n"
    ).encode()
    response = editor.post(IMPORT_URL, {"file": SimpleUploadedFile("hoso.csv", content)})
    assert response.status_code == 200
    assert [row for row, _message in response.context["result"].errors] == [3]
    html = response.content.decode()
    assert (
        f"<li>Dòng 3: “{ORDER}” chỉ trao cho cá nhân, tập thể, không trao cho: hộ gia đình.</li>"
        in html
    )
    assert "1 lỗi: không có gì được nhập." in html
    assert AwardRecord.objects.count() == 0


def test_the_registry_editor_ticks_the_kinds_as_checkboxes(editor, vocab):
    award_type = vocab["award"]["Giấy khen"]
    url = reverse("wagtailsnippets_exemplars_awardtype:edit", args=(award_type.pk,))
    page = editor.get(url).content.decode()
    assert 'type="checkbox" name="recipients" value="household"' in page
    assert "Hộ gia đình" in page and "căn cứ pháp lý" in page.lower()
    data = {
        "name": award_type.name,
        "category": award_type.category,
        "recipients": ["individual", "collective"],
        "legal_basis": "Luật Thi đua, khen thưởng 2022",
        "sort_order": "10",
    }
    assert editor.post(url, data).status_code == 302
    award_type.refresh_from_db()
    assert award_type.recipients == ["individual", "collective"]
    # None ticked: refused, in Vietnamese.
    response = editor.post(url, {**data, "recipients": []})
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode()
    # The listing shows the kinds and the law.
    listing = editor.get(reverse("wagtailsnippets_exemplars_awardtype:list")).content.decode()
    assert "Điều 33, Luật Thi đua, khen thưởng 2022" in listing


def test_the_seeded_vocabulary_follows_the_law(vocab):
    seeded = {name: (kinds, basis) for name, _category, kinds, basis in AWARD_TYPES}
    every_kind = sorted(ExemplarKind.values)
    for award_type in AwardType.objects.filter(name__in=seeded):
        assert award_type.legal_basis, award_type.name
        assert "Luật Thi đua, khen thưởng 2022" in award_type.legal_basis
        assert award_type.recipients == seeded[award_type.name][0]
        if award_type.category not in ("merit", "commendation"):  # bằng khen, giấy khen: all
            assert sorted(award_type.recipients) != every_kind, award_type.name
    assert not vocab["award"][ORDER].allows("household")
    assert vocab["award"]["Gia đình văn hóa"].recipients == ["household"]
    assert vocab["award"]["Xã, phường, thị trấn tiêu biểu"].recipients == ["collective"]


def test_seed_brings_a_migrated_any_to_the_law_but_keeps_an_editors_kinds(vocab):
    from exemplars.models import EthnicGroup, Sector
    from exemplars.vocabulary import seed

    every_kind = ["individual", "collective", "household", "village"]
    AwardType.objects.filter(name=ORDER).update(recipients=every_kind, legal_basis="")
    AwardType.objects.filter(name="Anh hùng Lao động").update(
        recipients=["collective"], legal_basis=""
    )
    seed(AwardType, EthnicGroup, Sector)
    order = AwardType.objects.get(name=ORDER)
    assert order.recipients == ["individual", "collective"]
    assert order.legal_basis == "Điều 33, Luật Thi đua, khen thưởng 2022"
    hero = AwardType.objects.get(name="Anh hùng Lao động")
    assert hero.recipients == ["collective"]  # narrowed by an editor: kept
    assert hero.legal_basis == "Điều 59, Luật Thi đua, khen thưởng 2022"


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_one_value_into_kinds_and_applies_the_law(vocab):
    from tests.exemplars.test_honour_migration import migrate

    old = migrate([("exemplars", "0008_exemplar_personal_details_permission")])
    OldAwardType = old.get_model("exemplars", "AwardType")
    OldAwardType.objects.filter(name=ORDER).update(recipient="any")
    OldAwardType.objects.filter(name="Anh hùng Lao động").update(recipient="collective")
    OldAwardType.objects.create(name="Giấy khen của Hội Nông dân", category="commendation")
    OldAwardType.objects.create(
        name="Cờ thi đua của Hội Nông dân", category="emulation_title", recipient="commune"
    )

    migrate()
    kinds = dict(AwardType.objects.values_list("name", "recipients"))
    basis = dict(AwardType.objects.values_list("name", "legal_basis"))
    assert kinds[ORDER] == ["individual", "collective"]  # "any" as seeded: the law's kinds
    assert basis[ORDER] == "Điều 33, Luật Thi đua, khen thưởng 2022"
    assert kinds["Anh hùng Lao động"] == ["collective"]  # an editor's choice is kept
    assert basis["Anh hùng Lao động"] == "Điều 59, Luật Thi đua, khen thưởng 2022"
    assert kinds["Giấy khen của Hội Nông dân"] == [
        "individual",
        "collective",
        "household",
        "village",
    ]
    assert basis["Giấy khen của Hội Nông dân"] == ""  # not the law's list: no basis invented
    assert kinds["Cờ thi đua của Hội Nông dân"] == ["collective"]  # a commune is a collective
