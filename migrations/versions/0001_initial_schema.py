"""Initial schema: frameworks, the answers to each step, and marks on ideas.

The tables as ``db.create_all()`` made them before migrations existed; a
database made that way is stamped with this revision on its next start.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 17:23:32.578877
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the frameworks, step_answers and idea_marks tables."""
    op.create_table(
        "frameworks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("idea_seed", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("more_ideas", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_frameworks_completed_at", "frameworks", ["completed_at"])
    op.create_index("ix_frameworks_token_hash", "frameworks", ["token_hash"], unique=True)

    op.create_table(
        "idea_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("idea_key", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["framework_id"], ["frameworks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("framework_id", "idea_key"),
    )
    op.create_index("ix_idea_marks_framework_id", "idea_marks", ["framework_id"])

    op.create_table(
        "step_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["framework_id"], ["frameworks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("framework_id", "step"),
    )
    op.create_index("ix_step_answers_framework_id", "step_answers", ["framework_id"])


def downgrade() -> None:
    """Drop the three tables (and every framework with them)."""
    op.drop_table("step_answers")
    op.drop_table("idea_marks")
    op.drop_table("frameworks")
