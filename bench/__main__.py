"""Byline's benchmark suite: ``bench/run`` (or ``python -m bench``).

Measures every figure the budgets in docs/budgets.md name, each as a median over
repeated runs and as a ratio to a baseline measured in the same run, and
prints one report. ``--markdown PATH`` also writes it as Markdown.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SECTIONS = ("pages", "pdf", "http", "completions", "dashboard", "startup", "drafts")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", metavar="PATH", help="also write the report as Markdown")
    parser.add_argument(
        "--only",
        metavar="SECTION",
        action="append",
        choices=SECTIONS,
        help=f"run only these sections (repeatable): {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer repeats and shorter loads, for a smoke test"
    )
    parser.add_argument(
        "--frameworks",
        type=int,
        default=100_000,
        help="frameworks in the dashboard's programme (default 100000)",
    )
    parser.add_argument(
        "--duration", type=int, default=None, help="seconds per wrk run (default 5, quick 2)"
    )
    return parser.parse_args(argv)


def section_settings(name: str, args: argparse.Namespace) -> dict[str, int]:
    """The keyword arguments of one section's ``run``."""
    rounds = 1 if args.quick else 3
    return {
        "pages": {"repeat": 10 if args.quick else 30},
        "pdf": {"repeat": 3 if args.quick else 5},
        "http": {"duration": args.duration or (2 if args.quick else 5), "rounds": rounds},
        "completions": {"people": 20 if args.quick else 50, "rounds": rounds},
        "dashboard": {
            "frameworks": min(args.frameworks, 10_000) if args.quick else args.frameworks,
            "repeat": 5 if args.quick else 15,
        },
        "startup": {"repeat": 3 if args.quick else 7},
        "drafts": {"repeat": 10 if args.quick else 30},
    }[name]


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections and print (and optionally write) the report.

    Each section runs in a fresh Python process, as a server worker would be:
    what one section leaves in memory does not slow the next.
    """
    args = parse_args(argv)
    from bench import machine, run_section
    from bench.report import Report

    report = Report(heading=machine.description())
    started = time.perf_counter()
    spawn = multiprocessing.get_context("spawn")
    for name in args.only or SECTIONS:
        print(f"… {name}", file=sys.stderr, flush=True)
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
            tables, verdicts = pool.submit(run_section, name, section_settings(name, args)).result()
        report.tables += tables
        report.verdicts += verdicts
    report.heading.append(("benchmark took", f"{time.perf_counter() - started:.0f} s"))
    print(report.text())
    if args.markdown:
        Path(args.markdown).write_text(report.markdown(), encoding="utf-8")
        print(f"Markdown written to {os.path.relpath(args.markdown)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
