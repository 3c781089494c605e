"""Configuration, health, robots and the headers every response carries."""

from pathlib import Path

import pytest
from flask import Flask

from app import configure, create_app, database_url


def test_secret_key_is_generated_into_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/db.sqlite3", "SECRET_KEY": None}
    )
    key_file = Path(app.instance_path) / "secret_key"
    assert key_file.exists()
    assert app.config["SECRET_KEY"] == key_file.read_text().strip()
    assert len(app.config["SECRET_KEY"]) >= 64


def test_environment_overrides_and_test_config_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("BYLINE_MAX_CONTENT_LENGTH", "1234")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/env.sqlite3")
    app = create_app({"SECRET_KEY": "x"})
    assert app.config["MAX_CONTENT_LENGTH"] == 1234
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.sqlite3")
    app = create_app({"SECRET_KEY": "x", "MAX_CONTENT_LENGTH": 99})
    assert app.config["MAX_CONTENT_LENGTH"] == 99


def test_database_urls_use_psycopg():
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x") == "sqlite:///x"


def test_only_server_databases_test_their_connections_before_use(tmp_path):
    def options(config: dict) -> dict:
        app = Flask(__name__, instance_path=str(tmp_path))
        configure(app, {"SECRET_KEY": "x", **config})
        return app.config["SQLALCHEMY_ENGINE_OPTIONS"]

    assert "pool_pre_ping" not in options({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/a"})
    assert options({"SQLALCHEMY_DATABASE_URI": "postgres://u@h/db"})["pool_pre_ping"] is True
    chosen = {"pool_pre_ping": False, "pool_size": 3}
    server = {"SQLALCHEMY_DATABASE_URI": "postgres://u@h/db", "SQLALCHEMY_ENGINE_OPTIONS": chosen}
    assert options(server) == chosen


def test_sqlite_connections_get_wal_busy_timeout_and_foreign_keys(app):
    from models import db

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite pragmas only apply to SQLite")
        with db.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("busy_timeout") == app.config["SQLITE_BUSY_TIMEOUT_MS"]
            assert pragma("foreign_keys") == 1


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_robots_keeps_crawlers_out_without_naming_private_paths(client):
    body = client.get("/robots.txt").get_data(as_text=True)
    assert "Disallow: /" in body
    assert "/f/" not in body and "/manage" not in body


def test_security_headers_on_pages_and_errors(client):
    for url in ("/", "/start", "/f/unknown", "/healthz"):
        response = client.get(url)
        csp = response.headers["Content-Security-Policy"]
        for part in (
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ):
            assert part in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


def test_private_pages_are_not_cached(walk, client):
    walk.start()
    assert client.get(f"{walk.base}/step/work").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")


def test_oversized_requests_get_a_page_not_a_crash(walk, client, app):
    walk.start()
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    response = client.post(f"{walk.base}/step/work", data={"role": big})
    assert response.status_code == 413
    assert "too much text" in response.get_data(as_text=True)
