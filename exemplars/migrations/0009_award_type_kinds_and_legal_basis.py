"""A title or form lists the kinds it may go to (several) and the law that says so.

The single "awarded to" value becomes a list: "any" (or empty) → every kind, "commune" → a
collective (as `allows` read it), any other value → itself. Then the seeded vocabulary takes the
law's kinds and basis where an editor left them as migrated (see exemplars.vocabulary.seed).
"""

from django.db import migrations, models

import exemplars.models.vocabularies

ALL_KINDS = ["individual", "collective", "household", "village"]


def single_to_list(apps, schema_editor):
    AwardType = apps.get_model("exemplars", "AwardType")
    for award_type in AwardType.objects.all():
        if award_type.recipient in ("", "any"):
            kinds = ALL_KINDS
        elif award_type.recipient == "commune":
            kinds = ["collective"]
        else:
            kinds = [award_type.recipient]
        AwardType.objects.filter(pk=award_type.pk).update(recipients=kinds)


def list_to_single(apps, schema_editor):
    AwardType = apps.get_model("exemplars", "AwardType")
    for award_type in AwardType.objects.all():
        kinds = award_type.recipients or []
        recipient = kinds[0] if len(kinds) == 1 else "any"
        AwardType.objects.filter(pk=award_type.pk).update(recipient=recipient)


def apply_the_law(apps, schema_editor):
    from exemplars.vocabulary import seed

    seed(
        apps.get_model("exemplars", "AwardType"),
        apps.get_model("exemplars", "EthnicGroup"),
        apps.get_model("exemplars", "Sector"),
    )


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0008_exemplar_personal_details_permission")]

    operations = [
        migrations.AddField(
            model_name="awardtype",
            name="recipients",
            field=exemplars.models.vocabularies.KindsField(
                default=list,
                help_text="The kinds of recipient the law lets this title or form go to.",
                verbose_name="awarded to",
            ),
        ),
        migrations.AddField(
            model_name="awardtype",
            name="legal_basis",
            field=models.CharField(
                blank=True,
                help_text="The article that says so: “Điều 33, Luật Thi đua, khen thưởng 2022”.",
                max_length=200,
                verbose_name="legal basis",
            ),
        ),
        migrations.RunPython(single_to_list, list_to_single),
        migrations.RemoveField(model_name="awardtype", name="recipient"),
        migrations.RunPython(apply_the_law, migrations.RunPython.noop),
    ]
