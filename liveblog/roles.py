"""The live blog's permissions, given to the desk's groups (ROLE_SETUPS, idempotent).

Reporters post; editors, the editor-in-chief and deputies and every section's desk heads
post too, and pin, mark key moments and end a blog (liveblog/permissions.py).
"""

from django.contrib.auth.models import Group

from editorial.roles import EDITORS, REPORTERS, _grant_models
from news.models import SectionPage
from news.roles import DEPUTY_EDITORS, EDITOR_IN_CHIEF

POST = [("liveblog", "add_liveupdate"), ("liveblog", "change_liveupdate")]
MODERATE = POST + [("liveblog", "moderate_liveupdate")]


def ensure_roles():
    reporters = Group.objects.filter(name=REPORTERS).first()
    if reporters is not None:
        _grant_models(reporters, POST)
    moderators = list(Group.objects.filter(name__in=[EDITORS, EDITOR_IN_CHIEF, DEPUTY_EDITORS]))
    moderators += [
        section.desk_heads
        for section in SectionPage.objects.exclude(desk_heads=None).select_related("desk_heads")
    ]
    for group in moderators:
        _grant_models(group, MODERATE)
