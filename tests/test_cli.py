"""The command-line tasks: migrations, backups, removing old drafts and mending facts."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text

import models
from models import db
from models.frameworks import Framework, store_facts, utcnow
from models.programmes import FrameworkFact
from tests.conftest import drop_everything, make_app
from tests.test_migrations import head_revision
from tests.wizard_walk import WizardWalk
from wizard.library import load_library
from wizard.programme import framework_facts


@pytest.fixture
def runner(app):
    """Runs ``flask`` commands against the test app."""
    return app.test_cli_runner()


@pytest.fixture
def sqlite_app(tmp_path):
    """An app on a SQLite file even when the suite runs on PostgreSQL."""
    application = make_app(
        tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'byline.sqlite3'}"
    )
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def make_framework(*, steps=("work", "comfort"), complete=False, days_old=0) -> str:
    """A framework with some answers and an idea mark, last updated days_old ago."""
    framework, token = Framework.create()
    for step in steps:
        framework.save_answer(step, {"step": step})
    framework.mark_idea("a1b2c3", "saved")
    if complete:
        framework.completed_at = utcnow()
    db.session.commit()
    db.session.execute(
        text("UPDATE frameworks SET updated_at = :when WHERE id = :id"),
        {"when": utcnow() - timedelta(days=days_old), "id": framework.id},
    )
    db.session.commit()
    return token


def test_db_current_and_upgrade_report_the_latest_revision(runner):
    result = runner.invoke(args=["db", "current"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == head_revision()

    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"already at {head_revision()}" in result.output


def test_db_revision_writes_the_next_numbered_revision(runner, tmp_path, monkeypatch):
    migrations = tmp_path / "migrations"
    shutil.copytree(models.MIGRATIONS_PATH, migrations, ignore=shutil.ignore_patterns("__py*"))
    monkeypatch.setattr(models, "MIGRATIONS_PATH", migrations)
    number = int(head_revision()) + 1

    result = runner.invoke(args=["db", "revision", "--empty", "-m", "Add a note to frameworks"])

    assert result.exit_code == 0, result.output
    written = migrations / "versions" / f"{number:04d}_add_a_note_to_frameworks.py"
    assert written.exists(), sorted(p.name for p in (migrations / "versions").iterdir())
    source = written.read_text()
    assert f'revision: str = "{number:04d}"' in source
    assert f'down_revision: str | Sequence[str] | None = "{number - 1:04d}"' in source


# --- backup ------------------------------------------------------------------


def test_backup_copies_a_consistent_database_while_others_read_and_write(sqlite_app, tmp_path):
    with sqlite_app.app_context():
        tokens = {make_framework(complete=True), make_framework()}
        database = db.engine.url.database

    reader = sqlite3.connect(database, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM frameworks").fetchone() == (2,)
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO frameworks (token_hash, idea_seed, created_at, updated_at, more_ideas)"
        " VALUES ('uncommitted', 1, '2026-01-01', '2026-01-01', '{}')"
    )
    try:
        target = tmp_path / "backups" / "byline.sqlite3"
        result = sqlite_app.test_cli_runner().invoke(args=["backup", str(target)])
    finally:
        writer.execute("ROLLBACK")
        reader.execute("COMMIT")
        writer.close()
        reader.close()

    assert result.exit_code == 0, result.output
    assert "Backed up 2 frameworks" in result.output
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        source = sqlite3.connect(database)
        for table in ("frameworks", "step_answers", "idea_marks", "alembic_version"):
            query = f"SELECT * FROM {table} ORDER BY 1"
            assert copy.execute(query).fetchall() == source.execute(query).fetchall(), table
        source.close()
    finally:
        copy.close()
    assert [p.name for p in target.parent.iterdir()] == ["byline.sqlite3"]

    restored = make_app(tmp_path / "restored", SQLALCHEMY_DATABASE_URI=f"sqlite:///{target}")
    with restored.app_context():
        assert all(Framework.by_token(token) is not None for token in tokens)
        db.engine.dispose()


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="needs PostgreSQL")
def test_backup_on_postgresql_points_to_pg_dump(runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path / "byline.dump")])
    assert result.exit_code != 0
    assert "pg_dump --format=custom --file" in result.output
    assert "postgresql://" in result.output and "+psycopg" not in result.output
    assert not (tmp_path / "byline.dump").exists()


# --- purge-drafts --------------------------------------------------------------


def orphans() -> int:
    """Answers and marks whose framework is gone."""
    return db.session.scalar(
        text(
            "SELECT (SELECT count(*) FROM step_answers WHERE framework_id NOT IN"
            " (SELECT id FROM frameworks))"
            " + (SELECT count(*) FROM idea_marks WHERE framework_id NOT IN"
            " (SELECT id FROM frameworks))"
        )
    )


def test_purge_removes_only_old_drafts_with_their_answers(app, runner):
    with app.app_context():
        old_draft = make_framework(days_old=31)
        older_draft = make_framework(days_old=400, steps=())
        recent_draft = make_framework(days_old=29)
        old_completed = make_framework(days_old=400, complete=True)

    result = runner.invoke(args=["purge-drafts", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "2 drafts not updated for 30 days would be removed" in result.output

    result = runner.invoke(args=["purge-drafts"])
    assert result.exit_code == 0, result.output
    assert "Removed 2 drafts not updated for 30 days" in result.output

    with app.app_context():
        assert Framework.by_token(old_draft) is None
        assert Framework.by_token(older_draft) is None
        assert Framework.by_token(recent_draft).answer_map().keys() == {"work", "comfort"}
        assert Framework.by_token(old_completed).marks() == {"a1b2c3": "saved"}
        assert orphans() == 0
        assert db.session.scalar(text("SELECT count(*) FROM step_answers")) == 4


def test_purge_takes_its_default_from_the_setting_and_days_from_the_option(tmp_path):
    application = make_app(tmp_path, DRAFT_RETENTION_DAYS=7)
    try:
        with application.app_context():
            week_old = make_framework(days_old=8)
            day_old = make_framework(days_old=1)
        runner = application.test_cli_runner()

        result = runner.invoke(args=["purge-drafts"])
        assert "Removed 1 drafts not updated for 7 days" in result.output

        result = runner.invoke(args=["purge-drafts", "--days", "0"])
        assert result.exit_code != 0, "zero days would remove drafts being written now"

        with application.app_context():
            assert Framework.by_token(week_old) is None
            assert Framework.by_token(day_old) is not None
    finally:
        drop_everything(application)


def test_refresh_facts_mends_the_facts_an_older_byline_left_stale(app, runner, client):
    token = WizardWalk(client).complete()
    with app.app_context():
        framework = Framework.by_token(token)
        # As an older Byline left a framework whose next period dropped a theme
        # and stepped up a rung: the facts of the answers before.
        store_facts(framework.id, None, [("step", "work"), ("rung", "1"), ("theme", "gone")])
        draft, _ = Framework.create()
        db.session.commit()

    result = runner.invoke(args=["refresh-facts"])
    assert result.exit_code == 0, result.output
    assert "Stored the dashboard facts of 2 frameworks again." in result.output

    with app.app_context():
        framework = Framework.by_token(token)
        kept = set(
            db.session.execute(
                select(FrameworkFact.kind, FrameworkFact.value).where(
                    FrameworkFact.framework_id == framework.id
                )
            ).all()
        )
        wanted = set(framework_facts(framework.answer_map(), load_library()))
        assert kept == wanted and ("rung", "2") in kept and ("theme", "gone") not in kept
        assert db.session.scalar(select(func.count()).select_from(FrameworkFact)) == len(kept)
