"""A programme's numbers: how many people started and finished, how far they
got, and what they chose. Counted in SQL from indexed columns, never by loading
frameworks; the only answers read are those of people who chose to share.

No number may point at a person: every count from 1 up to the programme
minimum (``DASHBOARD_MIN_COUNT``, 5 unless configured) is hidden, on the page
and in the CSV alike, and only "fewer than 5" is said. In the tables where
each person counts once (comfort rung, field), a hidden count could be worked
out from the others and the number who answered, so more cells are hidden
until what is hidden adds up to the minimum at least.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select

from models import db
from models.frameworks import Framework, StepAnswer
from models.programmes import Programme, ProgrammeFactTotal
from wizard.generators.themes import canonical_key
from wizard.library import Library

# The facts a dashboard shows, in the order it shows them.
DISTRIBUTIONS = (
    ("rung", "Comfort with sharing in public"),
    ("area", "Fields of expertise"),
    ("channel", "Channels"),
    ("theme", "Themes chosen"),
)
SINGLE_CHOICE = ("rung", "area")  # each person has at most one of these facts
SHARED_LIMIT = 100
DEFAULT_MIN_COUNT = 5
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Count:
    """One row of a table: what was counted, and how many (None: too few to show)."""

    label: str
    count: int | None

    @property
    def hidden(self) -> bool:
        """Whether the number is held back because it is below the minimum."""
        return self.count is None


@dataclass(frozen=True)
class Distribution:
    """How many people chose each value of one kind of fact, most first."""

    kind: str
    title: str
    rows: tuple[Count, ...]


@dataclass(frozen=True)
class Aggregates:
    """Everything the dashboard and its CSV count for one programme."""

    started: int | None
    completed: int | None
    funnel: tuple[Count, ...]
    distributions: tuple[Distribution, ...]
    min_count: int = DEFAULT_MIN_COUNT
    draft_checks: int | None = 0  # drafts checked before posting: a number, never a draft

    @property
    def hides_any(self) -> bool:
        """Whether any number on the dashboard is held back."""
        rows = [*self.funnel, *(row for dist in self.distributions for row in dist.rows)]
        return self.started is None or any(row.hidden for row in rows)


def shown(count: int, min_count: int) -> int | None:
    """A count as it may be shown: None from 1 up to the minimum, else the count."""
    return None if 0 < count < min_count else count


def suppressed(
    totals: dict[str, int], min_count: int, single_choice: bool = False
) -> tuple[Count, ...]:
    """Labelled counts, most first, with every count below the minimum hidden.

    Hidden rows come last in alphabetical order, so that their order says
    nothing about their size. With ``single_choice`` (each person counted
    once), the smallest shown rows are hidden too until the hidden rows add
    up to the minimum: otherwise the total answered, less the rows shown,
    would give a small hidden count away.
    """
    hidden = {label for label, count in totals.items() if 0 < count < min_count}
    if single_choice:
        hidden_total = sum(totals[label] for label in hidden)
        visible = sorted((count, label) for label, count in totals.items() if label not in hidden)
        visible = [(count, label) for count, label in visible if count > 0]
        while 0 < hidden_total < min_count and visible:
            count, label = visible.pop(0)
            hidden.add(label)
            hidden_total += count
    rows = sorted(
        ((label, count) for label, count in totals.items() if label not in hidden),
        key=lambda item: (-item[1], item[0].lower()),
    )
    return tuple(Count(label, count) for label, count in rows) + tuple(
        Count(label, None) for label in sorted(hidden, key=str.lower)
    )


@dataclass(frozen=True)
class SharedEntry:
    """A finished framework whose person chose to share it with the programme."""

    framework_id: int
    role: str
    expertise: str
    completed_at: datetime


def started_and_completed(programme_id: int) -> tuple[int, int]:
    """How many frameworks were started in the programme, and how many finished."""
    row = db.session.execute(
        select(func.count(Framework.id), func.count(Framework.completed_at)).where(
            Framework.programme_id == programme_id
        )
    ).one()
    return int(row[0]), int(row[1])


def fact_counts(programme_id: int) -> dict[str, dict[str, int]]:
    """How many frameworks have each fact, by kind and value.

    Read from the totals the database keeps as facts come and go, a few
    hundred rows at most. Counting the facts themselves scans about eleven
    rows per framework: some 140 ms for 100,000 frameworks on SQLite.
    """
    rows = db.session.execute(
        select(ProgrammeFactTotal.kind, ProgrammeFactTotal.value, ProgrammeFactTotal.total).where(
            ProgrammeFactTotal.programme_id == programme_id, ProgrammeFactTotal.total > 0
        )
    )
    counts: dict[str, dict[str, int]] = {}
    for kind, value, count in rows:
        counts.setdefault(kind, {})[value] = int(count)
    return counts


def fact_label(
    kind: str, value: str, library: Library, company_themes: Sequence[tuple[str, str]]
) -> str:
    """A fact's value in words: rung labels, area and channel names, theme titles."""
    if kind == "rung":
        rung = next((r for r in library.rungs if str(r.rung) == value), None)
        return f"{rung.rung}. {rung.label}" if rung else f"Rung {value}"
    if kind == "area":
        area = library.area(value)
        return area.name if area else "Something else"
    if kind == "channel":
        channel = next((c for c in library.channels if c.slug == value), None)
        return channel.name if channel else value
    if kind == "theme":
        return theme_label(value, library, company_themes)
    return value


def theme_label(value: str, library: Library, company_themes: Sequence[tuple[str, str]]) -> str:
    """A chosen theme's title: the programme's own (found by its stable id,
    whatever its place in the list now), the library's, or the person's."""
    parts = value.split(":")
    if parts[0] == "company" and len(parts) == 2:
        title = next((title for theme_id, title in company_themes if theme_id == parts[1]), None)
        return f"{title} (company theme)" if title else "A company theme no longer listed"
    if parts[0] == "area" and len(parts) == 3:
        area = library.area(parts[1])
        key = canonical_key(value, "", library)
        theme = area.theme(key.split(":")[2]) if area else None
        if theme:
            return theme.title
    return "Their own theme"


def distribution(
    kind: str,
    title: str,
    counts: dict[str, int],
    library: Library,
    company_themes: Sequence[tuple[str, str]],
    min_count: int = DEFAULT_MIN_COUNT,
) -> Distribution:
    """One kind of fact as labelled rows, most first, small counts hidden.
    Values that read the same are counted together; company themes nobody
    chose are listed with 0."""
    totals: dict[str, int] = {}
    for value, count in counts.items():
        label = fact_label(kind, value, library, company_themes)
        totals[label] = totals.get(label, 0) + count
    if kind == "theme":
        for theme_id, _title in company_themes:
            totals.setdefault(theme_label(f"company:{theme_id}", library, company_themes), 0)
    rows = suppressed(totals, min_count, single_choice=kind in SINGLE_CHOICE)
    return Distribution(kind, title, rows)


def programme_aggregates(
    programme: Programme,
    library: Library,
    steps: Sequence[tuple[str, str]],
    min_count: int = DEFAULT_MIN_COUNT,
) -> Aggregates:
    """The programme's counts, those below ``min_count`` hidden; ``steps`` are
    the wizard's (name, title) in order."""
    started, completed = started_and_completed(programme.id)
    facts = fact_counts(programme.id)
    # Each answered step is a fact too, so the funnel comes from the same index scan.
    answered = facts.get("step", {})
    funnel = [
        Count(f"Answered step {n}: {title}", shown(answered.get(name, 0), min_count))
        for n, (name, title) in enumerate(steps, start=1)
    ]
    funnel.append(Count("Completed", shown(completed, min_count)))
    themes = programme.theme_pairs()
    return Aggregates(
        started=shown(started, min_count),
        completed=shown(completed, min_count),
        funnel=tuple(funnel),
        distributions=tuple(
            distribution(kind, title, facts.get(kind, {}), library, themes, min_count)
            for kind, title in DISTRIBUTIONS
        ),
        min_count=min_count,
        draft_checks=shown(programme.draft_checks or 0, min_count),
    )


def _is_shared(programme_id: int):
    return and_(
        Framework.programme_id == programme_id,
        Framework.shared_with_programme.is_(True),
        Framework.completed_at.is_not(None),
    )


def shared_entries(programme_id: int, limit: int = SHARED_LIMIT) -> tuple[list[SharedEntry], int]:
    """The most recently finished shared frameworks (up to ``limit``) and how many there are.

    Only frameworks whose person opted in are read, and of them only the role
    and expertise from the first step.
    """
    total = db.session.scalar(select(func.count(Framework.id)).where(_is_shared(programme_id)))
    rows = db.session.execute(
        select(Framework.id, Framework.completed_at, StepAnswer.data)
        .outerjoin(
            StepAnswer, and_(StepAnswer.framework_id == Framework.id, StepAnswer.step == "work")
        )
        .where(_is_shared(programme_id))
        .order_by(Framework.completed_at.desc(), Framework.id.desc())
        .limit(limit)
    )
    entries = [
        SharedEntry(
            framework_id=framework_id,
            role=str((data or {}).get("role") or ""),
            expertise=str((data or {}).get("expertise") or ""),
            completed_at=completed_at,
        )
        for framework_id, completed_at, data in rows
    ]
    return entries, int(total or 0)


def shared_framework(programme_id: int, framework_id: int) -> Framework | None:
    """A framework of this programme that its person finished and chose to share, or None."""
    return db.session.scalar(
        select(Framework).where(Framework.id == framework_id, _is_shared(programme_id))
    )


def hidden_text(min_count: int) -> str:
    """What a hidden count says instead of its number."""
    return f"fewer than {min_count}"


def aggregate_rows(aggregates: Aggregates) -> list[tuple[str, str, int | str]]:
    """The aggregates as (section, item, count) rows, as the CSV has them;
    a hidden count reads "fewer than 5"."""

    def cell(count: int | None) -> int | str:
        return hidden_text(aggregates.min_count) if count is None else count

    rows: list[tuple[str, str, int | str]] = [
        ("Progress", "Started", cell(aggregates.started)),
        ("Progress", "Completed", cell(aggregates.completed)),
        ("Progress", "Drafts checked", cell(aggregates.draft_checks)),
    ]
    rows += [("How far people got", row.label, cell(row.count)) for row in aggregates.funnel]
    for dist in aggregates.distributions:
        rows += [(dist.title, row.label, cell(row.count)) for row in dist.rows]
    return rows


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(rows: Iterable[tuple[str, str, int | str]]) -> str:
    """Rows as CSV with a header, every text cell defused against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("section", "item", "count"))
    for section, item, count in rows:
        number = int(count) if isinstance(count, int) else safe_cell(count)
        writer.writerow((safe_cell(section), safe_cell(item), number))
    return buffer.getvalue()


def programme_slug(name: str) -> str:
    """``acme-voices`` from "Acme Voices", or ``programme`` when nothing usable is left."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:50].strip("-")
    return slug or "programme"
