"""Byline's benchmarks: ``bench/run`` (see ``bench/__main__.py`` and BENCHMARKS.md)."""

from __future__ import annotations

import importlib


def run_section(name: str, settings: dict[str, int]):
    """One section's tables and verdicts: ``bench.<name>.run(**settings)``.

    Lives here, importable by name, so that a fresh process can run it.
    """
    return importlib.import_module(f"bench.{name}").run(**settings)
