from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exemplars.models.index import ExemplarIndexPage
from exemplars.spreadsheets import (
    ImportFileError,
    directory_for_import,
    import_exemplars,
    read_rows,
)


class Command(BaseCommand):
    help = "Import exemplars and award records from a CSV or XLSX file (see exemplars/samples/README.md)."  # noqa: E501

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row, write nothing."
        )
        parser.add_argument(
            "--directory", type=int, help="The ExemplarIndexPage id (default: the first)."
        )
        parser.add_argument(
            "--drafts",
            action="store_true",
            help="Save as drafts and submit them to the directory's workflow (Duyệt hồ sơ).",
        )
        parser.add_argument(
            "--user", help="Username the revisions and the audit log name (default: none)."
        )

    def handle(self, *args, **options):
        path = options["file"]
        if options["directory"]:
            index_page = ExemplarIndexPage.objects.filter(pk=options["directory"]).first()
        else:
            index_page = directory_for_import()
        if index_page is None:
            raise CommandError(_("There is no exemplar directory page to import into."))
        try:
            with open(path, "rb") as handle:
                rows = read_rows(handle, path)
        except OSError as error:
            raise CommandError(str(error)) from error
        except ImportFileError as error:
            raise CommandError(str(error)) from error

        def progress(done, total):
            self.stdout.write(
                _("Checked %(done)s of %(total)s rows…") % {"done": done, "total": total}
            )

        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user “%(name)s”.") % {"name": options["user"]})
        result = import_exemplars(
            rows,
            index_page,
            dry_run=options["dry_run"],
            progress=progress,
            user=user,
            drafts=options["drafts"],
        )
        if result.errors:
            for number, message in result.errors:
                self.stderr.write(
                    _("Row %(number)s: %(message)s") % {"number": number, "message": message}
                )
            raise CommandError(
                _("%(count)s errors: nothing was imported.") % {"count": len(result.errors)}
            )
        summary = (
            _(
                "%(rows)s rows: %(created)s exemplars created, %(updated)s updated, %(unchanged)s unchanged; "  # noqa: E501
                "%(awards_created)s award records created, %(awards_updated)s updated."
            )
            % result.__dict__
        )
        if result.dry_run:
            summary = _("Dry run, nothing written. ") + summary
        if result.submitted:
            summary += " " + _("%(count)s submitted for approval.") % {"count": result.submitted}
        self.stdout.write(self.style.SUCCESS(summary))
