"""A page's URL from the site's shortcut (SitePage.get_url_parts: Wagtail's reverse of its
serve view done once per request, site root and language) is Wagtail's own, in every edition
and for pages read one after another in the same request."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def wagtails(page, request):
    return Page.get_url_parts(page, request)


def test_urls_are_wagtails_in_every_edition(news_index, make_story, make_edition, translate):
    stories = [make_story(title=f"Tuyên dương điển hình số {n}") for n in range(3)]
    make_edition("en", "Kon Tum Online")
    english = [
        translate(story, "en", title=f"Exemplar number {n}") for n, story in enumerate(stories)
    ]
    pages = [news_index, *stories, *english, news_index.get_parent().specific]
    for language in ("vi", "en"):
        with translation.override(language):
            request = RequestFactory().get("/", HTTP_HOST="localhost")
            fresh = RequestFactory().get("/", HTTP_HOST="localhost")
            for page in pages * 2:  # the second time from the request's prefixes
                assert page.get_url_parts(request) == wagtails(page, fresh), (language, page)
                assert page.get_url(request) == Page.get_url(page, fresh)
    assert english[0].get_url(request).startswith("/en/")


def test_a_url_asked_for_without_a_request_is_wagtails(news_index, make_story):
    story = make_story(title="Đại hội thi đua")
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert story.get_url_parts() == wagtails(story, None)
    assert story.get_url_parts(request) == wagtails(story, RequestFactory().get("/"))
