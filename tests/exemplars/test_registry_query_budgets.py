"""Directory, profile and campaign page: the same number of queries with 40 or 500 exemplars."""

import pytest

from caching import content_versions
from exemplars.models import AwardRecord, ExemplarPage
from exemplars.spreadsheets import bulk_add_exemplars

pytestmark = pytest.mark.django_db

# Measured on a full render. Until issue 26 the page cache did not follow the content stamps,
# so the request after `bump(SITE)` was a page-cache hit (0 queries) and these budgets
# (22, 24, 22) were never reached; the renders really cost 28, 25 and 25.
# Editions add 2: the active locale (Wagtail's routing) and the locales' ids (a cache read);
# the page's versions (hreflang, the edition links) one more only with a second edition.
DIRECTORY_BUDGET = 30
PROFILE_BUDGET = 27
CAMPAIGN_BUDGET = 27


def count_queries(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # warm up: renditions are made on first view
    # A full render: every cached fragment is stale, as after a publication.
    content_versions.bump(content_versions.SITE)
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_the_registry(
    client,
    directory,
    campaign,
    conference,
    places,
    vocab,
    make_image,
    make_story,
    django_assert_max_num_queries,
):
    portrait = make_image("Chân dung")
    award_types = list(vocab["award"].values())[:6]
    ethnic = list(vocab["ethnic"].values())
    sectors = list(vocab["sector"].values())
    place_list = [places["ha_mon"], places["dak_bla"]]

    def grow_to(total):
        existing = ExemplarPage.objects.count()
        pages = [
            ExemplarPage(
                title=f"Điển hình {n}",
                kind=["individual", "collective", "household", "village"][n % 4],
                portrait=portrait,
                ethnicity=ethnic[n % len(ethnic)],
                sector=sectors[n % len(sectors)],
                place=place_list[n % 2],
            )
            for n in range(existing, total)
        ]
        bulk_add_exemplars(directory, pages)
        AwardRecord.objects.bulk_create(
            AwardRecord(
                exemplar_id=page.pk,
                award_type=award_types[(page.pk + k) % 6],
                year=2016 + (page.pk + k) % 5,
                campaign=campaign if k == 0 else None,
                decision_number=f"{page.pk}/QĐ-UBND",
            )
            for page in pages
            for k in range(2)
        )
        AwardRecord.objects.bulk_create(
            AwardRecord(conference=conference, exemplar_id=page.pk, award_type=award_types[0])
            for page in pages
        )

    grow_to(40)  # enough that every filtered URL below finds rows at both sizes
    profile = ExemplarPage.objects.order_by("pk").first()
    make_story(title="Tin về điển hình", conference=conference, campaign=campaign)
    urls = {
        directory.url: DIRECTORY_BUDGET,
        directory.url + "?kind=individual&year=2018&q=dien": DIRECTORY_BUDGET,
        directory.url + "?page=2": DIRECTORY_BUDGET,
        profile.url: PROFILE_BUDGET,
        campaign.url: CAMPAIGN_BUDGET,
        conference.url: CAMPAIGN_BUDGET,
        conference.url + "?page=99": CAMPAIGN_BUDGET,  # past the last page at both sizes
    }
    small = {
        url: count_queries(client, url, b, django_assert_max_num_queries) for url, b in urls.items()
    }
    grow_to(500)
    large = {
        url: count_queries(client, url, b, django_assert_max_num_queries) for url, b in urls.items()
    }
    assert small == large
