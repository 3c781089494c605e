"""Command-line tasks for whoever runs Byline: migrations, backups, retention.

flask db upgrade             bring the database to the latest revision
flask db current             show the revision the database is at
flask db revision -m "..."   write a new migration from the models
flask backup PATH            a consistent copy of a SQLite database, while it runs
flask purge-drafts           remove drafts nobody touched for a while
flask refresh-facts          store every framework's dashboard facts again from its answers
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import tempfile
from datetime import timedelta
from pathlib import Path

import click
from alembic import command
from alembic.script import ScriptDirectory
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import create_engine, delete, func, select

from models import alembic_config, begin_write, current_revision, db, upgrade_database
from models.frameworks import Framework, utcnow
from wizard.facts import keep_facts
from wizard.library import load_library

db_command = AppGroup("db", help="Database migrations.")


@db_command.command("upgrade")
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Upgrade the database to REVISION (the latest by default)."""
    before, after = upgrade_database(db.engine, revision)
    if before == after:
        click.echo(f"Database already at {after}.")
    else:
        click.echo(f"Database upgraded from {before or 'empty'} to {after}.")


@db_command.command("current")
def current() -> None:
    """Show the revision the database is at."""
    with db.engine.connect() as connection:
        click.echo(current_revision(connection) or "none (empty database)")


def next_revision_id(config) -> str:
    """Revisions are numbered 0001, 0002 …: their order is plain in the folder."""
    numbers = [
        int(script.revision)
        for script in ScriptDirectory.from_config(config).walk_revisions()
        if script.revision.isdigit()
    ]
    return f"{max(numbers, default=0) + 1:04d}"


def tidy_with_ruff(config) -> None:
    """Lint-fix and format new revision files with ruff, where it is installed."""
    if importlib.util.find_spec("ruff") is None:
        return
    section = "post_write_hooks"
    config.set_section_option(section, "hooks", "ruff_fix, ruff_format")
    for hook, options in (("ruff_fix", "check --fix-only --quiet"), ("ruff_format", "format")):
        config.set_section_option(section, f"{hook}.type", "module")
        config.set_section_option(section, f"{hook}.module", "ruff")
        config.set_section_option(section, f"{hook}.options", f"{options} REVISION_SCRIPT_FILENAME")


@db_command.command("revision")
@click.option("-m", "--message", required=True, help="What the revision changes.")
@click.option(
    "--autogenerate/--empty",
    default=True,
    help="Compare the models with the schema (default), or write an empty revision.",
)
def revision(message: str, autogenerate: bool) -> None:
    """Write a new revision into migrations/versions.

    It is generated against a temporary SQLite database upgraded to the
    latest revision, never against the app's own database. Read it before
    committing it: autogenerate does not see renames or data moves.
    """
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'schema.sqlite3'}")
        try:
            upgrade_database(engine)
            with engine.begin() as connection:
                config = alembic_config(connection)
                tidy_with_ruff(config)
                script = command.revision(
                    config,
                    message=message,
                    autogenerate=autogenerate,
                    rev_id=next_revision_id(config),
                )
        finally:
            engine.dispose()
    if script is not None:
        click.echo(f"Wrote {os.path.relpath(script.path)}: review it, then commit it.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@with_appcontext
def backup(path: Path) -> None:
    """Write a consistent copy of the SQLite database to PATH while the app runs.

    Uses SQLite's online backup: readers and writers carry on, and the copy is
    one moment's state. An existing file at PATH is replaced only once the new
    copy is complete and checked.
    """
    url = db.engine.url
    if url.get_backend_name() == "postgresql":
        dump_url = url.set(drivername="postgresql", password=None).render_as_string()
        raise click.ClickException(
            "Byline is on PostgreSQL: back it up with pg_dump, for example\n"
            f"  pg_dump --format=custom --file {path} '{dump_url}'"
            + ("\n(put the password in PGPASSWORD or ~/.pgpass)" if url.password else "")
        )
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise click.ClickException(f"Cannot back up {url.render_as_string()}: not a SQLite file.")

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(handle)
    try:
        source = sqlite3.connect(f"file:{url.database}?mode=ro", uri=True, timeout=30)
        target = sqlite3.connect(partial)
        try:
            with target:
                source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            check = target.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise click.ClickException(f"The copy failed its integrity check: {check}")
            rows = target.execute("SELECT count(*) FROM frameworks").fetchone()[0]
        finally:
            target.close()
            source.close()
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    click.echo(f"Backed up {rows} frameworks to {path}.")


@click.command("purge-drafts")
@click.option(
    "--days",
    type=click.IntRange(min=1),
    default=None,
    help="Remove drafts not updated for this many days (default: DRAFT_RETENTION_DAYS).",
)
@click.option("--dry-run", is_flag=True, help="Only count what would be removed.")
@with_appcontext
def purge_drafts(days: int | None, dry_run: bool) -> None:
    """Remove unfinished frameworks nobody has touched for a while, with their answers."""
    days = days or int(current_app.config["DRAFT_RETENTION_DAYS"])
    stale = (Framework.completed_at.is_(None), Framework.updated_at < utcnow() - timedelta(days))
    if dry_run:
        count = db.session.scalar(select(func.count()).select_from(Framework).where(*stale))
        click.echo(f"{count} drafts not updated for {days} days would be removed.")
        return
    begin_write()
    # Answers and idea marks go with their framework (ON DELETE CASCADE).
    result = db.session.execute(delete(Framework).where(*stale))
    db.session.commit()
    click.echo(f"Removed {result.rowcount} drafts not updated for {days} days.")


FACTS_BATCH = 500


@click.command("refresh-facts")
@with_appcontext
def refresh_facts() -> None:
    """Store every framework's dashboard facts again from its answers.

    Each path that changes answers stores their facts as it saves them. Run
    this once after an upgrade to mend facts an older Byline left behind (it
    did not store them when a person planned their next period or imported
    a framework), or after the library renames what it counts. Works in
    batches, each its own short write.
    """
    library = load_library()
    done, after = 0, 0
    while True:
        begin_write()
        batch = db.session.scalars(
            select(Framework).where(Framework.id > after).order_by(Framework.id).limit(FACTS_BATCH)
        ).all()
        if not batch:
            db.session.rollback()
            break
        for framework in batch:
            keep_facts(framework, library=library)
        db.session.commit()
        done += len(batch)
        after = batch[-1].id
    click.echo(f"Stored the dashboard facts of {done} frameworks again.")
