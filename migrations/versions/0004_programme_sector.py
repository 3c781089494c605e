"""A programme names its sector

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 02:30:00.000000

``programmes.sector`` holds a sector slug from the library's sectors.toml
(life-sciences, financial-services ...) or "" for none. The sector's extra
playbook situations then apply to everyone in the programme. Existing
programmes get "" (no particular sector).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the sector column, empty for existing programmes."""
    with op.batch_alter_table("programmes") as batch:
        batch.add_column(
            sa.Column("sector", sa.String(length=40), nullable=False, server_default="")
        )


def downgrade() -> None:
    """Drop the sector column."""
    with op.batch_alter_table("programmes") as batch:
        batch.drop_column("sector")
