"""The machine and software a run was taken on, for the report's heading."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (or the platform's guess)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory() -> str:
    """Total RAM from /proc/meminfo."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def commit() -> str:
    """The checked-out commit, and whether the tree has changes."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head}{' (with uncommitted changes)' if dirty else ''}" if head else "unknown"


def postgresql_version() -> str | None:
    """The version of the PostgreSQL server ``DATABASE_URL`` names, if it is set."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return None
    from sqlalchemy import create_engine, text

    from app import database_url

    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return str(connection.execute(text("SHOW server_version")).scalar())
    except Exception as error:  # noqa: BLE001 - reported, not raised: the rest still runs
        return f"unreachable ({type(error).__name__})"
    finally:
        engine.dispose()


def description() -> list[tuple[str, str]]:
    """(what, value) lines: date, CPU, cores, RAM, load, Python, databases, commit."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        ("date", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("CPU", cpu_model()),
        ("cores", str(cores)),
        ("RAM", memory()),
        ("load average at start", load),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        *([("PostgreSQL", postgres)] if (postgres := postgresql_version()) else []),
        ("OS", platform.platform()),
        ("commit", commit()),
    ]
