import json

from django.core.management.base import BaseCommand

from comments.privacy import export_data


class Command(BaseCommand):
    help = "Print everything stored about one commenter (by email) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(export_data(email), ensure_ascii=False, indent=2))
