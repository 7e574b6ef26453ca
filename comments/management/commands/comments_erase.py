from django.core.management.base import BaseCommand

from comments.privacy import erase_data, erase_other_data


class Command(BaseCommand):
    help = (
        "Erase one person's data by email (or the contact they gave): anonymise their comments "
        "(or --delete them) and erase what other apps hold (readers' tips)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--delete", action="store_true", help="Delete the comments too.")

    def handle(self, *args, email, delete=False, **options):
        count = erase_data(email, delete=delete)
        verb = "deleted" if delete else "anonymised"
        self.stdout.write(self.style.SUCCESS(f"{count} comments {verb}."))
        for kind, erased in erase_other_data(email).items():
            self.stdout.write(self.style.SUCCESS(f"{erased} {kind} erased."))
