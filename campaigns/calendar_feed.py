"""Upcoming conferences and campaign milestones as an iCalendar feed (/lich/thi-dua.ics),
for a reader's or a newsroom's calendar: all-day events, from today on, live pages only."""

from django.utils import timezone
from django.utils.translation import gettext as _

from base.ical import calendar_response, event

from .models import CampaignMilestone, CampaignPage, ConferencePage

MAX_EVENTS = 500


def calendar_view(request):
    today = timezone.localdate()
    host = request.get_host().split(":")[0] or "localhost"
    events = []
    conferences = (
        ConferencePage.objects.live()
        .public()
        .filter(date__gte=today)
        .only("pk", "title", "date", "venue", "url_path", "summary")
        .order_by("date", "pk")[:MAX_EVENTS]
    )
    for conference in conferences:
        events.append(
            event(
                uid=f"conference-{conference.pk}@{host}",
                start=conference.date,
                summary=conference.title,
                description=conference.summary,
                location=conference.venue,
                url=request.build_absolute_uri(conference.get_url(request)),
            )
        )
    campaigns = CampaignPage.objects.live().public()
    milestones = (
        CampaignMilestone.objects.filter(campaign__in=campaigns, date__gte=today)
        .select_related("campaign")
        .order_by("date", "pk")[:MAX_EVENTS]
    )
    for milestone in milestones:
        events.append(
            event(
                uid=f"campaign-milestone-{milestone.pk}@{host}",
                start=milestone.date,
                summary=f"{milestone.title} ({milestone.campaign.title})",
                description=milestone.description,
                url=request.build_absolute_uri(milestone.campaign.get_url(request)),
            )
        )
    events.sort(key=lambda properties: dict(properties)["DTSTART"])
    return calendar_response(_("Conferences and campaign milestones"), events, "thi-dua.ics")
