"""Built plans and PDFs kept for every server process

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 03:00:00.000000

``framework_plans`` keeps each finished framework's plan as last built, with
a digest of what it was built from; ``framework_pdfs`` keeps its PDF (or
marks one as being made) under the digest of its pages. Both go with their
framework. Existing frameworks start with neither: they are made on first use.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the two tables."""
    op.create_table(
        "framework_plans",
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["framework_id"], ["frameworks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("framework_id"),
    )
    op.create_table(
        "framework_pdfs",
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["framework_id"], ["frameworks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("framework_id"),
    )


def downgrade() -> None:
    """Drop the two tables."""
    op.drop_table("framework_pdfs")
    op.drop_table("framework_plans")
