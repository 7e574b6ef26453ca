"""The staff node (issue 26, "staff pages under load"): the shipped VCL sends the admin to a
gunicorn pool of its own (kontum-staff@.service) while it is healthy, so the staff's requests
never wait behind readers' misses; readers' pages never go there; and with the staff node down
the admin is answered by the readers' nodes, before and after Varnish's probe notices.

The stack of test_stack.py (nginx, Varnish, gunicorn with the shipped units' flags, PostgreSQL
only): which node served a request is read in each node's access log (the units'
`--access-logfile -`).
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import time

import pytest

from comments.models import Comment, Status
from tests.operations.test_stack import (  # noqa: F401 (fixtures)
    JSON,
    comment,
    moderator,
    newsroom,
    section,
    stack,
    staff_cookie,
)
from tests.waiting import wait_until

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def served(front, name, marker):
    """How many requests whose line holds `marker` the process `name` logged."""
    path = front.tmp / f"{name}.log"
    return sum(marker in line for line in path.read_text().splitlines()) if path.exists() else 0


def readers_nodes(front, marker):
    return sum(served(front, f"node-{name}", marker) for name in front.ports)


def kill_with_workers(front, name, port):
    """SIGKILL to a gunicorn master and its workers together (a crash, the OOM killer), and
    until the port refuses: while a dying worker still holds the listening socket the kernel
    accepts connections that nothing will answer (see docs/operations.md, "The staff node")."""
    process, log = front.processes.pop(name)
    workers = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
    ).stdout.split()
    for pid in [process.pid, *map(int, workers)]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    process.wait()
    log.close()

    def refused():
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except ConnectionRefusedError:
            return True
        return False

    assert wait_until(refused, 5, every=0.01)


def logged(count, expected):
    """count() == expected once the access logs caught up (a line is written after its
    response is sent: the reader may have it first)."""
    wait_until(lambda: count() == expected, 5, every=0.05)
    return count()


def test_the_admin_goes_to_the_staff_node_and_to_the_readers_when_it_is_down(
    stack,  # noqa: F811 (fixtures from test_stack)
    newsroom,  # noqa: F811
    moderator,  # noqa: F811 (a member of "Kiểm duyệt viên": the admin as the queue's user)
    capsys,
):
    story, _chief = newsroom
    stack.start_node("a")
    stack.start_node("b")
    stack.start_staff()
    stack.start_front()
    staff = staff_cookie(moderator)
    assert wait_until(lambda: stack.probes("healthy", full=True), 30), stack.backends()
    assert wait_until(lambda: stack.staff_health() == "healthy", 30)

    # Readers' pages (misses, so a node renders them) never reach the staff node: not even a
    # reader with a session (its pages are passed, rendered for it, by the readers' nodes).
    for n in range(6):
        assert stack.front(f"{story.url}?doc={n}")[0] == 200
    assert stack.front(f"{story.url}?doc=phien", headers={"Cookie": staff["Cookie"]})[0] == 200
    assert stack.front("/healthz/")[0] == 200
    assert logged(lambda: readers_nodes(stack, "?doc="), 7) == 7
    assert served(stack, "staff", "?doc=") == 0

    # The admin (its pages and its JSON actions) goes to the staff node, GET and POST.
    for n in range(4):
        status, _headers, text = stack.front(f"/admin/?ban={n}", headers=staff)
        assert status == 200, text[:300]
    url = f"/binh-luan/gui/{story.pk}/"
    for n in (1, 2):
        posted = stack.front(url, "POST", comment(story, n), JSON, source=f"127.0.{n}.2")
        assert posted[0] == 201, posted
    first, second = Comment.objects.filter(status=Status.PENDING).order_by("pk")
    moderate = f"/admin/snippets/comments/comment/moderate/?lan={first.pk}"
    status, _h, answer = stack.front(
        moderate, "POST", {"action": "approve", "id": first.pk}, {**staff, **JSON}
    )
    assert status == 200 and json.loads(answer)["changed"] == 1, answer[:300]
    assert logged(lambda: served(stack, "staff", "/admin/?ban="), 4) == 4
    assert logged(lambda: served(stack, "staff", f"moderate/?lan={first.pk}"), 1) == 1
    assert readers_nodes(stack, "/admin/") == 0
    assert served(stack, "staff", url) == 0  # a reader's comment: the readers' nodes

    # The staff node dies (its master and workers killed at once, the port refusing). Before
    # the probe notices (Varnish still holds it healthy: two failed probes of three
    # are needed), the refused connection is retried on a readers' node, a POST included (its
    # body was never sent), and nothing is answered 503.
    kill_with_workers(stack, "staff", stack.staff_port)
    gone = time.monotonic()
    health_then = stack.staff_health()
    moderate = f"/admin/snippets/comments/comment/moderate/?lan={second.pk}"
    status, _h, answer = stack.front(
        moderate, "POST", {"action": "approve", "id": second.pk}, {**staff, **JSON}
    )
    early = [stack.front(f"/admin/?sap={n}", headers=staff)[0] for n in range(3)]
    early_seconds = round(time.monotonic() - gone, 2)
    assert health_then == "healthy"
    assert early == [200] * 3
    assert status == 200 and json.loads(answer)["changed"] == 1, answer[:300]
    assert logged(lambda: readers_nodes(stack, "/admin/?sap="), 3) == 3
    assert logged(lambda: readers_nodes(stack, f"moderate/?lan={second.pk}"), 1) == 1  # once
    second.refresh_from_db()
    assert second.status == Status.APPROVED

    # Once the probe says so, the admin goes to the readers' nodes directly.
    assert wait_until(lambda: stack.staff_health() == "sick", 10)
    sick_seconds = round(time.monotonic() - gone, 2)
    later = [stack.front(f"/admin/?om={n}", headers=staff)[0] for n in range(4)]
    assert later == [200] * 4
    assert logged(lambda: readers_nodes(stack, "/admin/?om="), 4) == 4

    # Back: the admin returns to the staff node; readers still never go there.
    stack.start_staff()
    assert wait_until(lambda: stack.staff_health() == "healthy", 30)
    assert stack.front("/admin/?lai=1", headers=staff)[0] == 200
    assert logged(lambda: served(stack, "staff", "/admin/?lai=1"), 1) == 1
    for n in range(4):
        assert stack.front(f"{story.url}?doc=sau-{n}")[0] == 200
    assert served(stack, "staff", "?doc=") == 0
    with capsys.disabled():
        print(
            f"\nStaff node killed: a POST and 3 admin GETs answered by the readers' nodes within"
            f" {early_seconds} s (Varnish held it {health_then}); marked sick after"
            f" {sick_seconds} s"
        )
