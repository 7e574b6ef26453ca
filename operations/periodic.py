"""Periodic jobs, run by one shipped process: `manage.py run_periodic` (see README "Production").

settings.PERIODIC_JOBS lists (dotted path, seconds between runs); each app adds its own. A job
that fails is logged and tried again at its next turn; it never stops the others. Every job
is idempotent, so two periodic processes (two nodes) do no harm, only double work.
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def publish_scheduled():
    """Wagtail's scheduled publishing (go-live and expiry); publishing purges the caches."""
    call_command("publish_scheduled", verbosity=0)


class Scheduler:
    def __init__(self, jobs=None, clock=time.monotonic, between_jobs=None):
        self.jobs = [
            (import_string(path), path, every) for path, every in (jobs or settings.PERIODIC_JOBS)
        ]
        self.clock = clock
        self.next_run = {path: 0.0 for _job, path, _every in self.jobs}
        # A long-running process drops broken or expired database connections between jobs.
        self.between_jobs = between_jobs or (lambda: None)

    def run_due(self, force=False):
        """Run every job whose turn has come; returns {path: result or the error}."""
        results = {}
        for job, path, every in self.jobs:
            now = self.clock()
            if not force and now < self.next_run[path]:
                continue
            self.next_run[path] = now + every
            self.between_jobs()
            try:
                results[path] = job()
            except Exception as error:  # a broken job must not stop the others
                logger.exception("Periodic job %s failed", path)
                results[path] = error
        return results

    def seconds_to_next(self):
        return max(0.0, min(self.next_run.values(), default=60.0) - self.clock())
