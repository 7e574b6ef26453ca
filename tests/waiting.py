"""Polling helper for tests that drive real processes (gunicorn, nginx, Varnish, workers)."""

import time


def wait_until(check, seconds=30, every=0.2):
    """Call `check` until it returns something true or `seconds` pass; return its last result."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    return check()
