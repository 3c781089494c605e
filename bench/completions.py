"""Many people finishing the wizard at once, over HTTP, on SQLite.

Each simulated person is a thread with its own session cookie: it opens
/start, starts a draft, reads and sends each of the six steps (CSRF token
included), confirms on the check page and opens the framework. A pool lets a
fixed number of them work at the same time. The baseline is the same pool
sending the same number of requests to the hello-world route.
"""

from __future__ import annotations

import math
import sqlite3
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bench.client import Browser, complete_wizard
from bench.report import Table, Verdict
from bench.sample import HELLO_PATH, bench_app, dispose, temporary_database
from bench.server import HOST, WORKERS, gunicorn

AT_ONCE = 12


@dataclass(frozen=True)
class Crowd:
    """What one crowd of people did: how long it took, what failed, every request time."""

    seconds: float
    people: int
    errors: int
    times_ms: list[float]

    @property
    def per_second(self) -> float:
        """Finished sequences per second."""
        return (self.people - self.errors) / self.seconds


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def crowd(port: int, people: int, person: Callable[[Browser], object]) -> Crowd:
    """``people`` browsers doing ``person``, ``AT_ONCE`` at a time."""
    browsers = [Browser(HOST, port) for _ in range(people)]

    def one(browser: Browser) -> bool:
        try:
            person(browser)
        except (OSError, RuntimeError):
            return False
        return True

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        succeeded = list(pool.map(one, browsers))
    seconds = time.perf_counter() - started
    times = [ms for browser in browsers for ms in browser.times_ms]
    return Crowd(seconds, people, succeeded.count(False), times)


def hello_sequence(requests: int) -> Callable[[Browser], object]:
    """A person who only asks for hello-world, as many times as the wizard takes."""

    def person(browser: Browser) -> None:
        for _ in range(requests):
            browser.expect("GET", HELLO_PATH, 200)

    return person


def completed_in(database_uri: str) -> int:
    """How many finished frameworks the database holds."""
    path = database_uri.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT count(*) FROM frameworks WHERE completed_at IS NOT NULL"
        ).fetchone()[0]


def run(*, people: int, rounds: int) -> tuple[list[Table], list[Verdict]]:
    """The completion-load table."""
    with temporary_database() as uri:
        dispose(bench_app(uri))  # creates the schema
        with gunicorn(uri) as port:
            warm = Browser(HOST, port)
            complete_wizard(warm)  # every worker has compiled its templates after a round
            sequence = len(warm.sent)
            hellos, wizards = [], []
            for _ in range(rounds):
                hellos.append(crowd(port, people, hello_sequence(sequence)))
                wizards.append(crowd(port, people, complete_wizard))
        stored = completed_in(uri) - 1

    table = Table(
        "Concurrent wizard completions on SQLite",
        [
            "what",
            "sequences/s",
            "of hello-world",
            "p50 ms",
            "p95 ms",
            "errors",
            "seconds",
        ],
        note=f"{people} simulated people, {AT_ONCE} at a time, each one a thread with its own "
        f"cookie doing the whole wizard ({sequence} requests: start, six steps read and sent with "
        f"their CSRF token, check, the framework) against gunicorn with {WORKERS} sync workers "
        f"on SQLite. Baseline: the same crowd sending {sequence} hello-world requests each. "
        f"Medians over {rounds} round(s); latency is per request. The load generator shares "
        "the machine's cores with the server.",
    )
    for name, crowds in (("hello-world (baseline)", hellos), ("whole wizard", wizards)):
        ratio = statistics.median(
            c.per_second / h.per_second for c, h in zip(crowds, hellos, strict=True)
        )
        table.add(
            name,
            f"{statistics.median(c.per_second for c in crowds):.2f}",
            f"{ratio * 100:.1f}%",
            f"{statistics.median(percentile(c.times_ms, 0.5) for c in crowds):.1f}",
            f"{statistics.median(percentile(c.times_ms, 0.95) for c in crowds):.1f}",
            sum(c.errors for c in crowds),
            f"{statistics.median(c.seconds for c in crowds):.1f}",
        )
    finished = sum(c.people - c.errors for c in wizards)
    table.note += f" Finished frameworks in the database afterwards: {stored} of {finished}."
    return [table], []
