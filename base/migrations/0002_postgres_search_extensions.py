"""On PostgreSQL: unaccent and pg_trgm for the fuzzy fallback of the site search.

Creating extensions needs a privileged role; without one the migration only warns, and the
search keeps working without the fuzzy fallback (see discovery.search.fuzzy_ids).
"""

import io
import logging

from django.core.management import call_command
from django.db import migrations, transaction

logger = logging.getLogger(__name__)


def enable(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for command in ("enable_unaccent", "enable_trigram"):
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                call_command(command, stdout=io.StringIO())
        except Exception as error:  # noqa: BLE001 - a missing privilege must not block deploys
            logger.warning("Fuzzy search unavailable: %s failed: %s", command, error)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("kontum_site", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(enable, migrations.RunPython.noop)]
