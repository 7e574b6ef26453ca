from django.core.management.base import BaseCommand

from comments.notifications import rules_for
from comments.privacy import purge_ips


class Command(BaseCommand):
    help = "Clear IP networks and user agents older than the retention period (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = rules_for().ip_retention_days if days is None else days
        count = purge_ips(days)
        self.stdout.write(self.style.SUCCESS(f"IPs cleared on {count} comments."))
