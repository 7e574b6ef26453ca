"""Units through time (issue 15, item 2): each award keeps its unit as named on the decision,
successions are many-to-many with dates and acts, profiles say "nay là …", facets roll up."""

from datetime import date

import pytest

from exemplars.models import AwardRecord, Place, PlaceSuccession

pytestmark = pytest.mark.django_db

REFORM = date(2025, 7, 1)
ACT = "Nghị quyết 1677/NQ-UBTVQH15 ngày 16/6/2025"


@pytest.fixture
def reform(places):
    """xã Hà Mòn merged into the new xã Đăk Hà; thành phố Kon Tum split between two units."""
    qn = places["new_province"]
    new_dak_ha = Place.objects.create(
        name="xã Đăk Hà", level="commune", parent=qn, valid_from=REFORM
    )
    ward = Place.objects.create(
        name="phường Kon Tum", level="commune", parent=qn, valid_from=REFORM
    )
    bla = Place.objects.create(name="phường Đăk Bla", level="commune", parent=qn, valid_from=REFORM)
    PlaceSuccession.objects.create(
        predecessor=places["ha_mon"], successor=new_dak_ha, date=REFORM, act=ACT
    )
    for unit in (ward, bla):
        PlaceSuccession.objects.create(
            predecessor=places["district"].__class__.objects.get(name="thành phố Kon Tum"),
            successor=unit,
            kind="abolish",
            date=REFORM,
            act="Luật 72/2025/QH15",
        )
    return {"new_dak_ha": new_dak_ha, "ward": ward, "bla": bla, **places}


def test_a_profile_names_each_award_s_unit_then_and_now(client, make_exemplar, reform):
    person = make_exemplar(
        "Y Liên",
        place=reform["ha_mon"],
        awards=[{"year": 2020}, {"year": 2018, "place": reform["dak_bla"]}],
    )
    html = client.get(person.url).content.decode()
    assert "xã Hà Mòn, huyện Đăk Hà, tỉnh Kon Tum (nay là xã Đăk Hà, tỉnh Quảng Ngãi)" in html
    # No successor of its own: the province that took over the old one.
    assert "xã Đăk Blà, thành phố Kon Tum, tỉnh Kon Tum (nay thuộc tỉnh Quảng Ngãi)" in html


def test_a_split_unit_names_every_unit_that_took_its_place(client, make_exemplar, reform):
    city = Place.objects.get(name="thành phố Kon Tum")
    office = make_exemplar("Phòng Giáo dục thành phố", kind="collective", place=city)
    html = client.get(office.url).content.decode()
    assert (
        "thành phố Kon Tum, tỉnh Kon Tum (nay là phường Kon Tum, tỉnh Quảng Ngãi; "
        "phường Đăk Bla, tỉnh Quảng Ngãi)"
    ) in html


def test_an_award_keeps_the_unit_named_on_its_decision_date(make_exemplar, reform):
    # Recorded today under the new commune, honoured in 2020 under the old one.
    person = make_exemplar(
        "A Thút",
        place=reform["new_dak_ha"],
        awards=[{"year": 2020}, {"decision_date": date(2025, 9, 2)}],
    )
    by_year = {a.year: a.place for a in AwardRecord.objects.filter(exemplar=person)}
    assert by_year[2020] == reform["ha_mon"]
    assert by_year[2025] == reform["new_dak_ha"]


def test_the_place_facet_rolls_up_provinces_and_predecessors(
    client, directory, make_exemplar, reform
):
    make_exemplar("Y Liên", place=reform["ha_mon"], awards=[{"year": 2020}])
    make_exemplar("A Thút", place=reform["new_dak_ha"], awards=[{"year": 2026}])
    make_exemplar("Làng Kon Klor", kind="village", place=reform["dak_bla"])
    outsider = Place.objects.create(name="tỉnh Gia Lai", level="province")
    make_exemplar("Ksor Hơ", place=outsider)

    def names(**params):
        response = client.get(directory.url, params)
        return sorted(page.title for page in response.context["exemplars_page"])

    # Today's commune includes the commune merged into it.
    assert names(place=reform["new_dak_ha"].pk) == ["A Thút", "Y Liên"]
    # The old province includes its districts and communes.
    assert names(place=reform["province"].pk) == ["Làng Kon Klor", "Y Liên"]
    # Today's province: everything that was Kon Tum, and what is new in it.
    assert names(place=reform["new_province"].pk) == ["A Thút", "Làng Kon Klor", "Y Liên"]
    # Several values widen the choice.
    assert names(place=[outsider.pk, reform["dak_bla"].pk]) == ["Ksor Hơ", "Làng Kon Klor"]
    counts = {
        option["label"]: option["count"]
        for option in next(
            f for f in client.get(directory.url).context["facets"] if f["name"] == "place"
        )["options"]
    }
    assert counts["xã Đăk Hà, tỉnh Quảng Ngãi"] == 2
    assert counts["tỉnh Quảng Ngãi"] == 3


def test_an_award_s_own_unit_counts_in_the_facet(client, directory, make_exemplar, reform):
    make_exemplar("Người chuyển công tác", awards=[{"year": 2019, "place": reform["ha_mon"]}])
    response = client.get(directory.url, {"place": reform["new_dak_ha"].pk})
    assert [p.title for p in response.context["exemplars_page"]] == ["Người chuyển công tác"]


def test_successions_are_edited_in_the_place_admin(client, staff_user, reform):
    from django.urls import reverse

    from tests.conftest import admin_form_data

    client.force_login(staff_user("bientap", superuser=True))
    url = reverse("wagtailsnippets_exemplars_place:edit", args=(reform["dak_bla"].pk,))
    data = admin_form_data(client, url, form_id="w-editor-form")
    data.update(
        {
            "successions-TOTAL_FORMS": "1",
            "successions-0-id": "",
            "successions-0-successor": str(reform["bla"].pk),
            "successions-0-kind": "merge",
            "successions-0-date": "01/07/2025",
            "successions-0-act": ACT,
            "successions-0-ORDER": "1",
            "successions-0-DELETE": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    succession = PlaceSuccession.objects.get(predecessor=reform["dak_bla"])
    assert (succession.successor, succession.date, succession.act) == (reform["bla"], REFORM, ACT)
