"""A comms team's dashboard with 100,000 frameworks in its programme.

The frameworks are written straight into the tables (bulk inserts, or COPY on
PostgreSQL), with the facts ``wizard.programme.framework_facts`` would keep:
one ``step`` fact per answered step, the expertise area, the comfort rung,
the channels and the themes. About 60 % are finished and 5 % of those are
shared. Only the ``work`` answer is stored (the only one a dashboard reads).

Runs on SQLite, and also on PostgreSQL when ``DATABASE_URL`` is set: there in
a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import event, text

from bench.report import Table, Verdict
from bench.sample import HELLO_PATH, PROGRAMME, bench_app, dispose, temporary_database
from bench.timing import Sample, measure
from models import db
from models.capabilities import hash_token
from models.programmes import Programme
from wizard.dashboard import fact_counts, programme_aggregates, shared_entries
from wizard.library import load_library
from wizard.views.dashboard import wizard_steps

BUDGET_MS = 100.0
COMPLETED_SHARE = 0.6
SHARED_SHARE = 0.05
STEPS = ("work", "comfort", "goals", "tone", "themes", "situations")
CHANNELS = ("linkedin", "x", "mastodon", "blog", "newsletter", "internal", "github")


def framework_rows(
    programme_id: int, count: int, first_id: int, company_themes: Sequence[str]
) -> Iterator[tuple]:
    """(framework, work answer, facts) rows for ``count`` people, reproducibly
    random; ``company_themes`` are the programme's company theme ids."""
    rng = random.Random(42)
    areas = load_library().areas
    now = datetime(2026, 3, 1, 9, 0)
    for number in range(count):
        framework_id = first_id + number
        created = now - timedelta(minutes=rng.randrange(180 * 24 * 60))
        completed = rng.random() < COMPLETED_SHARE
        answered = STEPS if completed else STEPS[: rng.randint(1, len(STEPS) - 1)]
        shared = completed and rng.random() < SHARED_SHARE
        framework = (
            framework_id,
            hash_token(f"bench-{framework_id}"),
            rng.randrange(2**31),
            created,
            created + timedelta(minutes=12),
            created + timedelta(minutes=11) if completed else None,
            "{}",
            programme_id,
            shared,
        )
        area = rng.choice(areas) if rng.random() < 0.9 else None
        work = json.dumps(
            {
                "role": f"Engineer {number}",
                "expertise": area.name if area else "Something rare",
                "subtopics": "one\ntwo\nthree",
                "audience": "peers",
            }
        )
        facts = [("step", step) for step in answered]
        facts.append(("area", area.slug if area else "other"))
        if "comfort" in answered:
            facts.append(("rung", str(rng.randint(1, 5))))
            facts += [("channel", c) for c in rng.sample(CHANNELS, rng.randint(1, 3))]
        if "themes" in answered:
            for _ in range(rng.randint(3, 6)):
                pick = rng.random()
                if pick < 0.2:
                    facts.append(("theme", f"company:{rng.choice(company_themes)}"))
                elif pick < 0.85 and area is not None:
                    facts.append(("theme", f"area:{area.slug}:{rng.choice(area.themes).slug}"))
                else:
                    facts.append(("theme", "own"))
        yield framework, (framework_id, "work", work, created), sorted(set(facts))


def bulk_insert(app: Flask, programme_id: int, count: int) -> float:
    """Write ``count`` frameworks with their facts; returns the seconds it took."""
    started = time.perf_counter()
    with app.app_context():
        first_id = 1 + (db.session.execute(text("SELECT max(id) FROM frameworks")).scalar() or 0)
        themes = [theme_id for theme_id, _ in db.session.get(Programme, programme_id).theme_pairs()]
        frameworks, answers, facts = [], [], []
        for framework, answer, kept in framework_rows(programme_id, count, first_id, themes):
            frameworks.append(framework)
            answers.append(answer)
            facts += [(framework[0], programme_id, kind, value) for kind, value in kept]
        raw = db.engine.raw_connection()
        try:
            tables = (
                ("frameworks", "id, token_hash, idea_seed, created_at, updated_at, completed_at, "
                 "more_ideas, programme_id, shared_with_programme", frameworks),
                ("step_answers", "framework_id, step, data, updated_at", answers),
                ("framework_facts", "framework_id, programme_id, kind, value", facts),
            )  # fmt: skip
            cursor = raw.cursor()
            if db.engine.dialect.name == "sqlite":
                cursor.execute("BEGIN")  # the app's connections leave transactions to SQLAlchemy
            for table, columns, rows in tables:
                if db.engine.dialect.name == "postgresql":
                    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                else:
                    marks = ", ".join("?" * len(rows[0]))
                    cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
            if db.engine.dialect.name == "postgresql":
                cursor.execute("SELECT setval('frameworks_id_seq', max(id)) FROM frameworks")
            raw.commit()
            cursor.execute("ANALYZE")
            raw.commit()
        finally:
            raw.close()
    return time.perf_counter() - started


@contextmanager
def statements() -> Iterator[list[tuple[str, object]]]:
    """Collect the SQL (and parameters) the database is sent inside the block."""
    seen: list[tuple[str, object]] = []

    def listen(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)


def query_plans(found: list[tuple[str, object]]) -> list[str]:
    """How the database runs each dashboard query (EXPLAIN QUERY PLAN / EXPLAIN)."""
    lines = []
    postgres = db.engine.dialect.name == "postgresql"
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for statement, parameters in found:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            prefix = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            cursor.execute(prefix + statement, parameters)
            plan = [row[0] if postgres else row[3] for row in cursor.fetchall()]
            summary = " ".join(statement.split())[:90]
            lines.append(f"{summary}…  →  {'; '.join(p.strip() for p in plan)}")
    finally:
        raw.close()
    return lines


def measure_dashboard(app: Flask, count: int, repeat: int, label: str) -> tuple[Table, Verdict]:
    """Seed, then time the aggregates, their parts and the whole page."""
    with app.app_context():
        programme, admin_token = Programme.create(**PROGRAMME)
        db.session.commit()
        programme_id = programme.id
    seconds = bulk_insert(app, programme_id, count)
    client = app.test_client()
    hello = measure(lambda: client.get(HELLO_PATH).close(), repeat=repeat * 3)
    with app.app_context():
        programme = db.session.get(Programme, programme_id)
        library, steps = load_library(), wizard_steps()
        rows: list[tuple[str, Sample]] = [
            ("programme_aggregates", measure(
                lambda: programme_aggregates(programme, library, steps), repeat=repeat)),
            ("  of which fact counts", measure(lambda: fact_counts(programme_id), repeat=repeat)),
            ("shared_entries (newest 100)", measure(
                lambda: shared_entries(programme_id), repeat=repeat)),
        ]  # fmt: skip
        with statements() as found:
            programme_aggregates(programme, library, steps)
            shared_entries(programme_id)
        plans = query_plans(found)
        aggregates = programme_aggregates(programme, library, steps)
    page = measure(lambda: client.get(f"/manage/{admin_token}").close(), repeat=repeat)
    rows.append(("dashboard page (GET)", page))

    table = Table(
        f"Dashboard at {count:,} frameworks ({label})",
        ["what", "wall ms", "CPU ms", "× hello-world", "budget"],
        note=f"{count:,} frameworks in one programme ({aggregates.completed:,} finished), "
        f"seeded in {seconds:.1f} s. Median of {repeat} runs; ratio by wall time (the "
        f"database's own work is not this thread's CPU time) to hello-world "
        f"({hello.wall_ms:.2f} ms) through the test client of the same app. "
        "Query plans: " + " | ".join(plans),
    )
    for name, sample in rows:
        verdict = "met" if sample.wall_ms < BUDGET_MS else "MISSED"
        table.add(
            name,
            f"{sample.wall_ms:.1f}",
            f"{sample.cpu_ms:.1f}",
            f"{sample.wall_ms / hello.wall_ms:.0f}",
            f"< {BUDGET_MS:.0f} ms: {verdict}" if not name.startswith(" ") else "",
        )
    whole = rows[0][1].wall_ms
    verdict = Verdict(
        f"dashboard aggregates under 100 ms at {count:,} frameworks ({label})",
        f"{whole:.1f} ms (page {page.wall_ms:.1f} ms)",
        whole < BUDGET_MS and page.wall_ms < BUDGET_MS,
    )
    return table, verdict


@contextmanager
def postgres_schema(url: str) -> Iterator[Flask]:
    """An app on ``url`` whose tables live in a schema of their own, dropped afterwards."""
    from sqlalchemy import create_engine

    from app import database_url

    schema = f"byline_bench_{os.getpid()}"
    admin = create_engine(database_url(url))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    app = None
    try:
        app = bench_app(url, engine_options={
            "pool_pre_ping": True,
            "connect_args": {"options": f"-c search_path={schema}"},
        })  # fmt: skip
        yield app
    finally:
        if app is not None:
            dispose(app)
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def run(*, frameworks: int, repeat: int) -> tuple[list[Table], list[Verdict]]:
    """The dashboard tables on SQLite (and PostgreSQL when DATABASE_URL is set)."""
    tables, verdicts = [], []
    with temporary_database() as uri:
        app = bench_app(uri)
        try:
            table, verdict = measure_dashboard(app, frameworks, repeat, "SQLite")
        finally:
            dispose(app)
    tables.append(table)
    verdicts.append(verdict)
    if os.environ.get("DATABASE_URL"):
        with postgres_schema(os.environ["DATABASE_URL"]) as app:
            table, verdict = measure_dashboard(app, frameworks, repeat, "PostgreSQL")
        tables.append(table)
        verdicts.append(verdict)
    return tables, verdicts
