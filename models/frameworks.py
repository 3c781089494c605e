"""Personal frameworks and the answers given at each wizard step."""

from __future__ import annotations

import functools
import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models import db
from models.capabilities import TOKEN_BYTES, hash_token, utcnow

# Divisible by every whole number from 1 to 16: a programme member's seed
# modulo any of them is their member number modulo it (see programme_seed).
ROTATIONS = 720720


def programme_seed(member: int) -> int:
    """An idea seed for a programme's ``member``-th framework.

    The high part is random; the remainder is the member number, so two
    neighbouring members get different seed-based rotations of the same
    ideas and their calendars open each week with different posts.
    """
    return secrets.randbelow(2**31 // ROTATIONS - 1) * ROTATIONS + member % ROTATIONS


class Framework(db.Model):
    """One person's content framework, reachable only through its private link."""

    __tablename__ = "frameworks"
    # A programme's dashboard counts its started and completed frameworks.
    __table_args__ = (Index("ix_frameworks_programme_completed", "programme_id", "completed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    idea_seed: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    more_ideas: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), index=True, default=None
    )
    shared_with_programme: Mapped[bool] = mapped_column(Boolean, default=False)
    # The calendar subscription's own read-only capability: only its hash is kept.
    calendar_token_hash: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=None
    )
    calendar_token_created_at: Mapped[datetime | None] = mapped_column(default=None)

    programme: Mapped[Programme | None] = relationship(lazy="joined")
    facts: Mapped[list[FrameworkFact]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="select"
    )

    answers: Mapped[list[StepAnswer]] = relationship(
        back_populates="framework",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
    )
    # Loaded when first used (the framework's own pages), not with every
    # framework: the wizard's pages never need them.
    idea_marks: Mapped[list[IdeaMark]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="select"
    )
    calendar_events: Mapped[list[CalendarEvent]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="select"
    )

    @classmethod
    def create(cls, programme: Programme | None = None) -> tuple[Framework, str]:
        """A new draft (in a programme, if given) and its private token (shown once)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        seed = secrets.randbits(31)
        if programme is not None and programme.id is not None:
            members = db.session.scalar(
                select(func.count(cls.id)).where(cls.programme_id == programme.id)
            )
            seed = programme_seed(int(members or 0))
        framework = cls(token_hash=hash_token(token), idea_seed=seed, programme=programme)
        db.session.add(framework)
        return framework, token

    def rotate_token(self) -> str:
        """A new private link; the old one stops working at once."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.token_hash = hash_token(token)
        return token

    @classmethod
    def by_token(cls, token: str) -> Framework | None:
        """The framework behind a private link, or None."""
        if not token or len(token) > 100:
            return None
        return db.session.scalar(select(cls).where(cls.token_hash == hash_token(token)))

    def new_calendar_token(self) -> str:
        """A new subscription link for the calendar (shown once); any old one stops working."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.calendar_token_hash = hash_token(token)
        self.calendar_token_created_at = utcnow()
        return token

    def revoke_calendar_token(self) -> None:
        """Turn the subscription link off."""
        self.calendar_token_hash = None
        self.calendar_token_created_at = None

    @classmethod
    def by_calendar_token(cls, token: str) -> Framework | None:
        """The framework behind a calendar subscription link, or None."""
        if not token or len(token) > 100:
            return None
        return db.session.scalar(select(cls).where(cls.calendar_token_hash == hash_token(token)))

    @property
    def is_complete(self) -> bool:
        """Whether the person finished the wizard."""
        return self.completed_at is not None

    def answer_map(self) -> dict[str, dict[str, Any]]:
        """Stored answers keyed by step name."""
        return {answer.step: answer.data for answer in self.answers}

    def marks(self) -> dict[str, str]:
        """What the person did with each idea, by idea key."""
        return {mark.idea_key: mark.state for mark in self.idea_marks}

    def mark_idea(self, idea_key: str, state: str | None) -> None:
        """Mark an idea saved, used or hidden; ``None`` clears the mark."""
        for mark in list(self.idea_marks):
            if mark.idea_key == idea_key:
                if state is None:
                    self.idea_marks.remove(mark)
                else:
                    mark.state = state
                return
        if state is not None:
            self.idea_marks.append(IdeaMark(idea_key=idea_key, state=state))

    def ask_for_more_ideas(self, theme: str, number: int | None = None) -> None:
        """One more batch of ideas for a theme, kept under the theme's stable identity.

        A count stored under the theme's old position (``number``, from before
        themes had stable keys) moves to the identity, so reordering themes
        keeps each theme's extra ideas.
        """
        more = dict(self.more_ideas or {})
        batches = int(more.get(theme, 0) or 0)
        if number is not None and str(number) in more:
            batches = max(batches, int(more.pop(str(number)) or 0))
        more[theme] = batches + 1
        self.more_ideas = more

    def more_batches(self, theme: str, number: int) -> int:
        """How many "more ideas" batches a theme asked for (old position keys included)."""
        more = self.more_ideas or {}
        return int(more.get(theme, more.get(str(number), 0)) or 0)

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


class IdeaMark(db.Model):
    """A person's mark on one post idea: saved, used, or not for them."""

    __tablename__ = "idea_marks"
    __table_args__ = (UniqueConstraint("framework_id", "idea_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), index=True
    )
    idea_key: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CalendarEvent(db.Model):
    """An event the calendar subscription has published, as last published.

    Kept so that a changed event goes out with a higher SEQUENCE and one
    that left the plan goes out cancelled, under the same UID.
    """

    __tablename__ = "calendar_events"
    __table_args__ = (UniqueConstraint("framework_id", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(String(80))
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    digest: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    ical: Mapped[str] = mapped_column(Text)


from models.programmes import FrameworkFact, Programme  # noqa: E402  (tables the keys name)


@functools.cache
def _answer_statements():
    """The statements that store an answer (built once; only the values vary)."""
    answers, frameworks = StepAnswer.__table__, Framework.__table__
    return (
        insert(answers),
        update(answers)
        .where(answers.c.framework_id == bindparam("b_id"), answers.c.step == bindparam("b_step"))
        .values(data=bindparam("b_data"), updated_at=bindparam("b_now")),
        update(frameworks)
        .where(frameworks.c.id == bindparam("b_id"))
        .values(updated_at=bindparam("b_now")),
    )


def store_answer(
    framework_id: int, step: str, data: dict[str, Any], previous: dict[str, Any] | None
) -> None:
    """Store (or replace) one step's answers without loading the framework:
    what `Framework.save_answer` does, for a caller that already read the
    ``previous`` answers. An unchanged answer writes nothing."""
    if previous == data:
        return
    now = utcnow()
    add, replace, touch = _answer_statements()
    connection = db.session.connection()
    if previous is None:
        connection.execute(
            add, {"framework_id": framework_id, "step": step, "data": data, "updated_at": now}
        )
    else:
        connection.execute(
            replace, {"b_id": framework_id, "b_step": step, "b_data": data, "b_now": now}
        )
    connection.execute(touch, {"b_id": framework_id, "b_now": now})


def mark_completed(framework_id: int) -> None:
    """Record that the person finished the wizard, without loading the
    framework (once: finishing again keeps the first time)."""
    db.session.execute(
        update(Framework)
        .where(Framework.id == framework_id, Framework.completed_at.is_(None))
        .values(completed_at=utcnow())
    )


@functools.cache
def _fact_statements():
    """The statements that keep a framework's facts (built once)."""
    facts = FrameworkFact.__table__
    return (
        select(facts.c.id, facts.c.kind, facts.c.value).where(
            facts.c.framework_id == bindparam("b_id")
        ),
        delete(facts).where(facts.c.id.in_(bindparam("b_ids", expanding=True))),
        insert(facts),
    )


def store_facts(framework_id: int, programme_id: int | None, facts: list[tuple[str, str]]) -> None:
    """Keep a framework's countable facts (kind, value) for the programme
    dashboard, without loading it: at most three statements, on the session's
    own connection."""
    wanted = {(kind[:20], value[:120]) for kind, value in facts}
    read, remove, add = _fact_statements()
    connection = db.session.connection()
    current = {
        (kind, value): fact_id
        for fact_id, kind, value in connection.execute(read, {"b_id": framework_id})
    }
    gone = [fact_id for key, fact_id in current.items() if key not in wanted]
    if gone:
        connection.execute(remove, {"b_ids": gone})
    new = sorted(wanted - set(current))
    if new:
        connection.execute(
            add,
            [
                {"framework_id": framework_id, "programme_id": programme_id, "kind": k, "value": v}
                for k, v in new
            ],
        )


__all__ = [
    "TOKEN_BYTES",
    "CalendarEvent",
    "Framework",
    "IdeaMark",
    "StepAnswer",
    "hash_token",
    "mark_completed",
    "store_answer",
    "store_facts",
    "utcnow",
]
