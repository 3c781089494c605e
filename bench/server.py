"""gunicorn on a free local port, and wrk against it."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.sample import HELLO_PATH

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
WORKERS = 2

# Printed by wrk when a run is done: the figures the report needs, in one line.
REPORTER = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local completed, broken = 0, 0
  for _, thread in ipairs(threads) do
    completed = completed + (thread:get("completions") or 0)
    broken = broken + (thread:get("broken") or 0)
  end
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %f %f %f\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status + broken, completed,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class Load:
    """One wrk run: throughput, latency percentiles (ms), errors, finished wizards."""

    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests: int
    errors: int
    completions: int
    seconds: float


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    """Poll the hello-world route until the server answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", HELLO_PATH)
            if connection.getresponse().status == 200:
                connection.close()
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


@contextmanager
def gunicorn(database_uri: str, workers: int = WORKERS) -> Iterator[int]:
    """gunicorn serving ``bench.wsgi:app`` on 127.0.0.1; yields the port."""
    port = free_port()
    env = {**os.environ, "BYLINE_BENCH_DATABASE": database_uri}
    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", str(workers),
        "--bind", f"{HOST}:{port}",
        "--log-level", "warning",
        "bench.wsgi:app",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        wait_until_up(port, process)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wrk_available() -> str | None:
    """The wrk executable, or None."""
    return shutil.which("wrk")


def wrk(
    port: int,
    path: str,
    *,
    duration: int,
    connections: int = 16,
    threads: int = 2,
    script: str = "",
) -> Load:
    """Run wrk against ``path`` (or a scripted sequence) and read its figures."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script + REPORTER)
    try:
        output = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "10s",
                "-s",
                lua.name,
                f"http://{HOST}:{port}{path}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(lua.name)
    match = re.search(r"^BENCH (\d+) (\d+) (\d+) (\d+) (\S+) (\S+) (\S+)$", output, re.MULTILINE)
    if not match:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    requests, micros, errors, completions = (int(match[i]) for i in range(1, 5))
    p50, p95, p99 = (float(match[i]) / 1000 for i in range(5, 8))
    seconds = micros / 1e6
    return Load(requests / seconds, p50, p95, p99, requests, errors, completions, seconds)
