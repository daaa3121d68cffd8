"""Load on the service over loopback: one timed client for latency, many for throughput.

Every run is bounded twice, by a request count and by a time budget, so the whole
benchmark stays inside its five minutes whatever the service's speed. Throughput
uses Debian's `wrk` when it is installed (a C client takes little of the two
cores from the service); otherwise client processes with keep-alive
connections, so the figures still come out (lower, since Python clients compete
with the workers for the CPU).
"""
import http.client
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from bench.stats import Percentiles


class Client:
    """One keep-alive HTTP connection to the service (reopened when the server closes it)."""

    def __init__(self, url: str, token: str, timeout: float = 60):
        parts = urlsplit(url)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the benchmark loads loopback services only")
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.token = token
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None,
                content_type: str = "application/json") -> tuple[int, bytes]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if body is not None:
            headers["Content-Type"] = content_type
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                if response.will_close:
                    self.close()
                return response.status, payload
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed between requests: retry once on a new one.
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def json(self, method: str, path: str, body=None, content_type: str = "application/json"):
        raw = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
        status, payload = self.request(method, path, raw, content_type)
        return status, (json.loads(payload) if payload else None)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def check_body(text: str) -> bytes:
    return json.dumps({"text": text, "context": {"site": "x.com", "surface": "post"}}).encode()


@dataclass(frozen=True)
class LatencyRun:
    timings: Percentiles
    errors: int  # answers other than 200
    sent: int  # requests sent, warm-up included


def latency(client: Client, text: str, max_requests: int, max_seconds: float, warmup: int = 5) -> LatencyRun:
    """Sequential checks of one draft on one connection: each request's round trip (at least three)."""
    body = check_body(text)
    for _ in range(warmup):
        client.request("POST", "/api/v1/check", body)
    seconds, errors = [], 0
    deadline = time.perf_counter() + max_seconds
    while len(seconds) < max_requests and (len(seconds) < 3 or time.perf_counter() < deadline):
        started = time.perf_counter()
        status, _ = client.request("POST", "/api/v1/check", body)
        seconds.append(time.perf_counter() - started)
        errors += status != 200
    return LatencyRun(Percentiles.of(seconds), errors, warmup + len(seconds))


@dataclass(frozen=True)
class ThroughputRun:
    checks_per_second: float
    requests: int
    errors: int
    timings: Percentiles | None  # per-request latency under that load, when the client reports it
    client: str  # which load generator ran


def throughput(url: str, token: str, text: str, connections: int, seconds: float) -> ThroughputRun:
    """Checks per second with `connections` clients checking back to back for `seconds`."""
    if shutil.which("wrk"):
        return _wrk(url, token, text, connections, seconds)
    return _python_clients(url, token, text, connections, seconds)


_WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.body = f:read("*a")
f:close()
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d errors=%d min=%d p50=%d p95=%d p99=%d max=%d\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency.min, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def _wrk(url: str, token: str, text: str, connections: int, seconds: float) -> ThroughputRun:
    with tempfile.TemporaryDirectory(prefix="precheck-bench-") as tmp:
        script, body = os.path.join(tmp, "check.lua"), os.path.join(tmp, "body.json")
        with open(script, "w", encoding="utf-8") as f:
            f.write(_WRK_SCRIPT)
        with open(body, "wb") as f:
            f.write(check_body(text))
        # Token and body reach wrk through the environment and a private file, never its command line.
        env = {**os.environ, "BENCH_TOKEN": token, "BENCH_BODY": body}
        out = subprocess.run(
            ["wrk", "--threads", "1", "--connections", str(connections), "--duration", f"{max(1, round(seconds))}s",
             "--timeout", "30s", "--script", script, url.rstrip("/") + "/api/v1/check"],
            env=env, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    match = re.search(r"BENCH requests=(\d+) duration_us=(\d+) errors=(\d+) min=(\d+) p50=(\d+) p95=(\d+) "
                      r"p99=(\d+) max=(\d+)", out)
    if not match:
        raise RuntimeError(f"wrk printed no summary: {out[-500:]}")
    requests, duration_us, errors, least, p50, p95, p99, worst = map(int, match.groups())
    return ThroughputRun(requests / (duration_us / 1e6), requests, errors,
                         Percentiles(requests, least / 1000, p50 / 1000, p95 / 1000, p99 / 1000, worst / 1000),
                         f"wrk, {connections} connections")


def _client_loop(url: str, token: str, body: bytes, stop_at: float, out) -> None:
    client = Client(url, token)
    seconds, errors = [], 0
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        status, _ = client.request("POST", "/api/v1/check", body)
        seconds.append(time.perf_counter() - started)
        errors += status != 200
    client.close()
    out.put((seconds, errors))


def _python_clients(url: str, token: str, text: str, connections: int, seconds: float) -> ThroughputRun:
    body = check_body(text)
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    # perf_counter is system-wide (CLOCK_MONOTONIC) on Linux, so forked clients share the deadline.
    started = time.perf_counter()
    stop_at = started + seconds
    procs = [ctx.Process(target=_client_loop, args=(url, token, body, stop_at, results)) for _ in range(connections)]
    for p in procs:
        p.start()
    collected = [results.get(timeout=seconds + 120) for _ in procs]
    elapsed = time.perf_counter() - started
    for p in procs:
        p.join()
    timings = [s for seconds_, _ in collected for s in seconds_]
    errors = sum(e for _, e in collected)
    return ThroughputRun(len(timings) / elapsed, len(timings), errors,
                         Percentiles.of(timings) if timings else None,
                         f"{connections} Python client processes (wrk not installed)")
