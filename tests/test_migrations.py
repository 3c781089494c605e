"""Schema changes go through migrations, and upgrading keeps existing data.

Each test runs on a temporary SQLite file, or on PostgreSQL when
DATABASE_URL is set.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

import models
from models import (
    FIRST_REVISION,
    alembic_config,
    current_revision,
    db,
    drop_schema,
    upgrade_database,
)
from models.frameworks import Framework, hash_token
from tests.conftest import database_uri, make_app

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {
    "work": {"role": "Test lead", "expertise": "Software testing", "subtopics": ["flaky tests"]},
    "comfort": {"rung": 2, "channels": ["linkedin"], "time": "1-hour"},
}

# The first revision's tables as plain SQL tables: data written the way an
# older Byline wrote it, independent of today's models.
first_revision = sa.MetaData()
frameworks_v1 = sa.Table(
    "frameworks",
    first_revision,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_hash", sa.String(64)),
    sa.Column("idea_seed", sa.Integer),
    sa.Column("created_at", sa.DateTime),
    sa.Column("updated_at", sa.DateTime),
    sa.Column("completed_at", sa.DateTime),
    sa.Column("more_ideas", sa.JSON),
)
step_answers_v1 = sa.Table(
    "step_answers",
    first_revision,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("framework_id", sa.Integer),
    sa.Column("step", sa.String(40)),
    sa.Column("data", sa.JSON),
    sa.Column("updated_at", sa.DateTime),
)
idea_marks_v1 = sa.Table(
    "idea_marks",
    first_revision,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("framework_id", sa.Integer),
    sa.Column("idea_key", sa.String(32)),
    sa.Column("state", sa.String(10)),
    sa.Column("updated_at", sa.DateTime),
)


def head_revision() -> str:
    """The latest revision in migrations/."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def insert_old_framework(connection, token: str) -> None:
    """A completed framework with answers and idea marks, written with plain SQL."""
    when = datetime(2026, 3, 2, 9, 30)
    connection.execute(
        frameworks_v1.insert(),
        {
            "id": 7,
            "token_hash": hash_token(token),
            "idea_seed": 1234,
            "created_at": when,
            "updated_at": when,
            "completed_at": when,
            "more_ideas": {"2": 1},
        },
    )
    connection.execute(
        step_answers_v1.insert(),
        [
            {"framework_id": 7, "step": step, "data": data, "updated_at": when}
            for step, data in ANSWERS.items()
        ],
    )
    connection.execute(
        idea_marks_v1.insert(),
        [
            {"framework_id": 7, "idea_key": "a1b2c3", "state": "saved", "updated_at": when},
            {"framework_id": 7, "idea_key": "d4e5f6", "state": "hidden", "updated_at": when},
        ],
    )


def assert_old_framework_kept(token: str) -> None:
    """The framework written by `insert_old_framework` reads back whole through the models."""
    framework = Framework.by_token(token)
    assert framework is not None
    assert framework.is_complete
    assert framework.idea_seed == 1234
    assert framework.more_ideas == {"2": 1}
    assert framework.answer_map() == ANSWERS
    assert framework.marks() == {"a1b2c3": "saved", "d4e5f6": "hidden"}


@pytest.fixture
def bare_app(tmp_path):
    """An app whose database starts empty and is not upgraded on start."""
    application = make_app(tmp_path, DATABASE_UPGRADE_ON_START=False)
    with application.app_context():
        drop_schema(db.engine)
    yield application
    with application.app_context():
        db.session.remove()
        drop_schema(db.engine)
        db.engine.dispose()


def test_upgrading_an_empty_database_gives_exactly_the_models_schema(bare_app):
    with bare_app.app_context():
        before, after = upgrade_database(db.engine)
        assert (before, after) == (None, head_revision())
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_upgrading_twice_changes_nothing(bare_app):
    with bare_app.app_context():
        upgrade_database(db.engine)
        assert upgrade_database(db.engine) == (head_revision(), head_revision())


def test_data_written_at_the_first_revision_survives_the_upgrade_to_head(bare_app):
    with bare_app.app_context():
        upgrade_database(db.engine, FIRST_REVISION)
        with db.engine.begin() as connection:
            insert_old_framework(connection, "kept-through-upgrades")
        upgrade_database(db.engine)
        assert_old_framework_kept("kept-through-upgrades")


def test_a_database_made_by_create_all_is_stamped_then_upgraded_on_start(bare_app, tmp_path):
    # Before migrations, create_all() made the first revision's tables and no
    # alembic_version table: the first revision, minus its version table.
    with bare_app.app_context():
        upgrade_database(db.engine, FIRST_REVISION)
        with db.engine.begin() as connection:
            insert_old_framework(connection, "made-by-create-all")
            connection.execute(sa.text("DROP TABLE alembic_version"))
        db.engine.dispose()

    restarted = make_app(tmp_path)
    with restarted.app_context():
        with db.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
        assert_old_framework_kept("made-by-create-all")
        db.session.remove()
        db.engine.dispose()


def test_a_batch_migration_on_sqlite_does_not_cascade_to_child_rows(
    bare_app, tmp_path, monkeypatch
):
    """Rebuilding a parent table (SQLite's way to alter it) keeps its children.

    With foreign keys on, dropping the old copy of ``frameworks`` would delete
    every answer and mark through ON DELETE CASCADE.
    """
    migrations = tmp_path / "migrations"
    shutil.copytree(models.MIGRATIONS_PATH, migrations)
    (migrations / "versions" / "9000_rebuild_frameworks.py").write_text(
        f'''"""Rebuild the frameworks table, as altering a column on SQLite does."""

import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = {head_revision()!r}
branch_labels = None
depends_on = None


def upgrade():
    recreate = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("frameworks", recreate=recreate) as batch:
        batch.add_column(sa.Column("note", sa.String(20), nullable=True))


def downgrade():
    with op.batch_alter_table("frameworks") as batch:
        batch.drop_column("note")
'''
    )
    with bare_app.app_context():
        upgrade_database(db.engine)
        with db.engine.begin() as connection:
            insert_old_framework(connection, "survives-a-rebuild")
        monkeypatch.setattr(models, "MIGRATIONS_PATH", migrations)
        assert upgrade_database(db.engine)[1] == "9000"
        with db.engine.connect() as connection:
            for table in ("step_answers", "idea_marks"):
                count = connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar()
                assert count == 2, table
            if db.engine.dialect.name == "sqlite":
                pragma = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
                assert pragma == 1, "foreign keys are back on after migrating"


def test_only_one_of_several_starting_processes_migrates(bare_app, tmp_path):
    """Several app processes starting at once on an empty database: one
    migrates, the others wait for it and find the work done."""
    script = (
        "import json, sys; from app import create_app; import models\n"
        "app = create_app({'SQLALCHEMY_DATABASE_URI': sys.argv[1], 'SECRET_KEY': 'x',"
        " 'DATABASE_UPGRADE_ON_START': False})\n"
        "with app.app_context(): print(json.dumps(models.upgrade_database(models.db.engine)))\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, database_uri(tmp_path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    head = head_revision()
    assert results.count([None, head]) == 1
    assert results.count([head, head]) == 2


def test_drop_schema_leaves_no_table_behind(bare_app):
    with bare_app.app_context():
        upgrade_database(db.engine)
        drop_schema(db.engine)
        with db.engine.connect() as connection:
            assert sa.inspect(connection).get_table_names() == []


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="needs DATABASE_URL")
def test_the_postgresql_run_really_uses_postgresql(bare_app):
    with bare_app.app_context():
        assert db.engine.dialect.name == "postgresql"


def test_company_themes_get_ids_and_answers_and_facts_follow_them(bare_app):
    """Revision 0006: positions become ids in the programme, the answers and the facts."""
    when = datetime(2026, 3, 2, 9, 30)
    with bare_app.app_context():
        upgrade_database(db.engine, "0005")
        with db.engine.begin() as connection:
            tables = sa.MetaData()
            tables.reflect(bind=connection)
            connection.execute(
                tables.tables["programmes"].insert(),
                {
                    "id": 3, "share_code": "share", "admin_token_hash": hash_token("admin"),
                    "name": "Acme Voices", "company": "Acme", "tone": {}, "rules": "",
                    "rules_updated_at": when, "disclosure": "", "media_contact": "",
                    "crisis_contact": "", "created_at": when, "updated_at": when,
                    "company_themes": ["Reliability", "Life in the platform team"],
                },
            )  # fmt: skip
            insert_old_framework(connection, "in-a-programme")
            connection.execute(
                tables.tables["frameworks"]
                .update()
                .values(programme_id=3, more_ideas={"company:1": 2, "area:sre:toil": 1})
            )
            rows = [
                {"include": True, "title": "Life in the platform team", "key": "company:1"},
                {"include": True, "title": "Reliability", "key": "company:0"},
                {"include": True, "title": "Gone", "key": "company:7"},
            ]
            connection.execute(
                step_answers_v1.insert(),
                {"framework_id": 7, "step": "themes", "data": {"themes": rows}, "updated_at": when},
            )
            connection.execute(
                tables.tables["framework_facts"].insert(),
                [
                    {"framework_id": 7, "programme_id": 3, "kind": "theme", "value": value}
                    for value in ("company:1", "company:0", "company:7")
                ],
            )

        upgrade_database(db.engine)

        from models.programmes import Programme, ProgrammeFactTotal

        programme = db.session.get(Programme, 3)
        pairs = dict((title, theme_id) for theme_id, title in programme.theme_pairs())
        assert list(pairs) == ["Reliability", "Life in the platform team"]
        platform, reliability = pairs["Life in the platform team"], pairs["Reliability"]
        assert len({platform, reliability}) == 2 and len(platform) == 8
        framework = Framework.by_token("in-a-programme")
        keys = [row["key"] for row in framework.answer_map()["themes"]["themes"]]
        assert keys == [f"company:{platform}", f"company:{reliability}", "company:7"]
        assert framework.more_ideas == {f"company:{platform}": 2, "area:sre:toil": 1}
        totals = {
            total.value: total.total
            for total in db.session.scalars(
                sa.select(ProgrammeFactTotal).where(ProgrammeFactTotal.kind == "theme")
            )
        }
        assert totals[f"company:{platform}"] == 1 and totals[f"company:{reliability}"] == 1
        assert totals["company:7"] == 1 and totals.get("company:0", 0) == 0
        db.session.remove()


def test_the_dashboard_triggers_exist_at_head(bare_app):
    """Revision 0003's triggers keep the dashboard's totals. On SQLite a later
    batch migration that rebuilds framework_facts drops them silently: it
    must create them again, or this fails."""
    with bare_app.app_context():
        upgrade_database(db.engine)
        if db.engine.dialect.name == "sqlite":
            query = (
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'framework_facts'"
            )
        else:
            query = (
                "SELECT tgname FROM pg_trigger "
                "WHERE tgrelid = 'framework_facts'::regclass AND NOT tgisinternal"
            )
        with db.engine.connect() as connection:
            triggers = connection.exec_driver_sql(query).scalars().all()
    assert sorted(triggers) == [
        "framework_facts_total_delete",
        "framework_facts_total_insert",
        "framework_facts_total_update",
    ]
