"""What is made from a finished framework and kept for every server process:
its built plan and its PDF.

Both rows belong to their framework (deleting it deletes them, in the same
transaction) and are keyed by a digest of everything they were made from, so
a row whose digest no longer matches is simply stale and gets replaced.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from models import db
from models.capabilities import utcnow


class FrameworkPlan(db.Model):
    """A framework's plan as last built: signed, serialised bytes and their digest."""

    __tablename__ = "framework_plans"

    framework_id: Mapped[int] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), primary_key=True
    )
    digest: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    built_at: Mapped[datetime] = mapped_column(default=utcnow)


class FrameworkPdf(db.Model):
    """A framework's PDF: being made (``data`` empty) or ready, for one digest.

    The row is also the lock that keeps a PDF from being made twice: whoever
    inserts or takes over the row for a digest makes that PDF; everyone else
    waits for ``data`` to arrive.
    """

    __tablename__ = "framework_pdfs"

    framework_id: Mapped[int] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), primary_key=True
    )
    digest: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    made_at: Mapped[datetime | None] = mapped_column(default=None)
