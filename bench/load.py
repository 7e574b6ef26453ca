"""Load generators: wrk (Debian package) when installed, else threads with http.client."""

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

WRK_SCRIPT = """
wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.body = os.getenv("BENCH_BODY") or nil
if os.getenv("BENCH_HOST") and os.getenv("BENCH_HOST") ~= "" then
  wrk.headers["Host"] = os.getenv("BENCH_HOST")
end
if os.getenv("BENCH_COOKIE") and os.getenv("BENCH_COOKIE") ~= "" then
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
end
if wrk.body then
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
done = function(summary, latency, requests)
  io.write(string.format(
    "BENCH p50=%d p95=%d p99=%d requests=%d duration=%d bytes=%d errors=%d non2xx=%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests,
    summary.duration, summary.bytes,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


def wrk_path():
    return shutil.which("wrk")


def run_wrk(url, duration, connections, cookie="", method="GET", data=None, host=""):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    env = {"BENCH_METHOD": method, "BENCH_COOKIE": cookie, "BENCH_HOST": host or ""}
    env["PATH"] = "/usr/bin:/bin"
    if data:
        env["BENCH_BODY"] = urlencode(data)
    try:
        result = subprocess.run(
            [wrk_path(), "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
            + ["-s", script.name, url],
            capture_output=True,
            text=True,
            env=env,
            timeout=duration + 60,
        )
    finally:
        Path(script.name).unlink(missing_ok=True)
    match = re.search(r"BENCH (.*)", result.stdout)
    if not match:
        raise RuntimeError(f"wrk failed: {result.stdout}{result.stderr}")
    values = dict(item.split("=") for item in match.group(1).split())
    values = {key: int(value) for key, value in values.items()}
    seconds = values["duration"] / 1e6
    return {
        "p50_ms": values["p50"] / 1000,
        "p95_ms": values["p95"] / 1000,
        "p99_ms": values["p99"] / 1000,
        "rps": values["requests"] / seconds if seconds else 0.0,
        "requests": values["requests"],
        "errors": values["errors"] + values["non2xx"],
        "tool": "wrk",
    }


def run_python(
    url, duration, connections, cookie="", method="GET", data=None, host="", before=None
):
    """Keep-alive connections in threads; the same figures as run_wrk. `before()`, when
    given, runs before each request (outside its timing)."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    body = urlencode(data) if data else None
    headers = {"Cookie": cookie} if cookie else {}
    if host:
        headers["Host"] = host
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + duration

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            if before is not None:
                before()
            started = time.perf_counter()
            try:
                conn.request(method, target, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            mine.append(time.perf_counter() - started)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    began = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()

    def percentile(share):
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(len(latencies) * share))] * 1000

    return {
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "requests": len(latencies),
        "errors": errors[0],
        "tool": "python",
    }


def status_of(url, cookie="", method="GET", data=None):
    """The status of one request, redirects not followed."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    body = urlencode(data) if data else None
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body, headers)
        return conn.getresponse().status
    finally:
        conn.close()


def run(url, duration, connections, tool="auto", **options):
    if options.get("before") is not None:  # wrk cannot run our code between requests
        return run_python(url, duration, connections, **options)
    options.pop("before", None)
    if tool == "wrk" or (tool == "auto" and wrk_path()):
        return run_wrk(url, duration, connections, **options)
    return run_python(url, duration, connections, **options)


def single_ms(url, count=7, cookie="", method="GET", data=None, before=None):
    """The median time of `count` requests sent one after another (no concurrency): what one
    reader waits, as opposed to the latency under load."""
    times = []
    for _ in range(count):
        if before is not None:
            before()
        started = time.perf_counter()
        status_of(url, cookie=cookie, method=method, data=data)
        times.append((time.perf_counter() - started) * 1000)
    return round(sorted(times)[len(times) // 2], 1)
