import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from operations.periodic import Scheduler


class Command(BaseCommand):
    help = (
        "Run the site's periodic jobs (scheduled publishing, outgoing mail, moderator digest, "
        "IP and spam purges) in a loop, or once with --once (for cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")
        parser.add_argument(
            "--tick", type=float, default=5.0, help="Longest sleep between checks (seconds)."
        )

    def handle(self, *args, once=False, tick=5.0, **options):
        if once:
            scheduler = Scheduler()
            for path, result in scheduler.run_due(force=True).items():
                self.stdout.write(f"{path}: {result!r}")
            return
        scheduler = Scheduler(between_jobs=close_old_connections)
        stopping = []
        for name in (signal.SIGTERM, signal.SIGINT):
            signal.signal(name, lambda *_: stopping.append(True))
        self.stdout.write("Periodic jobs running (SIGTERM stops).")
        while not stopping:
            scheduler.run_due()
            deadline = time.monotonic() + min(tick, max(scheduler.seconds_to_next(), 0.2))
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.2)
