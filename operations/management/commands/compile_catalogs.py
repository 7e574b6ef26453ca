from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

SKIP_PARTS = {".venv", "node_modules", ".git"}


def project_catalogs():
    """Every .po file of the project (app locale dirs and LOCALE_PATHS), never the venv's."""
    base = Path(settings.BASE_DIR)
    for po_path in sorted(base.glob("**/*locale/*/LC_MESSAGES/*.po")):  # admin_locale too
        if not SKIP_PARTS.intersection(po_path.relative_to(base).parts):
            yield po_path


class Command(BaseCommand):
    help = "Compile the project's .po catalogs to .mo in pure Python (no GNU gettext needed)."

    def handle(self, *args, **options):
        for po_path in project_catalogs():
            catalog = polib.pofile(str(po_path))
            catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"{po_path.relative_to(settings.BASE_DIR)}: {len(catalog)} messages")
