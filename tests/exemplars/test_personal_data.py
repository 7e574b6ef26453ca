"""Ethnicity and birth year leave the site in bulk only with consent; the public export is
rate-limited; the comment form says how readers' data is used."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_exemplar, vocab):
    ba_na = vocab["ethnic"]["Ba Na"]
    return (
        make_exemplar("Y Lan", birth_year=1995, ethnicity=ba_na),
        make_exemplar("A Thút", birth_year=1980, ethnicity=ba_na, public_details_consent=True),
    )


def _export(client, directory):
    response = client.get(f"{directory.url}xuat/csv/")
    assert response.status_code == 200
    from exemplars.registry_columns import code_for

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    codes = [code_for(header) for header in rows[0]]  # "Họ và tên" → "ten"
    return {row[1]: dict(zip(codes, row, strict=True)) for row in rows[1:]}


def test_public_export_leaves_out_details_without_consent(client, directory, people):
    rows = _export(client, directory)
    assert (rows["Y Lan"]["nam_sinh"], rows["Y Lan"]["dan_toc"]) == ("", "")
    assert (rows["A Thút"]["nam_sinh"], rows["A Thút"]["dan_toc"]) == ("1980", "Ba Na")


def test_staff_export_keeps_everything(client, directory, people, staff_user):
    client.force_login(staff_user("admin", superuser=True))
    rows = _export(client, directory)
    assert (rows["Y Lan"]["nam_sinh"], rows["Y Lan"]["dan_toc"]) == ("1995", "Ba Na")


@pytest.mark.parametrize(
    "username, group", [("phongvien", "Phóng viên"), ("kiemduyet", "Kiểm duyệt viên")]
)
def test_staff_outside_the_registry_get_the_public_columns(
    client, directory, people, staff_user, username, group
):
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user(username, group))
    rows = _export(client, directory)
    assert (rows["Y Lan"]["nam_sinh"], rows["Y Lan"]["dan_toc"]) == ("", "")
    assert (rows["A Thút"]["nam_sinh"], rows["A Thút"]["dan_toc"]) == ("1980", "Ba Na")


def test_registry_editors_export_everything(client, directory, people, staff_user):
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    client.force_login(staff_user("hoso", "Biên tập hồ sơ"))
    rows = _export(client, directory)
    assert (rows["Y Lan"]["nam_sinh"], rows["Y Lan"]["dan_toc"]) == ("1995", "Ba Na")


def test_api_leaves_out_details_without_consent(client, people):
    without, with_consent = people
    fields = "birth_year,ethnicity_name"
    plain = client.get(f"/api/v2/pages/{without.pk}/?fields={fields}").json()
    assert (plain["birth_year"], plain["ethnicity_name"]) == (None, None)
    consented = client.get(f"/api/v2/pages/{with_consent.pk}/?fields={fields}").json()
    assert (consented["birth_year"], consented["ethnicity_name"]) == (1980, "Ba Na")


def test_the_public_export_is_rate_limited(client, directory, people, settings):
    settings.EXEMPLARS_PUBLIC_EXPORTS_PER_HOUR = 3
    codes = [client.get(f"{directory.url}xuat/csv/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get(f"{directory.url}xuat/xlsx/")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert "quá nhiều lần" in limited.content.decode()
    other_network = client.get(f"{directory.url}xuat/csv/", REMOTE_ADDR="198.51.100.7")
    assert other_network.status_code == 200


def test_the_comment_form_links_to_the_privacy_page(client, make_story):
    from base.models import SiteIdentity

    story = make_story(title="Tin có ô bình luận")
    html = client.get(story.url).content.decode()
    privacy = SiteIdentity.objects.get().privacy_page
    assert privacy is not None and privacy.title == "Chính sách bảo vệ dữ liệu cá nhân"
    form = html[
        html.index('id="binh-luan-form"') : html.index("</form>", html.index("binh-luan-form"))
    ]
    assert "Chúng tôi lưu tên, email và địa chỉ mạng của bạn" in form
    assert f'href="{privacy.url}"' in form
    page = client.get(privacy.url)
    assert page.status_code == 200
    assert "Xem, tải về hoặc xoá dữ liệu của bạn" in page.content.decode()
