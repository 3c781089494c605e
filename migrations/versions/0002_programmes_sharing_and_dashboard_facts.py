"""Programmes, sharing and dashboard facts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 17:23:48.682032
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Programmes, sharing and dashboard facts."""
    op.create_table(
        "programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("share_code", sa.String(length=64), nullable=False),
        sa.Column("admin_token_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("company", sa.String(length=120), nullable=False),
        sa.Column("tone", sa.JSON(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("rules_updated_at", sa.DateTime(), nullable=False),
        sa.Column("disclosure", sa.String(length=200), nullable=False),
        sa.Column("media_contact", sa.String(length=200), nullable=False),
        sa.Column("crisis_contact", sa.String(length=200), nullable=False),
        sa.Column("company_themes", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programmes_admin_token_hash"), ["admin_token_hash"], unique=True
        )
        batch_op.create_index(batch_op.f("ix_programmes_share_code"), ["share_code"], unique=True)

    op.create_table(
        "framework_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["framework_id"], ["frameworks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["programme_id"], ["programmes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("framework_facts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_framework_facts_count", ["programme_id", "kind", "value"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_framework_facts_framework_id"), ["framework_id"], unique=False
        )

    with op.batch_alter_table("frameworks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("programme_id", sa.Integer(), nullable=True))
        # Frameworks made before programmes existed are not shared with anyone.
        batch_op.add_column(
            sa.Column(
                "shared_with_programme", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.create_index(
            batch_op.f("ix_frameworks_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(
            "ix_frameworks_programme_completed", ["programme_id", "completed_at"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_frameworks_programme_id",
            "programmes",
            ["programme_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    """Undo: Programmes, sharing and dashboard facts."""
    with op.batch_alter_table("frameworks", schema=None) as batch_op:
        batch_op.drop_constraint("fk_frameworks_programme_id", type_="foreignkey")
        batch_op.drop_index("ix_frameworks_programme_completed")
        batch_op.drop_index(batch_op.f("ix_frameworks_programme_id"))
        batch_op.drop_column("shared_with_programme")
        batch_op.drop_column("programme_id")

    with op.batch_alter_table("framework_facts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_framework_facts_framework_id"))
        batch_op.drop_index("ix_framework_facts_count")

    op.drop_table("framework_facts")
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programmes_share_code"))
        batch_op.drop_index(batch_op.f("ix_programmes_admin_token_hash"))

    op.drop_table("programmes")
