"""The framework or programme behind a private link, for every view.

Views import these from here, never from one another.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import abort
from sqlalchemy import JSON, Text, bindparam, cast, func, literal, select
from sqlalchemy.sql import ColumnElement

from models import db
from models.artifacts import FrameworkPdf
from models.capabilities import hash_token
from models.frameworks import Framework, IdeaMark, StepAnswer
from models.programmes import Programme

FIELD = "\x1f"  # between the parts of one answer or mark in `page_state`
RECORD = "\x1e"  # between answers, between marks


def framework_or_404(token: str) -> Framework:
    """The framework behind a private link; unknown links are a 404."""
    framework = Framework.by_token(token)
    if framework is None:
        abort(404)
    return framework


def completed_framework_or_404(token: str) -> Framework:
    """A finished framework behind a private link (drafts have no outputs yet)."""
    framework = framework_or_404(token)
    if not framework.is_complete:
        abort(404)
    return framework


def programme_or_404(admin_token: str) -> Programme:
    """The programme behind a manage link; unknown or rotated links are a 404."""
    programme = Programme.by_admin_token(admin_token)
    if programme is None:
        abort(404)
    return programme


def _plain(column: Any) -> ColumnElement:
    """A column as a hashable value: JSON as its text, not decoded (a cast, so
    that no driver decodes it either)."""
    return cast(column, Text).label(column.name) if isinstance(column.type, JSON) else column


def _answers_text() -> ColumnElement:
    """Every stored answer of the framework in the outer query, as one text:
    step FIELD JSON, joined by RECORD."""
    return (
        select(
            func.aggregate_strings(
                StepAnswer.step + literal(FIELD) + cast(StepAnswer.data, Text), RECORD
            )
        )
        .where(StepAnswer.framework_id == Framework.id)
        .scalar_subquery()
    )


def answers_from_text(text: str | None) -> dict[str, dict[str, Any]]:
    """The answers `_answers_text` joined, decoded and keyed by step."""
    answers = {}
    for record in (text or "").split(RECORD):
        if record:
            step, data = record.split(FIELD, 1)
            answers[step] = json.loads(data)
    return answers


@dataclass
class Draft:
    """A framework as the wizard's pages read it: its id, programme and answers,
    from one query instead of an ORM load of the framework and its answers.

    The wizard writes through `models.frameworks.store_answer` and
    `store_facts`, which need no more than this.
    """

    id: int
    programme_id: int | None
    completed_at: datetime | None
    answers: dict[str, dict[str, Any]]
    updated_at: datetime | None = None  # when an answer last changed, as read

    def answer_map(self) -> dict[str, dict[str, Any]]:
        """Stored answers keyed by step name."""
        return self.answers

    @property
    def is_complete(self) -> bool:
        """Whether the person finished the wizard."""
        return self.completed_at is not None

    @functools.cached_property
    def programme(self) -> Programme | None:
        """The programme the draft belongs to (loaded only when asked for)."""
        if self.programme_id is None:
            return None
        return db.session.get(Programme, self.programme_id)


@functools.cache
def _draft_query():
    """The query behind `draft_or_404` (built once; only the token hash varies)."""
    frameworks = Framework.__table__
    return select(
        frameworks.c.id,
        frameworks.c.programme_id,
        frameworks.c.completed_at,
        _answers_text(),
        frameworks.c.updated_at,
    ).where(frameworks.c.token_hash == bindparam("token_hash"))


def draft_or_404(token: str) -> Draft:
    """The framework behind a private link as the wizard reads it; unknown links are a 404."""
    if not token or len(token) > 100:
        abort(404)
    # Core on the session's own connection (as `page_state`): no ORM layer.
    connection = db.session.connection()
    row = connection.execute(_draft_query(), {"token_hash": hash_token(token)}).first()
    if row is None:
        abort(404)
    framework_id, programme_id, completed_at, answers, updated_at = row
    return Draft(framework_id, programme_id, completed_at, answers_from_text(answers), updated_at)


@functools.cache
def _version_query():
    frameworks = Framework.__table__
    return select(frameworks.c.updated_at).where(frameworks.c.id == bindparam("b_id"))


@functools.cache
def _answers_query():
    return select(_answers_text()).select_from(Framework).where(Framework.id == bindparam("b_id"))


def answers_now(draft: Draft) -> dict[str, dict[str, Any]]:
    """The draft's answers as they are now, inside the write transaction.

    A page reads its draft before it takes the write lock (see
    `wizard.writes.lock_for_write`), so another window may have saved an
    answer in between: then the answers are read again (and the draft
    updated), otherwise the ones already read are used.
    """
    connection = db.session.connection()
    updated_at = connection.execute(_version_query(), {"b_id": draft.id}).scalar()
    if updated_at != draft.updated_at:
        text = connection.execute(_answers_query(), {"b_id": draft.id}).scalar()
        draft.answers, draft.updated_at = answers_from_text(text), updated_at
    return draft.answers


@functools.cache
def _state_query():
    """The one query behind `page_state` (built once; only the token hash varies)."""
    answers = _answers_text()
    marks = (
        select(func.aggregate_strings(IdeaMark.idea_key + literal(FIELD) + IdeaMark.state, RECORD))
        .where(IdeaMark.framework_id == Framework.id)
        .scalar_subquery()
    )
    pdf_digest = (
        select(FrameworkPdf.digest).where(FrameworkPdf.framework_id == Framework.id)
    ).scalar_subquery()
    pdf_made = (
        select(FrameworkPdf.made_at).where(FrameworkPdf.framework_id == Framework.id)
    ).scalar_subquery()
    frameworks, programmes = Framework.__table__, Programme.__table__
    return (
        select(
            *(_plain(column) for column in frameworks.c),
            *(_plain(column) for column in programmes.c),
            answers,
            marks,
            pdf_digest,
            pdf_made,
        )
        .select_from(frameworks)
        .outerjoin(programmes, frameworks.c.programme_id == programmes.c.id)
        .where(frameworks.c.token_hash == bindparam("token_hash"))
    )


_COMPLETED_AT = list(Framework.__table__.c.keys()).index("completed_at")


def page_state(token: str) -> tuple | None:
    """Everything a finished framework's pages are made from, in one query, as
    plain values; None for an unknown link.

    The framework's row, its programme's row, every stored answer and idea
    mark (as their stored text, not decoded), and which PDF is stored and
    whether it is made. Two requests that get the same state show the same
    framework, plan, marks and PDF note, so `wizard.fragments.kept_page` can
    key a rendered page by it. The order in which answers and marks are
    joined is the database's: a different order is a different key (a miss,
    never a wrong page), and the separators cannot occur inside the parts
    (JSON text escapes control characters; idea keys and states are checked
    before they are stored).
    """
    if not token or len(token) > 100:
        return None
    # Core on the session's own connection: the same transaction (and, on
    # SQLite, the same snapshot) as whatever the page then loads.
    connection = db.session.connection()
    row = connection.execute(_state_query(), {"token_hash": hash_token(token)}).first()
    return tuple(row) if row is not None else None


def is_completed_state(state: tuple) -> bool:
    """Whether the framework in a `page_state` is finished."""
    return state[_COMPLETED_AT] is not None
