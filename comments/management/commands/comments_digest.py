from django.core.management.base import BaseCommand

from comments.notifications import send_moderator_digest


class Command(BaseCommand):
    help = "Email moderators the pending comments not announced yet (run from cron)."

    def handle(self, *args, **options):
        send_moderator_digest.enqueue(force=True)
        self.stdout.write(self.style.SUCCESS("Digest queued."))
