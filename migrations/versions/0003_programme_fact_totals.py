"""Programme fact totals, kept by the database

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 18:30:00.000000

A programme's dashboard counted its ``framework_facts`` rows on every visit:
one scan of about eleven rows per framework, over a second at 100,000
frameworks. ``programme_fact_totals`` holds the same counts, one row per
(programme, kind, value), and triggers on ``framework_facts`` keep them
exact for every insert, delete (cascades included) and update, whichever
code path makes them.

On SQLite a batch migration that copies ``framework_facts`` drops its
triggers with the old table: such a migration must create them again
(``create_triggers``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Two-key advisory locks: (this class, a programme id). The migration lock
# uses the one-key form, whose key space does not overlap this one.
FACT_LOCK_CLASS = 0x6279  # "by"

SQLITE_TRIGGERS = (
    """
    CREATE TRIGGER framework_facts_total_insert AFTER INSERT ON framework_facts
    WHEN NEW.programme_id IS NOT NULL
    BEGIN
        INSERT INTO programme_fact_totals (programme_id, kind, value, total)
        VALUES (NEW.programme_id, NEW.kind, NEW.value, 1)
        ON CONFLICT (programme_id, kind, value) DO UPDATE SET total = total + 1;
    END
    """,
    """
    CREATE TRIGGER framework_facts_total_delete AFTER DELETE ON framework_facts
    WHEN OLD.programme_id IS NOT NULL
    BEGIN
        UPDATE programme_fact_totals SET total = total - 1
        WHERE programme_id = OLD.programme_id AND kind = OLD.kind AND value = OLD.value;
    END
    """,
    """
    CREATE TRIGGER framework_facts_total_update
    AFTER UPDATE OF programme_id, kind, value ON framework_facts
    BEGIN
        UPDATE programme_fact_totals SET total = total - 1
        WHERE programme_id = OLD.programme_id AND kind = OLD.kind AND value = OLD.value;
        INSERT INTO programme_fact_totals (programme_id, kind, value, total)
        SELECT NEW.programme_id, NEW.kind, NEW.value, 1 WHERE NEW.programme_id IS NOT NULL
        ON CONFLICT (programme_id, kind, value) DO UPDATE SET total = total + 1;
    END
    """,
)

# On PostgreSQL the triggers run once per statement, over all the rows it
# changed: a bulk insert or a cascade that removes thousands of facts updates
# each total once, instead of once per row (which, inside one transaction,
# leaves a long chain of row versions to walk at every step). Concurrent
# writers could take the totals' row locks in crossing orders and deadlock,
# so a statement first takes its programmes' advisory locks: the fact changes
# of one programme are made one transaction at a time (SQLite makes every
# write one at a time anyway).
POSTGRESQL_TRIGGERS = (
    f"""
    CREATE OR REPLACE FUNCTION count_framework_facts() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            PERFORM pg_advisory_xact_lock({FACT_LOCK_CLASS}, programme_id) FROM (
                SELECT DISTINCT programme_id FROM removed
                WHERE programme_id IS NOT NULL ORDER BY programme_id
            ) AS touched;
            UPDATE programme_fact_totals AS totals SET total = totals.total - gone.n
            FROM (
                SELECT programme_id, kind, value, count(*) AS n FROM removed
                WHERE programme_id IS NOT NULL GROUP BY programme_id, kind, value
            ) AS gone
            WHERE totals.programme_id = gone.programme_id AND totals.kind = gone.kind
                AND totals.value = gone.value;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            PERFORM pg_advisory_xact_lock({FACT_LOCK_CLASS}, programme_id) FROM (
                SELECT DISTINCT programme_id FROM added
                WHERE programme_id IS NOT NULL ORDER BY programme_id
            ) AS touched;
            INSERT INTO programme_fact_totals (programme_id, kind, value, total)
            SELECT programme_id, kind, value, count(*) FROM added
            WHERE programme_id IS NOT NULL GROUP BY programme_id, kind, value
            ORDER BY programme_id, kind, value
            ON CONFLICT (programme_id, kind, value)
            DO UPDATE SET total = programme_fact_totals.total + EXCLUDED.total;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER framework_facts_total_insert AFTER INSERT ON framework_facts
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION count_framework_facts()
    """,
    """
    CREATE TRIGGER framework_facts_total_delete AFTER DELETE ON framework_facts
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION count_framework_facts()
    """,
    """
    CREATE TRIGGER framework_facts_total_update AFTER UPDATE ON framework_facts
    REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION count_framework_facts()
    """,
)


def create_triggers() -> None:
    """The triggers that keep ``programme_fact_totals`` equal to the facts."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        statements = SQLITE_TRIGGERS
    elif dialect == "postgresql":
        statements = POSTGRESQL_TRIGGERS
    else:
        raise NotImplementedError(f"no fact-total triggers for {dialect}")
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    """Programme fact totals, kept by the database."""
    op.create_table(
        "programme_fact_totals",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["programme_id"], ["programmes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("programme_id", "kind", "value"),
    )
    op.execute(
        "INSERT INTO programme_fact_totals (programme_id, kind, value, total) "
        "SELECT programme_id, kind, value, count(*) FROM framework_facts "
        "WHERE programme_id IS NOT NULL GROUP BY programme_id, kind, value"
    )
    create_triggers()


def downgrade() -> None:
    """Undo: Programme fact totals, kept by the database."""
    postgres = op.get_bind().dialect.name == "postgresql"
    for name in ("insert", "delete", "update"):
        table = " ON framework_facts" if postgres else ""
        op.execute(f"DROP TRIGGER IF EXISTS framework_facts_total_{name}{table}")
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS count_framework_facts()")
    op.drop_table("programme_fact_totals")
