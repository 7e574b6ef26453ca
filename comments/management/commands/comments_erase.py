from django.core.management.base import BaseCommand

from comments.privacy import erase_data


class Command(BaseCommand):
    help = "Erase one commenter's data by email: anonymise their comments (or --delete them)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--delete", action="store_true", help="Delete the comments too.")

    def handle(self, *args, email, delete=False, **options):
        count = erase_data(email, delete=delete)
        verb = "deleted" if delete else "anonymised"
        self.stdout.write(self.style.SUCCESS(f"{count} comments {verb}."))
