"""Byline's application factory.

Configuration is read in a fixed order: the defaults below, then
``instance/config.py``, then the environment (``BYLINE_*`` variables,
``DATABASE_URL`` and ``SECRET_KEY``), then the test config.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

DEFAULTS = {
    "MAX_CONTENT_LENGTH": 512 * 1024,
    "SQLITE_BUSY_TIMEOUT_MS": 5000,
    "SQLITE_WRITE_ATTEMPTS": 3,
    "DATABASE_UPGRADE_ON_START": True,
    "DRAFT_RETENTION_DAYS": 30,
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
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
    """The secret key kept in ``instance/secret_key``, generated on first run."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


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

    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri:
        uri = "sqlite:///" + str(Path(app.instance_path) / "byline.sqlite3")
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(uri)


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
    return app
