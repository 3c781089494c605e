"""Programmes get a short join code

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 03:30:00.000000

``programmes.join_code`` holds eight characters of Crockford's base 32
(see models/join_codes.py): the share link in a form people can type from
the printed programme guide, ``/join/7K3M-Q9TX``. Existing programmes get a
fresh code; their long share links keep working.
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # as in models/join_codes.py, frozen here

programmes = sa.table("programmes", sa.column("id", sa.Integer), sa.column("join_code", sa.String))


def upgrade() -> None:
    """Add the column, give every programme a code, then make codes unique."""
    with op.batch_alter_table("programmes") as batch:
        batch.add_column(sa.Column("join_code", sa.String(length=16), nullable=True))
    connection = op.get_bind()
    taken: set[str] = set()
    for (programme_id,) in connection.execute(sa.select(programmes.c.id)).all():
        code = ""
        while not code or code in taken:
            code = "".join(secrets.choice(ALPHABET) for _ in range(8))
        taken.add(code)
        connection.execute(
            programmes.update().where(programmes.c.id == programme_id).values(join_code=code)
        )
    with op.batch_alter_table("programmes") as batch:
        batch.create_index(batch.f("ix_programmes_join_code"), ["join_code"], unique=True)


def downgrade() -> None:
    """Drop the short codes."""
    with op.batch_alter_table("programmes") as batch:
        batch.drop_index(batch.f("ix_programmes_join_code"))
        batch.drop_column("join_code")
