"""Demo campaigns: the 2020 emulation cycle (Plan 2297/KH-UBND) with its conferences.

Idempotent: the pages are the demo's own, found by their keys (demo.marks),
never by slug or title; no network. Honourees are added by exemplars.demo. The pages' texts
and dates are in demo_data/campaigns.toml.
"""

import tomllib
from pathlib import Path

from django.utils.translation import gettext as _

from base.models import HomePage
from demo import marks as demo_marks

from .models import CampaignIndexPage, CampaignMilestone, CampaignPage, ConferencePage

DATA = Path(__file__).resolve().parent / "demo_data" / "campaigns.toml"
_data = tomllib.loads(DATA.read_text(encoding="utf-8"))

INDEX = _data["index"]
CYCLE = _data["cycle"]
CAMPAIGNS = _data["campaigns"]  # the others, beside the cycle
CONFERENCES = _data["conferences"]
INDEX_SLUG = INDEX["slug"]
CYCLE_SLUG = CYCLE["slug"]


def _child(parent, model, slug, **fields):
    return demo_marks.ensure(
        f"campaigns.page:{slug}", lambda: demo_marks.add_page(parent, model(slug=slug, **fields))
    )


def _cycle():
    fields = {name: value for name, value in CYCLE.items() if name != "milestones"}
    cycle = CampaignPage(**fields)
    for milestone in CYCLE["milestones"]:
        cycle.milestones.add(CampaignMilestone(date=milestone["date"], title=milestone["title"]))
    return cycle


def load(stdout=None):
    home = HomePage.objects.first()
    if home is None:
        return None
    index = _child(home, CampaignIndexPage, show_in_menus=True, **INDEX)
    cycle = demo_marks.ensure(
        f"campaigns.page:{CYCLE_SLUG}", lambda: demo_marks.add_page(index, _cycle())
    )
    if index is None or cycle is None:
        return cycle
    for spec in CAMPAIGNS:
        _child(index, CampaignPage, **spec)
    for spec in CONFERENCES:
        _child(cycle, ConferencePage, **spec)
    if stdout:
        stdout.write(
            _("Campaigns: %(campaigns)d, conferences: %(conferences)d, at %(url)s")
            % {
                "campaigns": CampaignPage.objects.count(),
                "conferences": ConferencePage.objects.count(),
                "url": cycle.get_parent().url,
            }
        )
    return cycle
