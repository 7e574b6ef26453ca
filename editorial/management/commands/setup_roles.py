from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Create the staff groups, their permissions and workflows (idempotent)."

    def handle(self, *args, **options):
        for path in settings.ROLE_SETUPS:
            import_string(path)()
        self.stdout.write(self.style.SUCCESS(_("Roles ready.")))
