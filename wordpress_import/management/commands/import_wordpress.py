"""`manage.py import_wordpress EXPORT.xml [MORE.xml …] [--uploads DIR] [--dry-run]`

Several files: one site exported in parts (WordPress splits large exports), read as one."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from wordpress_import.importer import WordPressImporter
from wordpress_import.wxr import WXRError

LABELS = {
    "story": gettext_lazy("stories"),
    "page": gettext_lazy("pages"),
    "comment": gettext_lazy("comments"),
    "reporter": gettext_lazy("reporters"),
    "tag": gettext_lazy("tags"),
    "image": gettext_lazy("images"),
    "document": gettext_lazy("documents"),
}

# What a "needs a look" line is about, as the report names it.
ITEM_KINDS = {
    "post": pgettext_lazy("import report item", "post"),
    "page": pgettext_lazy("import report item", "page"),
    "attachment": pgettext_lazy("import report item", "attachment"),
    "comment": pgettext_lazy("import report item", "comment"),
}


class Command(BaseCommand):
    help = _(
        "Import a WordPress export (WXR): posts, pages, media, authors, tags and threaded "
        "comments; old links answer 301. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "export",
            nargs="+",
            help=_("the WXR file (Tools → Export, All content), or the files of one site's export"),
        )
        parser.add_argument(
            "--uploads", help=_("a copy of wp-content/uploads; nothing is fetched over the network")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("report what would happen, write nothing")
        )

    def handle(self, export, uploads=None, dry_run=False, **options):
        started = time.monotonic()
        last = [0.0]

        def progress(done, total):
            now = time.monotonic()
            if done == total or now - last[0] > 1:
                last[0] = now
                width = 30
                filled = width * done // max(total, 1)
                bar = "█" * filled + "·" * (width - filled)
                sys.stderr.write(f"\r{bar} {done:,}/{total:,}")
                sys.stderr.flush()
                if done == total:
                    sys.stderr.write("\n")

        importer = WordPressImporter(export, uploads=uploads, dry_run=dry_run, progress=progress)
        try:
            report = importer.run()
        except (WXRError, OSError) as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        rows = sorted(set(report.created) | set(report.updated))
        kind = pgettext("import report", "kind")
        created = pgettext("import report", "created")
        updated = pgettext("import report", "updated")
        self.stdout.write(f"{kind:<28} {created:>9} {updated:>9}")
        for kind in rows:
            label = str(LABELS.get(kind, kind))
            self.stdout.write(
                f"{label:<28} {report.created.get(kind, 0):>9,} {report.updated.get(kind, 0):>9,}"
            )
        for why, count in sorted(report.skipped.items()):
            if count:
                self.stdout.write(_("skipped: %(why)s: %(count)s") % {"why": why, "count": count})
        if report.look_at:
            self.stdout.write(_("Needs a look (kind, WordPress ID, why):"))
            for kind, wp_id, why in report.look_at:
                self.stdout.write(f"  {ITEM_KINDS.get(kind, kind)} {wp_id}: {why}")
        self.stdout.write(
            _("Done in %(seconds).1f s (%(items)s items).")
            % {"seconds": seconds, "items": importer.total}
        )
