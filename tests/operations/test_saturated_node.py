"""Busy is not dead (issue 26): Varnish (the shipped VCL) keeps a node that is saturated by slow
readers' requests in the rotation, so a reader's miss waits for it and is answered, while a
node whose database is gone is still taken out. Two gunicorn nodes with the flags of the
shipped unit: node A reaches PostgreSQL through a relay that the test stops (its database is
gone), node B directly; B's threads are all taken by requests held on a table lock.
"""

import threading
import time

import psycopg
import pytest
from django.db import connection

from tests.operations.test_stack import (  # noqa: F401 (fixtures)
    WEB_UNIT,
    newsroom,
    section,
    stack,
    unit_command,
)
from tests.waiting import wait_until

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def threads_of_a_node():
    """Workers × threads of the shipped unit: how many requests one node serves at once."""
    command = unit_command(WEB_UNIT)
    workers = int(command[command.index("--workers") + 1])
    threads = int(command[command.index("--threads") + 1]) if "--threads" in command else 1
    return workers * threads


def start_node_on_the_database(stack, name):  # noqa: F811 (the fixture's value)
    """A node with the shipped unit's flags that reaches PostgreSQL directly (no relay)."""
    original = stack.env
    stack.env = stack.worker_env
    try:
        stack.start_node(name)
    finally:
        stack.env = original


def test_a_saturated_node_still_answers_misses_and_a_node_without_database_is_out(
    stack,  # noqa: F811 (fixtures from test_stack)
    newsroom,  # noqa: F811
    capsys,
):
    story, _admin = newsroom
    stack.start_node("a")  # through the relay
    start_node_on_the_database(stack, "b")
    stack.start_front()
    fresh = iter(range(10**6))

    def miss():
        """A reader's request for an address Varnish has not cached: it needs a node."""
        return stack.front(f"{story.url}?lan={next(fresh)}")

    assert wait_until(lambda: stack.probes("healthy", full=True), 30), stack.backends()
    assert miss()[0] == 200

    # Node A's database goes: Varnish takes A out; readers' misses go to B.
    stack.database.stop()
    assert wait_until(lambda: stack.backends()["node_a"][1] == "sick", 10), stack.backends()
    assert [miss()[0] for _ in range(4)] == [200] * 4

    # Node B saturated: a lock on the page table holds every request that reads a page, more
    # of them than B has threads (the probe's /healthz/ does not read pages, but it waits in
    # B's queue behind them).
    slow = []
    name = connection.settings_dict["NAME"]
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{name}") as locker:
        locker.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
        held = time.monotonic()

        def slow_reader(n):
            slow.append(stack.node("b", f"{story.url}?cham={n}")[0])

        readers = [
            threading.Thread(target=slow_reader, args=(n,), daemon=True)
            for n in range(threads_of_a_node() * 8)
        ]
        for reader in readers:
            reader.start()
        # Long enough for the shipped probe of issue 26 (2 s to answer, 2 bad of 3) to take B
        # out; B keeps serving all along.
        time.sleep(6)
        states = stack.backends()
        answer = {}
        reader = threading.Thread(target=lambda: answer.update(status=miss()), daemon=True)
        reader.start()
        time.sleep(2)
        locker.commit()  # the lock goes: B works through its queue
    saturated = round(time.monotonic() - held, 1)
    reader.join(60)
    for thread in readers:
        thread.join(60)
    with capsys.disabled():
        print(
            f"\nNode B saturated {saturated} s ({len(readers)} held requests); Varnish's view"
            f" after 6 s: {states}; the reader's miss: {answer['status'][0]}"
        )
    assert slow == [200] * len(readers)
    status, headers, text = answer["status"]
    assert status == 200, (status, headers, text[:300], states)
    assert story.title in text
    # A stayed out all along, and B was never taken out.
    assert states["node_a"][1] == "sick" and states["node_b"][1] == "healthy", states
    assert stack.backends()["node_a"][1] == "sick", stack.backends()
