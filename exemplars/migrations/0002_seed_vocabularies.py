from django.db import migrations


def seed_vocabularies(apps, schema_editor):
    from exemplars.vocabulary import seed

    seed(
        apps.get_model("exemplars", "AwardType"),
        apps.get_model("exemplars", "EthnicGroup"),
        apps.get_model("exemplars", "Sector"),
    )


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0001_initial")]

    operations = [migrations.RunPython(seed_vocabularies, migrations.RunPython.noop)]
