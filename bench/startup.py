"""How long Byline takes to start: ``create_app()`` in a warm process on an
existing database, and a fresh ``python -c`` process that imports and creates
the app. Baselines: a bare Flask app with one route, made the same two ways."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from flask import Flask

from app import create_app
from bench.report import Table
from bench.sample import ROOT, bench_app, dispose, temporary_database
from bench.timing import measure

FRESH_APP = "from app import create_app; create_app()"
FRESH_BASELINE = "from flask import Flask; app = Flask('hello'); app.add_url_rule('/', 'h', str)"


def bare_flask() -> Flask:
    """The baseline: a Flask app with one route."""
    app = Flask("hello")
    app.add_url_rule("/", "hello", lambda: "Hello, World!")
    return app


def fresh_process_ms(code: str, env: dict[str, str], repeat: int) -> float:
    """Median wall time of ``python -c code`` in a new process."""
    samples = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples[1:])  # the first run warms the disk cache


def run(*, repeat: int) -> tuple[list[Table], list]:
    """The start-up table."""
    with temporary_database() as uri:
        dispose(bench_app(uri))  # the database exists, at the latest revision
        config = {"SECRET_KEY": "benchmark-only", "SQLALCHEMY_DATABASE_URI": uri}

        def start() -> None:
            dispose(create_app(config))

        in_process = measure(start, repeat=repeat, warmup=1)
        baseline = measure(bare_flask, repeat=repeat * 5, warmup=1)
        env = {**os.environ, "DATABASE_URL": uri, "SECRET_KEY": "benchmark-only"}
        fresh = fresh_process_ms(FRESH_APP, env, repeat)
        fresh_baseline = fresh_process_ms(FRESH_BASELINE, env, repeat)

    table = Table(
        "Start-up",
        ["what", "wall ms", "× baseline", "baseline"],
        note=f"Medians of {repeat} runs on an existing SQLite database at the latest revision "
        "(so start-up only checks it). Baselines: a bare Flask app with one route, made in "
        "the same process, and a fresh Python process that imports Flask and makes one.",
    )
    table.add(
        "create_app() in a warm process",
        f"{in_process.wall_ms:.1f}",
        f"{in_process.wall_ms / baseline.wall_ms:.0f}",
        f"bare Flask app: {baseline.wall_ms:.2f} ms",
    )
    table.add(
        "fresh process: python -c 'create_app()'",
        f"{fresh:.0f}",
        f"{fresh / fresh_baseline:.1f}",
        f"python -c 'Flask()': {fresh_baseline:.0f} ms",
    )
    return [table], []
