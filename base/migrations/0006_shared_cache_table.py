"""The table of Django's database cache, the shared cache of an install without Redis
(settings: CACHES, "kontum_cache"). Made by `migrate`, so no deploy step can forget
`createcachetable`; made whatever the settings say now, so an install can drop Redis later."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "kontum_cache"


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    atomic = False  # createcachetable runs its own transaction

    dependencies = [("kontum_site", "0005_demo_objects")]

    operations = [migrations.RunPython(create_table, drop_table)]
