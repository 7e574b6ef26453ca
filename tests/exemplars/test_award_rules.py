"""Who may receive which title (Law 06/2022/QH15), enforced in the admin and in the import."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from exemplars.models import AwardRecord
from tests.conftest import admin_form_data

pytestmark = pytest.mark.django_db

COLLECTIVE_ONLY = "Cờ thi đua của Chính phủ"
INDIVIDUAL_ONLY = "Chiến sĩ thi đua cơ sở"


def test_the_admin_refuses_a_collective_title_for_a_person(
    client, staff_user, make_exemplar, vocab
):
    person = make_exemplar(
        "Y Nhi", kind="individual", awards=[{"type": INDIVIDUAL_ONLY, "year": 2020}]
    )
    client.force_login(staff_user("bientap", superuser=True))
    data = admin_form_data(client, reverse("wagtailadmin_pages:edit", args=(person.pk,)))
    data["awards-0-award_type"] = str(vocab["award"][COLLECTIVE_ONLY].pk)
    response = client.post(reverse("wagtailadmin_pages:edit", args=(person.pk,)), data)
    assert response.status_code == 200  # the editor again, with the error
    html = response.content.decode()
    assert "chỉ trao cho" in html and COLLECTIVE_ONLY in html
    assert AwardRecord.objects.get(exemplar=person).award_type.name == INDIVIDUAL_ONLY
    # The same title for a collective is accepted.
    collective = make_exemplar("Trường Mầm non Hoa Hồng", kind="collective")
    assert vocab["award"][COLLECTIVE_ONLY].allows(collective.kind)


def test_the_import_names_the_row(tmp_path, directory, vocab):
    from tests.exemplars.test_import import write_csv

    path = write_csv(
        tmp_path,
        [
            {"ten": "Trường Tiểu học Kon Đào", "loai": "tập thể", "danh_hieu": COLLECTIVE_ONLY},
            {"ten": "A Lâm", "loai": "cá nhân", "danh_hieu": COLLECTIVE_ONLY},
        ],
    )
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_exemplars", str(path), stdout=io.StringIO(), stderr=errors)
    report = errors.getvalue()
    assert "Dòng 3" in report and "chỉ trao cho" in report
    assert "Dòng 2" not in report
