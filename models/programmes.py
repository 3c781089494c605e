"""Programmes run by internal comms teams, and the facts their dashboards count."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from models import db
from models.capabilities import TOKEN_BYTES, hash_token, utcnow

SHARE_CODE_BYTES = 16  # 128 random bits: the link is shared, but never guessable


class Programme(db.Model):
    """A company's programme: its rules, tone limits and the links to it.

    The share code is kept as it is (the dashboard shows the share link and
    prints it as a QR code); the manage token is kept only as a hash.
    """

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    share_code: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    admin_token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(120))
    company: Mapped[str] = mapped_column(String(120))
    tone: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    rules: Mapped[str] = mapped_column(Text, default="")
    rules_updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    disclosure: Mapped[str] = mapped_column(String(200), default="")
    media_contact: Mapped[str] = mapped_column(String(200), default="")
    crisis_contact: Mapped[str] = mapped_column(String(200), default="")
    company_themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    sector: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @classmethod
    def create(cls, **settings: Any) -> tuple[Programme, str]:
        """A new programme and its manage token (shown once, never stored)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        programme = cls(
            share_code=secrets.token_urlsafe(SHARE_CODE_BYTES),
            admin_token_hash=hash_token(token),
            **settings,
        )
        db.session.add(programme)
        return programme, token

    @classmethod
    def by_admin_token(cls, token: str) -> Programme | None:
        """The programme behind a manage link, or None."""
        if not token or len(token) > 100:
            return None
        return db.session.scalar(select(cls).where(cls.admin_token_hash == hash_token(token)))

    @classmethod
    def by_share_code(cls, code: str) -> Programme | None:
        """The programme behind a share link, or None."""
        if not code or len(code) > 100:
            return None
        return db.session.scalar(select(cls).where(cls.share_code == code))

    def rotate_share_code(self) -> str:
        """A new share link; the old one stops working."""
        self.share_code = secrets.token_urlsafe(SHARE_CODE_BYTES)
        return self.share_code

    def rotate_admin_token(self) -> str:
        """A new manage link; the old one stops working."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.admin_token_hash = hash_token(token)
        return token

    def update(self, **settings: Any) -> None:
        """Change the settings; note when the rules themselves changed."""
        if settings.get("rules", self.rules) != self.rules:
            self.rules_updated_at = utcnow()
        for name, value in settings.items():
            setattr(self, name, value)


class FrameworkFact(db.Model):
    """One countable fact about a framework (its rung, area, a channel, a theme).

    Kept in rows of their own so that a dashboard counts them in SQL, on any
    database, without reading anyone's answers.
    """

    __tablename__ = "framework_facts"
    __table_args__ = (Index("ix_framework_facts_count", "programme_id", "kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), index=True
    )
    programme_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("programmes.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(120))


class ProgrammeFactTotal(db.Model):
    """How many facts of one kind and value a programme's frameworks have.

    The dashboard reads its counts here instead of counting ``framework_facts``
    on every visit. The database keeps the totals itself, with triggers on
    ``framework_facts`` (migration 0003), so every insert and delete counts,
    cascades included. Values nobody has any more stay, with a total of 0.
    """

    __tablename__ = "programme_fact_totals"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[str] = mapped_column(String(120), primary_key=True)
    total: Mapped[int] = mapped_column(Integer)
