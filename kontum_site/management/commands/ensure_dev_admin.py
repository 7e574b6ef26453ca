import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Development only: create the 'admin' superuser once and print its password."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Where the site is served, e.g. http://127.0.0.1:8000")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin runs only with DEBUG on.")
        User = get_user_model()
        url = f"{(options.get('url') or settings.WAGTAILADMIN_BASE_URL).rstrip('/')}/admin/"
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                f"Log in at {url} as 'admin' (password printed on the first `make run`; "
                "reset it with: .venv/bin/python manage.py changepassword admin)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        self.stdout.write(
            self.style.SUCCESS(f"Log in at {url} as 'admin' with password: {password}")
        )
        self.stdout.write(
            "(Shown once. Change it with: .venv/bin/python manage.py changepassword admin)"
        )
