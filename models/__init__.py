"""The database: engine and session set-up, and the typed models.

`db` is created unbound and bound to an app in `init_app`. On SQLite every
connection gets WAL, a busy timeout and foreign keys, and a write request's
transaction starts with ``BEGIN IMMEDIATE`` so that two writers queue on the
busy timeout instead of failing with "database is locked".
"""

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.orm import DeclarativeBase

WRITE_OPTION = "byline_write"


class Base(DeclarativeBase):
    """Declarative base shared by every model."""


db = SQLAlchemy(model_class=Base)


def _configure_sqlite(engine, busy_timeout_ms: int) -> None:
    """Set the pragmas on every new SQLite connection and control BEGIN."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event below emit BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def begin_write() -> None:
    """Start this request's transaction as a write transaction.

    Call before the first query of a request that will write. On SQLite this
    takes the write lock up front (``BEGIN IMMEDIATE``); elsewhere it is a
    plain transaction.
    """
    db.session.connection(execution_options={WRITE_OPTION: True})


def init_app(app) -> None:
    """Bind the database to the app and create the schema on first run."""
    db.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            _configure_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])
        from models import frameworks  # noqa: F401  (registers the tables)

        db.create_all()
