"""Timing helpers: medians over repeated runs, and a fixed baseline workload.

This machine is noisy, so every figure is also reported as a ratio to a
baseline measured in the same run: a fixed piece of pure-Python work whose
cost tracks the speed of the core the benchmark happens to get.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(work: Callable[[], object], *, repeat: int = 30, warmup: int = 3) -> float:
    """The median wall time of ``work()`` in milliseconds."""
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


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
