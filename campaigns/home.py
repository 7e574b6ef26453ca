"""The campaign sections of the home page (see base.home_sections)."""

from django.utils import timezone

from base.pages import URL_FIELDS
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


def campaign_sections(home_page):
    today = timezone.localdate()
    ongoing = list(
        view_restrictions.readable(CampaignPage.objects.descendant_of(home_page))
        .exclude(start_date__gt=today)
        .exclude(end_date__lt=today)
        .only(*CAMPAIGN_CARD_FIELDS)
        .order_by("-start_date")[:ONGOING_COUNT]
    )
    conferences = list(
        view_restrictions.readable(ConferencePage.objects.descendant_of(home_page))
        .filter(date__isnull=False)
        .only(*CONFERENCE_FIELDS)
        .order_by("-date", "-pk")[:CONFERENCE_COUNT]
    )
    return {
        "ongoing_campaigns": ongoing,
        "latest_conferences": conferences,
    }


campaign_sections.context_keys = ("ongoing_campaigns", "latest_conferences")
campaign_sections.templates = ("campaigns/includes/home_campaigns.html",)
# A campaign or conference published bumps the site stamp (they declare no narrower scope),
# which every fragment reads: the block needs no listing of the home's, so a new story leaves
# it warm. "Ongoing" is read against today's date, so the block is renewed each day too.
campaign_sections.scopes = lambda home_page: [page_scope(home_page.pk)]
campaign_sections.vary = lambda home_page: timezone.localdate().isoformat()
