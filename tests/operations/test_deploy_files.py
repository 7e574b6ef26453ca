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
    web = flag_values(exec_start(DEPLOY / "systemd/kontum-web@.service"), "--bind", "-b")
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
