"""The whole framework as plain data, built from the stored answers.

``build_plan`` is the single place where answers become a framework; every
output renders the ``Plan`` it returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from wizard.generators.ideas import PostIdea, eligible_formats, ideas_for_theme
from wizard.generators.outline import Cadence, Period, cadence, next_monday, theme_periods
from wizard.generators.playbook import PlaybookEntry, situation_playbook
from wizard.generators.text import capitalise, lower_first, split_lines
from wizard.generators.themes import (
    ThemeChoice,
    chosen_rows,
    expertise_name,
    resolve_theme,
    suggest_themes,
)
from wizard.generators.tone import ToneProfile, tone_profile
from wizard.library import Library

MIN_IDEAS_PER_THEME = 3


@dataclass(frozen=True)
class OutlineTheme:
    """A theme in the content outline, with its period and ideas."""

    number: int
    title: str
    summary: str
    period: Period
    ideas: tuple[PostIdea, ...]


@dataclass(frozen=True)
class Plan:
    """A person's content framework, ready to render."""

    role: str
    expertise: str
    area_name: str | None
    subtopics: tuple[str, ...]
    audience: str
    rung: int
    rung_label: str
    channels: tuple[str, ...]
    goals: tuple[str, ...]
    tone: ToneProfile
    cadence: Cadence
    start: date
    outline: tuple[OutlineTheme, ...]
    playbook: tuple[PlaybookEntry, ...]

    @property
    def end(self) -> date:
        """The last day of the outline."""
        return self.outline[-1].period.end if self.outline else self.start

    @property
    def ideas(self) -> list[PostIdea]:
        """Every idea, theme by theme."""
        return [idea for theme in self.outline for idea in theme.ideas]


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def build_plan(
    answers: Mapping[str, Mapping[str, Any]],
    library: Library,
    *,
    seed: int,
    today: date,
) -> Plan:
    """Turn stored answers (by step name) into a framework."""
    work = answers.get("work", {})
    comfort = answers.get("comfort", {})
    goals = list(answers.get("goals", {}).get("goals") or ())
    themes_answer = answers.get("themes", {})

    area = library.match_expertise(str(work.get("expertise") or ""))
    expertise = expertise_name(work, area)
    topics = split_lines(work.get("subtopics"))
    audience = (
        lower_first(" ".join(str(work.get("audience") or "").split())) or "people in your field"
    )
    rung = min(5, max(1, _int(comfort.get("rung"), 1)))
    channels = list(comfort.get("channels") or ())
    pace = cadence(rung, str(comfort.get("time") or ""), library)

    try:
        start = date.fromisoformat(str(themes_answer.get("start_date")))
    except ValueError:
        start = next_monday(today)

    suggestions = suggest_themes(work, goals, library)
    rows = chosen_rows(themes_answer.get("themes") or [])
    chosen: list[ThemeChoice] = [resolve_theme(row, suggestions) for row in rows]
    periods = theme_periods([_int(row.get("weeks"), 2) for row in rows], start)
    formats = eligible_formats(library, rung, channels)

    outline = []
    for index, (theme, period) in enumerate(zip(chosen, periods, strict=True)):
        count = max(MIN_IDEAS_PER_THEME, pace.posts_per_week * period.weeks)
        ideas = ideas_for_theme(
            theme,
            index,
            topics=topics,
            audience=audience,
            expertise=expertise,
            formats=formats,
            channels=channels,
            seed=seed,
            count=count,
            library=library,
            company_theme=theme.key.startswith("company:"),
        )
        outline.append(OutlineTheme(index + 1, theme.title, theme.summary, period, tuple(ideas)))

    channel_names = {c.slug: c.name for c in library.channels}
    goal_labels = {g.slug: g.label for g in library.goals}
    return Plan(
        role=capitalise(" ".join(str(work.get("role") or "").split())),
        expertise=expertise,
        area_name=area.name if area else None,
        subtopics=tuple(topics),
        audience=audience,
        rung=rung,
        rung_label=next((r.label for r in library.rungs if r.rung == rung), ""),
        channels=tuple(channel_names.get(c, c) for c in channels),
        goals=tuple(goal_labels.get(g, g) for g in goals),
        tone=tone_profile(answers.get("tone", {}), library),
        cadence=pace,
        start=start,
        outline=tuple(outline),
        playbook=tuple(situation_playbook(answers.get("situations", {}), library)),
    )
