"""Tasks left RUNNING by a worker that died are run again (periodic job `requeue_stale`).

`manage.py db_worker` marks a task RUNNING when it takes it and SUCCESSFUL or FAILED when it
ends; a worker killed in between (OOM, kill -9, a node lost) leaves it RUNNING for ever, so a
purge or a search index update would never happen. Every TASKS_STALE_AFTER seconds' worth of
age, the periodic process puts such a task back to READY for the next worker, up to
TASKS_MAX_ATTEMPTS runs; a task that has taken down that many workers is marked FAILED (with
the reason) instead of being tried for ever.

A task still really running after TASKS_STALE_AFTER seconds would run twice: our tasks (page
cache and front purges, search and reference index updates, read-count flushes, mail through
the outbox with its own claim) are short and safe to repeat, and the setting must stay well
above the longest of them.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class WorkerDied(Exception):
    """The reason recorded on a task whose workers kept dying."""


def stale_after():
    return getattr(settings, "TASKS_STALE_AFTER", 600)


def max_attempts():
    return getattr(settings, "TASKS_MAX_ATTEMPTS", 3)


def requeue_stale():
    """Put tasks RUNNING for longer than TASKS_STALE_AFTER back in the queue; returns
    {"requeued": n, "failed": n}."""

    cutoff = timezone.now() - timedelta(seconds=stale_after())
    counts = {"requeued": 0, "failed": 0}
    stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    for task_id, started_at, workers in stale.values_list("pk", "started_at", "worker_ids"):
        # Only if still as seen: a worker that finished meanwhile keeps its result.
        same = DBTaskResult.objects.filter(
            pk=task_id, status=TaskResultStatus.RUNNING, started_at=started_at
        )
        if len(workers or ()) >= max_attempts():
            counts["failed"] += same.update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=f"{__name__}.{WorkerDied.__qualname__}",
                traceback=f"{WorkerDied.__qualname__}: the worker stopped during each of "
                f"{len(workers)} runs (worker ids: {', '.join(map(str, workers))})",
            )
        else:
            counts["requeued"] += same.update(status=TaskResultStatus.READY, started_at=None)
    return counts
