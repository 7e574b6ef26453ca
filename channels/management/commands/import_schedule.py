from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from channels.spreadsheets import ImportFileError, error_lines, import_schedule, read_rows


class Command(BaseCommand):
    help = "Import the broadcast schedule from a CSV or XLSX file (channels/README.md)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row, write nothing."
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            with open(path, "rb") as handle:
                rows = read_rows(handle, path)
        except (OSError, ImportFileError) as error:
            raise CommandError(str(error)) from error
        result = import_schedule(rows, dry_run=options["dry_run"])
        if result.errors:
            for line in error_lines(result):
                self.stderr.write(line)
            raise CommandError(
                _("%(count)s errors: nothing was imported.") % {"count": len(result.errors)}
            )
        self.stdout.write(result.summary())
