"""The registry's fixed choices: kinds of exemplar, levels, categories, places."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ExemplarKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")
    VILLAGE = "village", _("Village or residential group")


class AwardingLevel(models.TextChoices):
    NATIONAL = "national", _("National (President, Prime Minister)")
    MINISTRY = "ministry", _("Ministry or central body")
    PROVINCIAL = "provincial", _("Provincial")
    DISTRICT = "district", _("District")
    GRASSROOTS = "grassroots", _("Grassroots (commune, department, enterprise)")


class AwardCategory(models.TextChoices):
    EMULATION_TITLE = "emulation_title", _("Emulation title")
    ORDER = "order", _("Order (huân chương)")
    MEDAL = "medal", _("Medal (huy chương)")
    HONORARY_TITLE = "honorary_title", _("State honorary title")
    PRIZE = "prize", _("Hồ Chí Minh Prize or State Prize")
    COMMEMORATIVE = "commemorative", _("Commemorative medal")
    MERIT = "merit", _("Certificate of merit (bằng khen)")
    COMMENDATION = "commendation", _("Certificate of commendation (giấy khen)")


class PlaceLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune, ward or town")
    VILLAGE = "village", _("Village or residential group")


class SuccessionKind(models.TextChoices):
    MERGE = "merge", _("Merged into")
    SPLIT = "split", _("Divided, a part to")
    RENAME = "rename", pgettext_lazy("place succession", "Renamed")
    ABOLISH = "abolish", _("Abolished, its area to")
