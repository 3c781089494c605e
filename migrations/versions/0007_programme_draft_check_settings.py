"""Programme names for the draft check, and a count of checks

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 03:00:00.000000

The draft check ("check a draft before you post it") looks for the names a
programme lists: its products and competitors (a disclosure is then due),
customers (naming them needs their agreement) and off-limits phrases (the
programme's rules). Each is a JSON list of strings, empty for existing
programmes. ``draft_checks`` counts how many drafts people checked: a
number only, the drafts themselves are never stored.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LISTS = ("products", "competitors", "customers", "off_limits")


def upgrade() -> None:
    """Add the four name lists (empty) and the check count (0)."""
    with op.batch_alter_table("programmes") as batch:
        for name in LISTS:
            batch.add_column(sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("draft_checks", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    """Drop the lists and the count."""
    with op.batch_alter_table("programmes") as batch:
        batch.drop_column("draft_checks")
        for name in reversed(LISTS):
            batch.drop_column(name)
