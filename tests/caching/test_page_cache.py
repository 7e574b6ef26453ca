"""The anonymous page cache: hits, headers, 304s, what is never cached, purges, CSRF."""

import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from caching import page_cache
from tests.conftest import aware

pytestmark = pytest.mark.django_db


def state(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def story(make_story, make_reporter):
    return make_story(
        title="Khen thưởng điển hình tiên tiến",
        tags=["Thi đua"],
        reporters=[make_reporter("Trần Văn Bình")],
        date=aware(2020, 10, 1),
    )


def test_second_anonymous_view_is_a_hit_with_public_headers(client, story):
    first = client.get(story.url)
    second = client.get(story.url)
    assert (state(first), state(second)) == ("miss", "hit")
    assert second.content == first.content
    assert "Khen thưởng điển hình tiên tiến" in second.content.decode()
    assert second["Cache-Control"] == "public, max-age=10, s-maxage=600"
    assert "Cookie" in second["Vary"]
    assert second["ETag"] == first["ETag"]
    assert second["Content-Language"] == "vi"
    assert second["X-Frame-Options"] == "DENY"


def test_a_hit_costs_no_query(client, story, django_assert_num_queries):
    client.get(story.url)
    with django_assert_num_queries(0):
        assert state(client.get(story.url)) == "hit"


def test_etag_gives_304_on_hit_and_on_miss(client, story):
    etag = client.get(story.url)["ETag"]
    assert client.get(story.url, headers={"if-none-match": etag}).status_code == 304
    # A miss (the entry gone, nothing changed) still answers 304: the validator comes from
    # the content stamps, not from the rendered bytes.
    page_cache.purge_paths([story.url])
    again = client.get(story.url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert client.get(story.url, headers={"if-none-match": '"other"'}).status_code == 200


def test_a_conditional_miss_is_answered_before_rendering(
    client, story, django_assert_max_num_queries
):
    first = client.get(story.url)
    page_cache.purge_paths([story.url])
    # Routing the page only: no story, tags, comments or menus are read.
    with django_assert_max_num_queries(6):
        response = client.get(story.url, headers={"if-none-match": first["ETag"]})
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == first["ETag"]


def test_if_modified_since_gets_304_until_something_changes(client, story):
    first = client.get(story.url)
    since = first["Last-Modified"]
    page_cache.purge_paths([story.url])
    assert client.get(story.url, headers={"if-modified-since": since}).status_code == 304
    page_cache.purge_all()  # a site-wide change (a setting, a page published elsewhere)
    changed = client.get(story.url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_editions_and_query_strings_are_separate_entries(client, news_index, story, make_edition):
    make_edition("en", "Kon Tum Online")
    assert state(client.get("/tin-tuc/")) == "miss"
    assert state(client.get("/tin-tuc/?page=2")) == "miss"
    assert state(client.get("/tin-tuc/?page=2")) == "hit"
    assert state(client.get("/")) == "miss"
    vietnamese = client.get("/")
    english = client.get("/en/")
    assert state(english) == "miss"
    assert english["Content-Language"] == "en"
    assert english.content != vietnamese.content
    # The old language cookie changes nothing: the address alone chooses the edition.
    client.cookies["django_language"] = "en"
    assert state(again := client.get("/")) == "hit"
    assert again["Content-Language"] == "vi"


def test_head_is_served_from_the_get_entry(client, story):
    client.get(story.url)
    response = client.head(story.url)
    assert state(response) == "hit"
    assert response.content == b""


def test_logged_in_staff_never_get_or_fill_the_cache(client, story, staff_user):
    client.get(story.url)
    client.force_login(staff_user("editor", superuser=True))
    response = client.get(story.url)
    assert state(response) is None
    assert "private" in response.get("Cache-Control", "") or "public" not in response.get(
        "Cache-Control", ""
    )
    client.logout()
    assert state(Client().get(story.url)) == "hit"


def test_preview_posts_errors_and_missing_pages_are_not_cached(client, story, staff_user):
    client.force_login(staff_user("editor", superuser=True))
    preview = client.get(f"/admin/pages/{story.pk}/edit/preview/")
    assert state(preview) is None
    anonymous = Client()
    assert state(anonymous.get("/khong-co-trang-nay/")) is None
    assert anonymous.get("/khong-co-trang-nay/").status_code == 404
    assert state(anonymous.post(story.url, {})) is None


def test_a_page_with_form_errors_is_not_cached(rf, story):
    from django import forms
    from django.template.response import TemplateResponse

    class Form(forms.Form):
        text = forms.CharField()

    request = rf.get(story.url)
    request.resolver_match = type("Match", (), {"url_name": "wagtail_serve"})()
    bound = Form(data={})
    response = TemplateResponse(request, "base.html", {"page": story, "form": bound})
    response.render()
    assert not page_cache.response_is_cacheable(request, response)
    response.context_data["form"] = Form(data={"text": "Đúng"})
    assert page_cache.response_is_cacheable(request, response)


def test_view_restricted_pages_are_not_cached(client, story):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    assert state(client.get(story.url)) is None
    assert state(client.get(story.url)) is None


def test_publishing_purges_the_story_its_listings_and_tag_pages(client, news_index, story):
    urls = ["/", "/tin-tuc/", "/tin-tuc/?page=1", story.url, "/tin-tuc/chu-de/thi-dua/"]
    urls.append("/tin-tuc/phong-vien/tran-van-binh/")
    for url in urls:
        client.get(url)
        assert state(client.get(url)) == "hit", url
    story.title = "Tuyên dương 50 điển hình"
    story.save_revision().publish()
    for url in urls:
        response = client.get(url)
        assert state(response) == "miss", url
        assert "Tuyên dương 50 điển hình" in response.content.decode(), url


def test_publishing_a_new_story_shows_it_on_cached_listings(client, news_index, make_story):
    make_story(title="Tin cũ")
    client.get("/tin-tuc/")
    assert state(client.get("/tin-tuc/")) == "hit"
    make_story(title="Tin mới nóng hổi")
    assert "Tin mới nóng hổi" in client.get("/tin-tuc/").content.decode()


def test_unpublishing_purges(client, story):
    client.get(story.url)
    story.unpublish()
    assert client.get(story.url).status_code == 404


def test_deleting_purges(client, news_index, story):
    url = story.url
    client.get(url)
    client.get("/tin-tuc/")
    story.delete()
    assert client.get(url).status_code == 404
    assert "Khen thưởng" not in client.get("/tin-tuc/").content.decode()


def test_moving_purges_old_and_new_places(client, home_page, news_index, story):
    from news.models import NewsIndexPage

    other = home_page.add_child(instance=NewsIndexPage(title="Thời sự", slug="thoi-su"))
    other.save_revision().publish()
    old_url = story.url
    client.get(old_url)
    client.get("/thoi-su/")
    story.move(other, pos="last-child")
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached old page
    assert moved.status_code == 301
    assert moved["Location"].endswith("/thoi-su/khen-thuong-dien-hinh-tien-tien/")
    assert "Khen thưởng" in client.get("/thoi-su/").content.decode()


def test_scheduled_publishing_purges(client, news_index, story):
    client.get(story.url)
    story.title = "Bản tin hẹn giờ"
    revision = story.save_revision(approved_go_live_at=timezone.now() - timezone.timedelta(1))
    assert revision.approved_go_live_at is not None
    assert "Bản tin hẹn giờ" not in client.get(story.url).content.decode()
    call_command("publish_scheduled")
    response = client.get(story.url)
    assert state(response) == "miss"
    assert "Bản tin hẹn giờ" in response.content.decode()


def test_purge_page_api_and_signal(client, story):
    client.get(story.url)
    client.get("/tin-tuc/")
    assert page_cache.purge_page(story, listings=False) == {story.url}
    assert state(client.get(story.url)) == "miss"
    assert state(client.get("/tin-tuc/")) == "hit"
    page_cache.page_content_changed.send(sender=None, page=story, listings=False)
    assert state(client.get(story.url)) == "miss"


def test_site_identity_change_purges_everything(client, home_page, story):
    from base.models import SiteIdentity

    client.get(story.url)
    identity = SiteIdentity.for_site(home_page.get_site())
    identity.site_name = "Kon Tum Điện Tử"
    identity.save()
    response = client.get(story.url)
    assert state(response) == "miss"
    assert "Kon Tum Điện Tử" in response.content.decode()


def test_a_lost_generation_token_means_a_miss_not_a_stale_page(client, story):
    from django.core.cache import cache

    client.get(story.url)
    cache.delete(page_cache._generation_key(story.url))
    assert state(client.get(story.url)) == "miss"


def test_cached_html_carries_no_csrf_token_and_sets_no_cookie(client, story):
    response = client.get(story.url)
    html = response.content.decode()
    assert not re.search(r'name="csrfmiddlewaretoken" value="[^"]', html)
    assert "csrftoken" not in response.cookies
    assert "js/page_cache.js" in html


def test_a_form_posted_after_a_cached_get_passes_csrf(story):
    Client().get(story.url)  # someone else fills the cache
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(story.url)
    assert state(page) == "hit"
    token_response = reader.get("/csrf-token/")
    assert "no-cache" in token_response["Cache-Control"]
    token = token_response.json()["token"]
    assert reader.cookies["csrftoken"].value
    # The readers' tips form (a form with Django's CSRF check) accepts the fetched token.
    tip_url = reverse("tips:send")
    sent = reader.post(tip_url, {"message": "Tin", "csrfmiddlewaretoken": token})
    assert sent.status_code == 400  # past the CSRF check: the form itself answers (no name)
    # Without the token fetched by the script, the same POST is refused.
    stranger = Client(enforce_csrf_checks=True)
    stranger.get(story.url)
    refused = stranger.post(tip_url, {"message": "Tin", "csrfmiddlewaretoken": ""})
    assert refused.status_code == 403


def test_readers_with_a_session_bypass_the_cache(client, story):
    client.get(story.url)
    client.cookies["sessionid"] = "whatever"
    assert state(client.get(story.url)) is None


def test_disabled_by_setting(client, settings, story):
    settings.PAGE_CACHE_ENABLED = False
    client.get(story.url)
    assert state(client.get(story.url)) is None


class _PurgeSink(BaseHTTPRequestHandler):
    """Stands for Varnish: remembers the paths it was asked to PURGE."""

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.seen.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_sink():
    server = HTTPServer(("127.0.0.1", 0), _PurgeSink)
    server.seen = []
    server.url = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_frontend_purge_is_sent_on_publish(
    settings, story, purge_sink, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "front": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_sink.url,
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
        # Ours not before the commit: Varnish would fetch the old rows again.
        assert "/*listings" not in purge_sink.seen
    assert story.url in purge_sink.seen
    assert "/tin-tuc/" in purge_sink.seen
    assert "/tin-tuc/chu-de/thi-dua/" in purge_sink.seen
    assert "/*listings" in purge_sink.seen  # feeds, API, sitemap, search (front_cache.py)


def test_publishing_with_the_http_front_gone_still_publishes_and_logs(
    story, settings, caplog, django_capture_on_commit_callbacks
):
    import logging

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",  # Varnish is down: nothing listens
        }
    }
    caplog.set_level(logging.INFO)
    reader = Client()
    reader.get(story.url)
    story.title = "Tiêu đề sau khi Varnish tắt"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    page = reader.get(story.url)
    assert page.status_code == 200
    assert "Tiêu đề sau khi Varnish tắt" in page.content.decode()  # our own cache was purged
    failures = [r for r in caplog.records if r.name == "caching.front_cache"]
    assert failures and "Could not purge" in failures[0].getMessage()


@pytest.mark.django_db(transaction=True)
def test_a_purge_varnish_missed_is_sent_again_by_the_worker(
    settings, story, django_capture_on_commit_callbacks
):
    """The request sends the purge itself; if Varnish was not there (restarting), the retry
    task queued with it sends it again once the worker runs it. Transactional: the worker
    closes the database connection when it is done (on PostgreSQL a test transaction would be
    gone with it)."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    server = HTTPServer(("127.0.0.1", 0), _PurgeSink)
    port = server.server_port
    server.server_close()  # nothing listens there yet: Varnish is restarting
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    story.title = "Tiêu đề sau khi Varnish khởi động lại"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    retries = DBTaskResult.objects.filter(task_path="caching.front_cache.retry_purge")
    assert retries.count() == 1
    assert retries.get().run_after > timezone.now()  # a few seconds later

    server = HTTPServer(("127.0.0.1", port), _PurgeSink)  # Varnish is back
    server.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        retries.update(run_after=timezone.now())
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    finally:
        server.shutdown()
        server.server_close()
    assert story.url in server.seen and "/*listings" in server.seen
