"""Programmes run by internal comms teams, and the facts their dashboards count."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, false, select
from sqlalchemy.orm import Mapped, mapped_column

from models import db
from models.capabilities import TOKEN_BYTES, hash_token, utcnow
from models.join_codes import new_join_code, normalise

SHARE_CODE_BYTES = 16  # 128 random bits: the link is shared, but never guessable
THEME_ID_BYTES = 4  # a company theme's id: 8 hex digits, unique within its programme
SAME_THEME_SIMILARITY = 0.6  # an edited title this close to an old one keeps its id


def new_theme_id(taken: set[str]) -> str:
    """An id no theme of the programme has, nor had in this edit."""
    while True:
        theme_id = secrets.token_hex(THEME_ID_BYTES)
        if theme_id not in taken:
            taken.add(theme_id)
            return theme_id


def company_theme_entries(
    titles: Sequence[str | Mapping[str, str]], existing: Sequence[Any] = ()
) -> list[dict[str, str]]:
    """Company themes as ``{"id", "title"}`` entries, keeping the ids they had.

    People's answers and the dashboard refer to a company theme by its id
    (``company:{id}``), so the id must survive the comms team reordering or
    rewording its themes in the settings' one-per-line box. A title that is
    still there (any case, any place) keeps its id; a new title close to a
    removed one ("Life in the platform team" for "Life in our platform team")
    is taken as that theme reworded and keeps its id too; anything else is a
    new theme with a new id. Ids of removed themes are never given again.
    """
    old = [entry for entry in (theme_entry(e) for e in existing) if entry]
    taken = {entry["id"] for entry in old}
    wanted = [theme_entry(t) for t in titles]
    result: list[dict[str, str] | None] = [None] * len(wanted)
    unused = list(old)
    for n, entry in enumerate(wanted):
        if entry is None:
            continue
        same = next((o for o in unused if o["title"].casefold() == entry["title"].casefold()), None)
        if same is None and entry["id"]:
            same = next((o for o in unused if o["id"] == entry["id"]), None)
        if same is not None:
            unused.remove(same)
            result[n] = {"id": same["id"], "title": entry["title"]}
    pairs = sorted(
        (
            (-SequenceMatcher(None, o["title"].casefold(), e["title"].casefold()).ratio(), n, i)
            for n, e in enumerate(wanted)
            if e is not None and result[n] is None
            for i, o in enumerate(unused)
        ),
    )
    used: set[int] = set()
    for negative_ratio, n, i in pairs:
        if -negative_ratio < SAME_THEME_SIMILARITY:
            break
        if result[n] is None and i not in used:
            used.add(i)
            result[n] = {"id": unused[i]["id"], "title": wanted[n]["title"]}
    for n, entry in enumerate(wanted):
        if entry is not None and result[n] is None:
            result[n] = {"id": new_theme_id(taken), "title": entry["title"]}
    return [entry for entry in result if entry is not None]


def theme_entry(value: Any) -> dict[str, str] | None:
    """One stored or typed company theme as ``{"id", "title"}`` ("" id when new)."""
    if isinstance(value, str):
        title, theme_id = value, ""
    elif isinstance(value, Mapping):
        title, theme_id = str(value.get("title") or ""), str(value.get("id") or "")
    else:
        return None
    title = " ".join(title.split())
    return {"id": theme_id, "title": title} if title else None


class Programme(db.Model):
    """A company's programme: its rules, tone limits and the links to it.

    The share code is kept as it is (the dashboard shows the share link and
    prints it as a QR code); the manage token is kept only as a hash.
    """

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    share_code: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    # The same link, short enough to type from a printed sheet (see models/join_codes.py).
    join_code: Mapped[str | None] = mapped_column(String(16), unique=True, index=True)
    admin_token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(120))
    company: Mapped[str] = mapped_column(String(120))
    tone: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    rules: Mapped[str] = mapped_column(Text, default="")
    rules_updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    disclosure: Mapped[str] = mapped_column(String(200), default="")
    media_contact: Mapped[str] = mapped_column(String(200), default="")
    crisis_contact: Mapped[str] = mapped_column(String(200), default="")
    # [{"id": "3f9a1c2e", "title": "Life in the platform team"}, ...] in the
    # programme's order; see `company_theme_entries`.
    company_themes: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    # Whether the themes step starts with the company themes ticked (else only offered).
    tick_company_themes: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    sector: Mapped[str] = mapped_column(String(40), default="")
    # Names a draft check looks for (one per line in the form).
    products: Mapped[list[str]] = mapped_column(JSON, default=list)
    competitors: Mapped[list[str]] = mapped_column(JSON, default=list)
    customers: Mapped[list[str]] = mapped_column(JSON, default=list)
    off_limits: Mapped[list[str]] = mapped_column(JSON, default=list)
    # How many drafts people checked: a number only, never a draft.
    draft_checks: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @classmethod
    def create(cls, **settings: Any) -> tuple[Programme, str]:
        """A new programme and its manage token (shown once, never stored)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        if "company_themes" in settings:
            settings["company_themes"] = company_theme_entries(settings["company_themes"])
        programme = cls(
            share_code=secrets.token_urlsafe(SHARE_CODE_BYTES),
            join_code=new_join_code(),
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
        """The programme behind a share link or its short join code, or None."""
        if not code or len(code) > 100:
            return None
        found = db.session.scalar(select(cls).where(cls.share_code == code))
        short = normalise(code) if found is None else None
        if short:
            found = db.session.scalar(select(cls).where(cls.join_code == short))
        return found

    def rotate_share_code(self) -> str:
        """A new share link; the old one stops working."""
        self.share_code = secrets.token_urlsafe(SHARE_CODE_BYTES)
        self.join_code = new_join_code()
        return self.share_code

    def rotate_admin_token(self) -> str:
        """A new manage link; the old one stops working."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.admin_token_hash = hash_token(token)
        return token

    def theme_pairs(self) -> tuple[tuple[str, str], ...]:
        """The company themes as (id, title), in the programme's order."""
        entries = (theme_entry(e) for e in self.company_themes or ())
        return tuple((e["id"], e["title"]) for e in entries if e and e["id"])

    def update(self, **settings: Any) -> None:
        """Change the settings; note when the rules themselves changed."""
        if settings.get("rules", self.rules) != self.rules:
            self.rules_updated_at = utcnow()
        if "company_themes" in settings:
            settings["company_themes"] = company_theme_entries(
                settings["company_themes"], self.company_themes or ()
            )
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
