"""The campaign sections of the home page (see base.home_sections)."""

from django.utils import timezone

from base.pages import URL_FIELDS
from base.statements import Statement
from caching import view_restrictions
from caching.content_versions import page_scope

from .models import CampaignPage, ConferencePage

ONGOING_COUNT = 3
CONFERENCE_COUNT = 4

# The columns the blocks show (campaigns/includes/home_campaigns.html and campaign_card.html)
# and a page's URL needs: a record row has some fifty, and compiling and reading all of them
# was most of the block's work.
CAMPAIGN_CARD_FIELDS = (*URL_FIELDS, "start_date", "end_date", "slogan", "plan_number")
CONFERENCE_FIELDS = (*URL_FIELDS, "date")


def _ongoing_under(_restricted, path, depth, today, limit):
    return (
        view_restrictions.readable(
            CampaignPage.objects.filter(path__startswith=path, depth__gt=depth)  # descendant_of
        )
        .exclude(start_date__gt=today)
        .exclude(end_date__lt=today)
        .only(*CAMPAIGN_CARD_FIELDS)
        .order_by("-start_date")[:limit]
    )


def _conferences_under(_restricted, path, depth, limit):
    return (
        view_restrictions.readable(
            ConferencePage.objects.filter(path__startswith=path, depth__gt=depth)
        )
        .filter(date__isnull=False)
        .only(*CONFERENCE_FIELDS)
        .order_by("-date", "-pk")[:limit]
    )


# Read by every render from nothing of the home page: compiled once (base/statements.py);
# the ongoing campaigns once a day, as "ongoing" is read against the day's date.
ONGOING_UNDER = Statement(_ongoing_under)
CONFERENCES_UNDER = Statement(_conferences_under)


def campaign_sections(home_page):
    today = timezone.localdate()
    where = (home_page.path, home_page.depth)
    return {
        "ongoing_campaigns": view_restrictions.readable_rows(
            ONGOING_UNDER, *where, today, ONGOING_COUNT
        ),
        "latest_conferences": view_restrictions.readable_rows(
            CONFERENCES_UNDER, *where, CONFERENCE_COUNT
        ),
    }


campaign_sections.context_keys = ("ongoing_campaigns", "latest_conferences")
campaign_sections.templates = ("campaigns/includes/home_campaigns.html",)
# A campaign or conference published bumps the site stamp (they declare no narrower scope),
# which every fragment reads: the block needs no listing of the home's, so a new story leaves
# it warm. "Ongoing" is read against today's date, so the block is renewed each day too.
campaign_sections.scopes = lambda home_page: [page_scope(home_page.pk)]
campaign_sections.vary = lambda home_page: timezone.localdate().isoformat()
