"""The database: engine and session set-up, migrations, and the typed models.

`db` is created unbound and bound to an app in `init_app`, which also brings
the schema to the latest Alembic revision in ``migrations/``. On SQLite every
connection gets WAL, a busy timeout and foreign keys, and a write request's
transaction starts with ``BEGIN IMMEDIATE`` so that two writers queue for the
lock (looking again every fraction of a millisecond, `take_write_lock`)
instead of failing with "database is locked". Should the lock stay taken
beyond the timeout, ``BEGIN IMMEDIATE`` and ``COMMIT`` are tried a few more
times before `DatabaseBusy` is raised.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Connection, Engine, MetaData, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase

WRITE_OPTION = "byline_write"
MIGRATIONS_PATH = Path(__file__).resolve().parent.parent / "migrations"
FIRST_REVISION = "0001"
MIGRATION_LOCK_KEY = 0x62796C696E65  # "byline": PostgreSQL advisory lock for migrations
MIGRATION_BUSY_TIMEOUT_MS = 120_000  # a SQLite start-up waits this long for another's migration
RETRY_BACKOFF_S = 0.05
POLL_FIRST_S = 0.0002  # a writer queued for the lock looks again this soon, then less often
POLL_MOST_S = 0.002


class Base(DeclarativeBase):
    """Declarative base shared by every model."""


db = SQLAlchemy(model_class=Base)


class DatabaseBusy(Exception):
    """Other writers held the database longer than a request may wait.

    The write did not happen; the same request may simply be sent again.
    """


def is_database_locked(error: BaseException) -> bool:
    """Whether an error is SQLite's "database is locked" (busy or locked)."""
    if isinstance(error, DBAPIError):
        error = error.orig
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error)


def execute_patiently(dbapi_connection, statement: str, attempts: int) -> None:
    """Run ``BEGIN IMMEDIATE`` or ``COMMIT``, trying again while the database is locked.

    Each try already waits for the busy timeout; between tries a short,
    growing pause lets a long writer finish. After the last try the statement
    gives up with `DatabaseBusy`, leaving nothing half-written (a COMMIT that
    could not run leaves the transaction open, to be rolled back).
    """
    for attempt in range(attempts):
        try:
            dbapi_connection.execute(statement)
            return
        except sqlite3.OperationalError as error:
            if not is_database_locked(error):
                raise
            if attempt == attempts - 1:
                raise DatabaseBusy(f"{statement}: the database stayed locked") from error
        time.sleep(RETRY_BACKOFF_S * 2**attempt)


def take_write_lock(dbapi_connection, busy_timeout_ms: int, attempts: int) -> None:
    """``BEGIN IMMEDIATE``, looking again every fraction of a millisecond while
    another writer holds the lock, for up to the busy timeout; after that as
    `execute_patiently` does.

    SQLite's own busy handler sleeps 1, 2, 5, 10 … ms between looks, so a
    request queued behind a write of a few milliseconds often slept on for
    several more after the lock was free: with two server workers, most of the
    time a wizard's answers spent waiting was such sleep.
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    pause = POLL_FIRST_S
    dbapi_connection.execute("PRAGMA busy_timeout=0")
    try:
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_database_locked(error):
                    raise
            if time.monotonic() >= deadline:
                break
            time.sleep(pause)
            pause = min(pause * 1.5, POLL_MOST_S)
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    execute_patiently(dbapi_connection, "BEGIN IMMEDIATE", max(1, attempts - 1))


def _configure_sqlite(engine: Engine, busy_timeout_ms: int, write_attempts: int) -> None:
    """Set the pragmas on every new SQLite connection and control BEGIN and COMMIT."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let the "begin" and "commit" events below emit BEGIN and COMMIT.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        dbapi_connection = connection.connection.driver_connection
        if connection.get_execution_options().get(WRITE_OPTION):
            take_write_lock(dbapi_connection, busy_timeout_ms, write_attempts)
        else:
            dbapi_connection.execute("BEGIN")

    @event.listens_for(engine, "commit")
    def on_commit(connection):
        # The driver's own commit() then finds no open transaction and does nothing.
        dbapi_connection = connection.connection.driver_connection
        if dbapi_connection.in_transaction:
            execute_patiently(dbapi_connection, "COMMIT", write_attempts)


def begin_write() -> None:
    """Start this request's transaction as a write transaction.

    Call before the first query of a request that will write. On SQLite this
    takes the write lock up front (``BEGIN IMMEDIATE``); elsewhere it is a
    plain transaction. Raises `DatabaseBusy` when other writers keep the lock
    beyond the busy timeout and the retries.
    """
    db.session.connection(execution_options={WRITE_OPTION: True})


# --- migrations -----------------------------------------------------------


def load_models() -> None:
    """Import every module of this package so that its tables join the metadata."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for ``migrations/``, optionally bound to a connection."""
    if not MIGRATIONS_PATH.is_dir():
        raise RuntimeError(
            f"No migrations at {MIGRATIONS_PATH}: run Byline from its source folder"
            " or an editable install (pip install -e .)"
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_PATH))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at; None for an empty or unversioned one."""
    return MigrationContext.configure(connection).get_current_revision()


def _upgrade_in_transaction(connection: Connection, revision: str) -> tuple[str | None, str | None]:
    """Stamp a database made before migrations existed, then upgrade it."""
    config = alembic_config(connection)
    before = current_revision(connection)
    if before is None and inspect(connection).has_table("frameworks"):
        # Made by create_all() before migrations: it holds the first revision's schema.
        command.stamp(config, FIRST_REVISION)
    command.upgrade(config, revision)
    return before, current_revision(connection)


def upgrade_database(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring a database to a revision; returns the revisions before and after.

    One process migrates at a time: on PostgreSQL behind an advisory lock,
    on SQLite behind the write lock of ``BEGIN IMMEDIATE``. Whoever comes
    second finds the work done. The whole upgrade is one transaction.

    On SQLite foreign keys are off while migrating, because a batch migration
    copies a table, drops the original and renames the copy, and the drop
    would otherwise cascade to every child row; `PRAGMA foreign_key_check`
    then confirms that no reference was broken before the commit.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            raw = connection.connection.driver_connection
            busy_timeout = raw.execute("PRAGMA busy_timeout").fetchone()[0]
            raw.execute("PRAGMA foreign_keys=OFF")
            raw.execute(f"PRAGMA busy_timeout={MIGRATION_BUSY_TIMEOUT_MS}")
        try:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                result = _upgrade_in_transaction(connection, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"Migration broke foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                if raw.in_transaction:  # a COMMIT that failed: pragmas only apply outside
                    raw.execute("ROLLBACK")
                raw.execute("PRAGMA foreign_keys=ON")
                raw.execute(f"PRAGMA busy_timeout={int(busy_timeout)}")
    return result


def drop_schema(engine: Engine) -> None:
    """Drop every table in the database, Alembic's version table included."""
    with engine.begin() as connection:
        metadata = MetaData()
        metadata.reflect(bind=connection)
        metadata.drop_all(bind=connection)


def init_app(app) -> None:
    """Bind the database to the app and bring the schema up to date."""
    db.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            _configure_sqlite(
                db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"], app.config["SQLITE_WRITE_ATTEMPTS"]
            )
        load_models()
        if app.config["DATABASE_UPGRADE_ON_START"]:
            upgrade_database(db.engine)
