"""The data migration that makes each conference honouree an award record, without loss."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("campaigns", "0003_comments_enabled"),
    ("exemplars", "0004_exemplar_public_details_consent"),
]


def migrate(targets=None):
    """To these migrations, or (None) to the latest of every app."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_today_s_pairs_merge_into_one_record_each(conference, make_exemplar, vocab):
    from exemplars.models import AwardRecord

    title = vocab["award"]["Chiến sĩ thi đua cơ sở"]
    paired = make_exemplar("Y Liên", awards=[{"type": title.name, "year": 2020}])
    alone = make_exemplar("A Thút")
    untitled = make_exemplar("Trường Tiểu học Kon Đào", kind="collective")
    revision = conference.save_revision()

    old = migrate(BEFORE)
    Honouree = old.get_model("campaigns", "ConferenceHonouree")
    rows = [
        Honouree.objects.create(
            conference_id=conference.pk,
            exemplar_id=paired.pk,
            award_type_id=title.pk,
            citation="Giáo viên dạy giỏi",
            sort_order=0,
        ),
        Honouree.objects.create(
            conference_id=conference.pk, exemplar_id=alone.pk, award_type_id=title.pk, sort_order=1
        ),
        Honouree.objects.create(
            conference_id=conference.pk, exemplar_id=untitled.pk, citation="Tập thể", sort_order=2
        ),
    ]
    revision.content["honourees"] = [
        {
            "pk": row.pk,
            "conference": conference.pk,
            "exemplar": row.exemplar_id,
            "award_type": row.award_type_id,
            "citation": row.citation,
            "sort_order": row.sort_order,
        }
        for row in rows
    ]
    revision.save(update_fields=["content"])

    migrate()

    pair = AwardRecord.objects.get(exemplar_id=paired.pk)  # still one: linked, not copied
    assert (pair.conference_id, pair.year) == (conference.pk, 2020)
    assert pair.citation == "Giáo viên dạy giỏi"
    created = AwardRecord.objects.get(exemplar_id=alone.pk)
    assert (created.conference_id, created.award_type_id, created.year) == (
        conference.pk,
        title.pk,
        2020,
    )
    third = AwardRecord.objects.get(exemplar_id=untitled.pk)
    assert third.award_type.name == "Tuyên dương tại hội nghị" and third.citation == "Tập thể"
    assert AwardRecord.objects.filter(conference_id=conference.pk).count() == 3
    # The conference's draft lists the records themselves: editing it keeps them.
    revision.refresh_from_db()
    listed = {item["pk"]: item for item in revision.content["honourees"]}
    assert set(listed) == {pair.pk, created.pk, third.pk}
    assert listed[pair.pk]["citation"] == "Giáo viên dạy giỏi"
    draft = conference.specific.get_latest_revision_as_object()
    assert sorted(r.exemplar_id for r in draft.honourees.all()) == sorted(
        [paired.pk, alone.pk, untitled.pk]
    )
    assert date(2020, 10, 22) == conference.date
