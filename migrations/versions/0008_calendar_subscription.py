"""Calendar subscription: its own capability and the events it has published

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 02:40:00.000000

``frameworks.calendar_token_hash`` is the SHA-256 of the calendar
subscription link's token (NULL when there is none); the link is read-only
and separate from the private link. ``calendar_events`` keeps each event
the subscription has published (UID, SEQUENCE, a digest of its content, the
text last sent), so that changed events go out with a higher SEQUENCE and
removed ones as cancelled. Existing frameworks start with no subscription.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the subscription token columns and the published-events table."""
    with op.batch_alter_table("frameworks") as batch:
        batch.add_column(sa.Column("calendar_token_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("calendar_token_created_at", sa.DateTime(), nullable=True))
        batch.create_index(
            batch.f("ix_frameworks_calendar_token_hash"), ["calendar_token_hash"], unique=True
        )
    op.create_table(
        "calendar_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=80), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("ical", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["framework_id"], ["frameworks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("framework_id", "uid"),
    )
    with op.batch_alter_table("calendar_events") as batch:
        batch.create_index(
            batch.f("ix_calendar_events_framework_id"), ["framework_id"], unique=False
        )


def downgrade() -> None:
    """Drop the published-events table and the subscription columns."""
    with op.batch_alter_table("calendar_events") as batch:
        batch.drop_index(batch.f("ix_calendar_events_framework_id"))
    op.drop_table("calendar_events")
    with op.batch_alter_table("frameworks") as batch:
        batch.drop_index(batch.f("ix_frameworks_calendar_token_hash"))
        batch.drop_column("calendar_token_created_at")
        batch.drop_column("calendar_token_hash")
