"""Theme suggestions for the themes step, and themes resolved for output.

A suggestion carries a ``key`` that says where it came from, so the angles
behind it can be found again later; a theme the person typed has no key and
gets angles built from its own words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wizard.generators.text import fill, lower_first, split_lines
from wizard.library import Library
from wizard.library.loader import ExpertiseArea, Theme

SUGGESTIONS = 8
PRESELECTED = 4
DEFAULT_WEEKS = 2


@dataclass(frozen=True)
class ThemeChoice:
    """A theme as suggested: where it came from, and its words."""

    key: str
    title: str
    summary: str
    angles: tuple[str, ...]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def _relevance(theme: Theme, topics: Sequence[str]) -> int:
    """How many of the person's sub-topic words a theme mentions."""
    theme_words = _words(" ".join((theme.title, theme.summary, *theme.angles)))
    return sum(len(_words(topic) & theme_words) for topic in topics)


def expertise_name(work: Mapping[str, Any], area: ExpertiseArea | None) -> str:
    """The person's expertise as a lower-case noun phrase, in their own words."""
    typed = " ".join(str(work.get("expertise") or "").split())
    return lower_first(typed) if typed else (lower_first(area.name) if area else "your field")


def _from_template(
    library: Library, index: int, topic: str, expertise: str, audience: str
) -> ThemeChoice:
    template = library.theme_templates[index]
    values = {"topic": topic, "expertise": expertise, "audience": audience}
    return ThemeChoice(
        key=f"template:{index}:{topic}"[:120],
        title=fill(template.title, **values),
        summary=fill(template.summary, **values),
        angles=tuple(fill(angle, **values) for angle in template.angles),
    )


def suggest_themes(
    work: Mapping[str, Any],
    goals: Sequence[str],
    library: Library,
    company_themes: Sequence[str] = (),
) -> list[ThemeChoice]:
    """Themes to offer, the most personal first.

    Library themes that mention the person's sub-topics come first, then
    themes built from their own sub-topics and goals, then the rest.
    """
    area = library.match_expertise(str(work.get("expertise") or ""))
    topics = split_lines(work.get("subtopics"))
    expertise = expertise_name(work, area)
    audience = str(work.get("audience") or "").strip() or "people in your field"
    audience = lower_first(audience)

    personal: list[ThemeChoice] = []
    topic_templates = [
        i for i, t in enumerate(library.theme_templates) if t.uses == "topic" and not t.goal
    ]
    for n, topic in enumerate(topics):
        if topic_templates:
            index = topic_templates[n % len(topic_templates)]
            personal.append(_from_template(library, index, lower_first(topic), expertise, audience))
    for index, template in enumerate(library.theme_templates):
        if template.goal and template.goal in goals:
            topic = lower_first(topics[0]) if topics else expertise
            personal.append(_from_template(library, index, topic, expertise, audience))

    from_area: list[ThemeChoice] = []
    if area:
        ranked = sorted(
            enumerate(area.themes), key=lambda pair: (-_relevance(pair[1], topics), pair[0])
        )
        from_area = [
            ThemeChoice(f"area:{area.slug}:{i}", t.title, t.summary, t.angles) for i, t in ranked
        ]
    else:
        expertise_templates = [
            i for i, t in enumerate(library.theme_templates) if t.uses == "expertise" and not t.goal
        ]
        from_area = [
            _from_template(library, i, expertise, expertise, audience) for i in expertise_templates
        ]

    company = [
        ThemeChoice(f"company:{n}", title, "A theme your company suggests.", ())
        for n, title in enumerate(company_themes)
    ]

    # Interleave: a personal theme, a library theme, ... so both kinds are preselected.
    ordered: list[ThemeChoice] = []
    for pair in zip(personal, from_area, strict=False):
        ordered.extend(pair)
    ordered += personal[len(from_area) :] + from_area[len(personal) :]
    ordered = company + ordered
    unique: list[ThemeChoice] = []
    for choice in ordered:
        if choice.title.lower() not in {c.title.lower() for c in unique}:
            unique.append(choice)
    return unique[:SUGGESTIONS]


def theme_rows(choices: Sequence[ThemeChoice]) -> list[dict[str, Any]]:
    """Suggestions as the rows of the themes step's form."""
    return [
        {
            "include": n < PRESELECTED,
            "title": choice.title,
            "weeks": DEFAULT_WEEKS,
            "order": n + 1,
            "key": choice.key,
        }
        for n, choice in enumerate(choices)
    ]


def chosen_rows(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows a person kept, in their chosen order.

    When two rows share a number, the one the person moved there comes first.
    """

    def position(indexed: tuple[int, Mapping[str, Any]]) -> tuple[int, int, int]:
        index, row = indexed
        try:
            order = int(row.get("order") or 99)
        except (TypeError, ValueError):
            order = 99
        return order, 0 if order != index + 1 else 1, index

    kept = [
        (index, row)
        for index, row in enumerate(rows)
        if row.get("include") and str(row.get("title") or "").strip()
    ]
    return [row for _, row in sorted(kept, key=position)]


def resolve_theme(
    row: Mapping[str, Any],
    suggestions: Sequence[ThemeChoice],
) -> ThemeChoice:
    """The chosen theme with the summary and angles behind its key.

    If the person rewrote a suggested title, their words win; the angles
    stay. A theme they typed themselves gets no library angles.
    """
    title = " ".join(str(row.get("title") or "").split())
    key = str(row.get("key") or "")
    match = next((s for s in suggestions if key and s.key == key), None)
    if match is None:
        return ThemeChoice("own", title, "", ())
    return ThemeChoice(match.key, title, match.summary, match.angles)
