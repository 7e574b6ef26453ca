"""One honour, one row: each conference honouree becomes (or joins) an award record.

For every honouree, the exemplar's award record of the same title, not yet tied to a
conference, from the same campaign or the conference's year, is linked to the conference and
takes the honouree's citation; if there is none, a record is created from the honouree (an
honouree without a title gets "Tuyên dương tại hội nghị"). Nothing is lost: each honouree's
exemplar, title and citation end up on exactly one record.

The pages' revisions are brought in line too, since Wagtail edits and publishes pages from
them: every conference revision lists its honourees as the records' JSON, and each affected
exemplar's latest revision lists its new or linked records.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

UNTITLED = "Tuyên dương tại hội nghị"
STEPLEN = 4


def _entry(record, fields):
    data = {"pk": record.pk}
    for field in fields:
        data[field.name] = field.value_from_object(record)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _pick(candidates, conference, campaign_id):
    year = conference.date.year if conference.date else None
    for record in candidates:
        if record.conference_id is None and (
            (campaign_id and record.campaign_id == campaign_id) or (year and record.year == year)
        ):
            return record
    return None


def forwards(apps, schema_editor):
    Honouree = apps.get_model("campaigns", "ConferenceHonouree")
    ConferencePage = apps.get_model("campaigns", "ConferencePage")
    CampaignPage = apps.get_model("campaigns", "CampaignPage")
    AwardRecord = apps.get_model("exemplars", "AwardRecord")
    AwardType = apps.get_model("exemplars", "AwardType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    honourees = list(Honouree.objects.order_by("conference_id", "sort_order", "pk"))
    if not honourees:
        return
    conferences = ConferencePage.objects.in_bulk({h.conference_id for h in honourees})
    campaign_by_path = dict(CampaignPage.objects.values_list("path", "pk"))
    untitled = None
    record_for = {}  # honouree pk → record
    by_conference = {}  # (conference, exemplar, award type) → record, for older revisions
    touched_exemplars = set()
    for honouree in honourees:
        conference = conferences[honouree.conference_id]
        campaign_id = campaign_by_path.get(conference.path[:-STEPLEN])
        award_type_id = honouree.award_type_id
        if award_type_id is None:
            if untitled is None:
                untitled, _ = AwardType.objects.get_or_create(
                    name=UNTITLED, defaults={"category": "commendation", "sort_order": 900}
                )
            award_type_id = untitled.pk
        candidates = AwardRecord.objects.filter(
            exemplar_id=honouree.exemplar_id, award_type_id=award_type_id
        ).order_by("pk")
        record = _pick(candidates, conference, campaign_id)
        if record is None:
            last = (
                AwardRecord.objects.filter(exemplar_id=honouree.exemplar_id)
                .order_by("-sort_order")
                .values_list("sort_order", flat=True)
                .first()
            )
            record = AwardRecord(
                exemplar_id=honouree.exemplar_id,
                award_type_id=award_type_id,
                year=conference.date.year if conference.date else None,
                campaign_id=campaign_id,
                sort_order=(last or 0) + 1,
            )
        record.conference_id = conference.pk
        if honouree.citation and not record.citation:
            record.citation = honouree.citation
        record.save()
        record_for[honouree.pk] = record
        by_conference[(conference.pk, honouree.exemplar_id, honouree.award_type_id)] = record
        touched_exemplars.add(honouree.exemplar_id)

    fields = [f for f in AwardRecord._meta.fields if f.serialize]
    conference_type = ContentType.objects.get(app_label="campaigns", model="conferencepage")
    for revision in Revision.objects.filter(
        content_type_id=conference_type.pk, object_id__in=[str(pk) for pk in conferences]
    ):
        old = revision.content.get("honourees")
        if old is None:
            continue
        new, seen = [], set()
        conference_pk = int(revision.object_id)
        for item in old:
            record = record_for.get(item.get("pk")) or by_conference.get(
                (conference_pk, item.get("exemplar"), item.get("award_type"))
            )
            if record is not None and record.pk not in seen:
                seen.add(record.pk)
                new.append(_entry(record, fields))
        revision.content["honourees"] = new
        revision.save(update_fields=["content"])

    ExemplarPage = apps.get_model("exemplars", "ExemplarPage")
    latest = dict(
        ExemplarPage.objects.filter(pk__in=touched_exemplars, latest_revision__isnull=False)
        .values_list("pk", "latest_revision_id")
    )
    for revision in Revision.objects.filter(pk__in=list(latest.values())):
        awards = revision.content.get("awards")
        if awards is None:
            continue
        rows = AwardRecord.objects.filter(exemplar_id=int(revision.object_id))
        fresh = {row.pk: _entry(row, fields) for row in rows}
        kept = [fresh.pop(item["pk"], item) if item.get("pk") else item for item in awards]
        revision.content["awards"] = kept + list(fresh.values())
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0003_comments_enabled"),
        ("exemplars", "0005_award_record_is_the_honour"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
