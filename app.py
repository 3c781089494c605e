"""Byline's application factory.

Configuration is read in a fixed order: the defaults below, then
``instance/config.py``, then the environment (``BYLINE_*`` variables,
``DATABASE_URL`` and ``SECRET_KEY``), then the test config.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from flask import Flask

DEFAULTS = {
    "MAX_CONTENT_LENGTH": 512 * 1024,
    "SQLITE_BUSY_TIMEOUT_MS": 5000,
    "SQLITE_WRITE_ATTEMPTS": 3,
    "DATABASE_UPGRADE_ON_START": True,
    "DRAFT_RETENTION_DAYS": 30,
    "DASHBOARD_MIN_COUNT": 5,
    "SQLALCHEMY_ENGINE_OPTIONS": {},
    "WTF_CSRF_TIME_LIMIT": 6 * 3600,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_HTTPONLY": True,
    "SECRET_KEY": None,
    "SQLALCHEMY_DATABASE_URI": None,
    "PDF_JOBS": "thread",
    "PDF_WAIT_SECONDS": 10,
}


def database_url(url: str) -> str:
    """Accept the common ``postgres://`` spelling and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def instance_secret_key(instance_path: str) -> str:
    """The secret key kept in ``instance/secret_key``, generated on first run.

    Several workers may start at once on an empty instance folder. Each
    writes a key to a file of its own, then links it to ``secret_key``; a
    link never replaces an existing file, so the first one wins, and nobody
    can read a half-written key. Everyone then reads the winner's key.
    """
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        fd, draft = tempfile.mkstemp(prefix=".secret_key-", dir=instance_path)
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
                handle.flush()
                os.fsync(handle.fileno())
            os.link(draft, path)
        except FileExistsError:
            pass  # another process was first: use its key
        finally:
            os.unlink(draft)
    return path.read_text().strip()


def trusted_hosts(value) -> list[str] | None:
    """``TRUSTED_HOSTS`` as a list: from a list, or from "a.example, b.example"."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return [host.strip() for host in value.split(",") if host.strip()]
    return [str(host) for host in value]


def configure(app: Flask, test_config: dict | None) -> None:
    """Load configuration in the documented order."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("BYLINE")
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    if os.environ.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    if test_config:
        app.config.from_mapping(test_config)

    # Hosts the app answers for (and builds its links with); others get a 400.
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config.get("TRUSTED_HOSTS"))
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri:
        uri = "sqlite:///" + str(Path(app.instance_path) / "byline.sqlite3")
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(uri)
    # A server's connection can drop between requests (a restart, an idle
    # timeout), so PostgreSQL's are tested before use. A SQLite file cannot, and
    # the test would cost every request a query.
    options = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        options.setdefault("pool_pre_ping", True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure a Byline app."""
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    configure(app, test_config)

    import models
    from wizard import cli, web

    models.init_app(app)
    web.init_app(app)
    app.cli.add_command(cli.db_command)
    app.cli.add_command(cli.backup)
    app.cli.add_command(cli.purge_drafts)
    app.cli.add_command(cli.refresh_facts)
    return app
