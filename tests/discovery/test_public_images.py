"""The images API lists only pictures a reader can already see: those used by live, public
pages. A picture used only by a draft, a scheduled or unpublished story, or a page behind a
password is not listed, not found by search, and has no detail."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get("/api/v2/images/", params)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_an_image_used_only_by_a_draft_is_not_listed(client, make_story, make_image):
    secret = make_image("Ảnh bài chưa đăng")
    public = make_image("Ảnh bài đã đăng")
    make_story(title="Bản nháp chưa duyệt", image=secret, publish=False)
    make_story(title="Tin đã đăng", image=public)
    assert listed(client, search="chua dang") == []
    assert listed(client, search="Ảnh bài") == [public.pk]
    assert listed(client) == [public.pk]
    assert client.get(f"/api/v2/images/{secret.pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{public.pk}/").status_code == 200


def test_an_image_in_a_storys_body_counts(client, make_story, make_image):
    image = make_image("Ảnh trong bài")
    make_story(body=[{"type": "image", "value": {"image": image.pk, "caption": "Chú thích"}}])
    assert listed(client) == [image.pk]


def test_unpublishing_or_restricting_the_story_takes_the_image_out(client, make_story, make_image):
    image = make_image("Ảnh tin rút")
    story = make_story(title="Tin sẽ rút", image=image)
    assert listed(client) == [image.pk]
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="x")
    assert listed(client) == []
    PageViewRestriction.objects.all().delete()
    assert listed(client) == [image.pk]
    story.unpublish()
    assert listed(client) == []


def test_the_download_url_is_the_checking_view_not_the_media_folder(client, make_story, make_image):
    image = make_image("Ảnh gốc")
    make_story(image=image)
    item = client.get("/api/v2/images/").json()["items"][0]
    url = item["meta"]["download_url"]
    assert "/media/original_images/" not in url
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == image.file.open("rb").read()


def test_a_drafts_original_goes_to_staff_only(client, make_story, make_image, staff_user):
    from django.core.management import call_command

    from base.private_media import original_url
    from editorial.roles import REPORTERS

    image = make_image("Ảnh bản nháp")
    make_story(title="Bản nháp", image=image, publish=False)
    assert client.get(original_url(image)).status_code == 404
    assert client.get(original_url(image).replace(image.filename, "khac.jpg")).status_code == 404
    call_command("setup_roles")
    client.force_login(staff_user("phongvien", REPORTERS))
    response = client.get(original_url(image))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=300"
