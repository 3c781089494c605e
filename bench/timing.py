"""Timing helpers: medians over repeated runs, and a fixed baseline workload.

This machine is noisy, so every figure is also reported as a ratio to a
baseline measured in the same run. ``measure`` keeps both the wall time and
the CPU time of this thread: CPU time counts only the work itself, so it moves
less than wall time when other processes share the cores.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    """Medians of repeated runs, in milliseconds."""

    wall_ms: float
    cpu_ms: float
    runs: int

    def ratio(self, base: Sample) -> float:
        """How many times the baseline this is, by CPU time (the steadier of the two)."""
        return self.cpu_ms / base.cpu_ms if base.cpu_ms else float("nan")


def measure(work: Callable[[], object], *, repeat: int = 30, warmup: int = 3) -> Sample:
    """Median wall and CPU time of ``work()`` over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        work()
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        work()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return Sample(statistics.median(wall), statistics.median(cpu), repeat)


def measure_together(
    works: dict[str, Callable[[], object]], *, repeat: int = 30, warmup: int = 1
) -> dict[str, Sample]:
    """`measure` for several pieces of work taking turns, one run each per round,
    so that a busy spell on the machine slows them all alike."""
    for _ in range(warmup):
        for work in works.values():
            work()
    wall: dict[str, list[float]] = {name: [] for name in works}
    cpu: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeat):
        for name, work in works.items():
            started, started_cpu = time.perf_counter(), time.thread_time()
            work()
            wall[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.thread_time() - started_cpu) * 1000)
    return {
        name: Sample(statistics.median(wall[name]), statistics.median(cpu[name]), repeat)
        for name in works
    }


def median_ms(work: Callable[[], object], *, repeat: int = 30, warmup: int = 3) -> float:
    """The median wall time of ``work()`` in milliseconds."""
    return measure(work, repeat=repeat, warmup=warmup).wall_ms


def baseline_work() -> int:
    """A fixed CPU-bound task (about a millisecond): the unit the ratios use."""
    words = [f"{n:05d}-{n * 7919 % 10007}" for n in range(2000)]
    return len(sorted(words, key=lambda w: w[::-1]))


def baseline_ms(repeat: int = 50) -> float:
    """The median time of the baseline task in this run."""
    return median_ms(baseline_work, repeat=repeat)


def report(rows: list[tuple[str, float]], base: float) -> str:
    """A small table: what, median ms, ratio to the baseline."""
    width = max(len(name) for name, _ in rows)
    lines = [f"{'what':<{width}}  median ms  x baseline", f"{'-' * width}  ---------  ----------"]
    lines.append(f"{'baseline (fixed task)':<{width}}  {base:9.2f}  {1:10.1f}")
    for name, ms in rows:
        lines.append(f"{name:<{width}}  {ms:9.2f}  {ms / base:10.1f}")
    return "\n".join(lines)
