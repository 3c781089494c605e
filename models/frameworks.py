"""Personal frameworks and the answers given at each wizard step."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models import db

TOKEN_BYTES = 24  # 192 random bits in every private link


def utcnow() -> datetime:
    """The current time in UTC, as stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a capability token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Framework(db.Model):
    """One person's content framework, reachable only through its private link."""

    __tablename__ = "frameworks"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    idea_seed: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(default=None, index=True)

    answers: Mapped[list[StepAnswer]] = relationship(
        back_populates="framework",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
    )

    @classmethod
    def create(cls) -> tuple[Framework, str]:
        """A new draft and its private token (shown once, never stored)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        framework = cls(token_hash=hash_token(token), idea_seed=secrets.randbits(31))
        db.session.add(framework)
        return framework, token

    @classmethod
    def by_token(cls, token: str) -> Framework | None:
        """The framework behind a private link, or None."""
        if not token or len(token) > 100:
            return None
        return db.session.scalar(select(cls).where(cls.token_hash == hash_token(token)))

    @property
    def is_complete(self) -> bool:
        """Whether the person finished the wizard."""
        return self.completed_at is not None

    def answer_map(self) -> dict[str, dict[str, Any]]:
        """Stored answers keyed by step name."""
        return {answer.step: answer.data for answer in self.answers}

    def save_answer(self, step: str, data: dict[str, Any]) -> None:
        """Store (or replace) the answers to one step."""
        for answer in self.answers:
            if answer.step == step:
                if answer.data != data:
                    answer.data = data
                    answer.updated_at = utcnow()
                    self.updated_at = utcnow()
                return
        self.answers.append(StepAnswer(step=step, data=data))
        self.updated_at = utcnow()


class StepAnswer(db.Model):
    """What a person answered at one wizard step, as JSON."""

    __tablename__ = "step_answers"
    __table_args__ = (UniqueConstraint("framework_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), index=True
    )
    step: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    framework: Mapped[Framework] = relationship(back_populates="answers")
