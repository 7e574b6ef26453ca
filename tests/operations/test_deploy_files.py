"""The shipped deploy files keep Varnish and gunicorn off the network: only nginx listens on a
public address (the stack test runs these files; this names the rule for whoever edits them)."""

import re
import shlex
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def exec_start(unit):
    text = re.sub(r"\\\n\s*", " ", unit.read_text())
    lines = [line.split("=", 1)[1] for line in text.splitlines() if line.startswith("ExecStart=")]
    return shlex.split([line for line in lines if line.strip()][-1])


def flag_values(command, *names):
    values = []
    for index, part in enumerate(command):
        for name in names:
            if part == name:
                values.append(command[index + 1])
            elif part.startswith(f"{name}="):
                values.append(part.split("=", 1)[1])
    return values


def test_gunicorn_and_varnish_listen_on_loopback_only():
    web = [
        address
        for unit in ("kontum-web@.service", "kontum-staff@.service")
        for address in flag_values(exec_start(DEPLOY / "systemd" / unit), "--bind", "-b")
    ]
    varnish = flag_values(exec_start(DEPLOY / "systemd/varnish.service.d/kontum.conf"), "-a", "-T")
    assert web and varnish
    for address in web + varnish:
        assert address.startswith("127.0.0.1:"), address


def test_the_front_only_talks_to_loopback():
    vcl = (DEPLOY / "varnish/default.vcl").read_text()
    assert set(re.findall(r'\.host\s*=\s*"([^"]+)"', vcl)) == {"127.0.0.1"}
    nginx = (DEPLOY / "nginx/kontum.conf").read_text()
    assert set(re.findall(r"proxy_pass\s+http://([^/;:]+)", nginx)) == {"127.0.0.1"}
    env = (DEPLOY / "systemd/env.example").read_text()
    assert "FRONTEND_CACHE_URL=http://127.0.0.1:" in env


STAFF_UNIT = DEPLOY / "systemd/kontum-staff@.service"
WEB_UNIT = DEPLOY / "systemd/kontum-web@.service"


def unit_settings(unit):
    """`Key=value` lines of a unit (the last of each key), continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", unit.read_text())
    return dict(
        line.split("=", 1) for line in text.splitlines() if "=" in line and line[:1].isalpha()
    )


def test_the_staff_node_is_a_gunicorn_unit_like_the_web_nodes():
    """The admin's own pool (docs/operations.md "The staff node"): the same code, env file,
    user and supervision as a web node, on loopback, a pool of its own."""
    command = exec_start(STAFF_UNIT)
    assert command[0] == exec_start(WEB_UNIT)[0] and command[0].endswith("/gunicorn")
    assert command[1] == "kontum_site.wsgi"
    assert flag_values(command, "--bind", "-b") == ["127.0.0.1:%i"]
    workers = int(flag_values(command, "--workers", "-w")[0])
    threads = int(flag_values(command, "--threads")[0])
    assert 1 <= workers <= 4 and 1 <= threads <= 4  # sized for the staff, not the readers
    assert int(flag_values(command, "--timeout", "-t")[0]) >= 30
    assert flag_values(command, "--forwarded-allow-ips") == ["127.0.0.1"]
    staff, web = unit_settings(STAFF_UNIT), unit_settings(WEB_UNIT)
    for key in ("Type", "User", "Group", "WorkingDirectory", "EnvironmentFile", "Restart"):
        assert staff[key] == web[key], key
    # The readers' nodes yield the CPU to the staff's on a saturated machine (measured:
    # docs/performance.md "The staff node").
    assert int(staff.get("Nice", 0)) == 0 < int(web["Nice"]) <= 10


def test_varnish_sends_the_admin_to_the_staff_node_and_readers_never():
    vcl = (DEPLOY / "varnish/default.vcl").read_text()
    staff = re.search(r"# BEGIN staff\n(.*?)# END staff", vcl, re.S).group(1)
    assert re.search(r"backend staff \{[^}]*\.port = \"8100\";[^}]*\.probe = healthz;", staff)
    # The admin, while the staff node is healthy; the staff node in no readers' director.
    assert re.search(
        r'if \(req\.url ~ "\^/admin/" && std\.healthy\(staff\)\) \{\s*'
        r"set req\.backend_hint = staff;",
        vcl,
    )
    assert not re.search(r"add_backend\(staff", vcl)
    assert vcl.count("= staff;") == 1
    # Its failures go to the readers' nodes (vcl_backend_fetch, vcl_backend_error).
    assert "bereq.backend == staff && (bereq.retries > 0 || !std.healthy(staff))" in vcl
    assert re.search(r"sub vcl_backend_error \{\s*if \(bereq\.backend == staff", vcl)
    # Never a kept-alive connection to it: a dead one would take a POST's body (no retry).
    assert re.search(
        r'if \(bereq\.backend == staff\) \{\s*set bereq\.http\.Connection = "close";', vcl
    )
