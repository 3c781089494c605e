"""A programme says whether its company themes start ticked

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 05:40:00.000000

``programmes.tick_company_themes``: when true, the themes step starts with
the programme's company themes ticked; otherwise they are offered, labelled
as the company's suggestion, and people tick the ones they want. Existing
programmes never asked for ticking, so they start with it off.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the column, off for every programme."""
    with op.batch_alter_table("programmes") as batch:
        batch.add_column(
            sa.Column(
                "tick_company_themes", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("programmes") as batch:
        batch.drop_column("tick_company_themes")
