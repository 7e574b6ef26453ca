from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Load the demo content (idempotent, no network). Each app contributes a loader."

    def handle(self, *args, **options):
        for path in settings.DEMO_LOADERS:
            with transaction.atomic():
                import_string(path)(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(_("Demo content ready.")))
