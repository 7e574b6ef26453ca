"""A task for tests/operations/test_faults.py: it notes each run and waits for a go file,
so the test can kill the worker in the middle of it."""

import time
from pathlib import Path

from django_tasks import task


@task()
def wait_for_go(folder):
    folder = Path(folder)
    with open(folder / "runs", "a") as runs:
        runs.write("started\n")
    deadline = time.monotonic() + 120
    while not (folder / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    (folder / "done").write_text("done")
    return "done"
