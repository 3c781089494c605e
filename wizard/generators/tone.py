"""The tone profile: how a person sounds, in plain words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wizard.generators.text import capitalise, join_words
from wizard.library import Library

NEUTRAL = 3


@dataclass(frozen=True)
class ToneLine:
    """One dimension: where the person sits and what that means."""

    dimension: str
    left: str
    right: str
    position: int
    label: str
    description: str


@dataclass(frozen=True)
class ToneProfile:
    """The tone profile shown on the framework page."""

    summary: str
    lines: tuple[ToneLine, ...]
    pairs: tuple[str, ...]
    advice: str
    crisis: str


def tone_positions(answers: Mapping[str, Any], library: Library) -> dict[str, int]:
    """Each dimension's chosen position (1-5), neutral where unanswered."""
    positions = {}
    for dimension in library.tone_dimensions:
        try:
            value = int(answers.get(dimension.slug) or NEUTRAL)
        except (TypeError, ValueError):
            value = NEUTRAL
        positions[dimension.slug] = min(5, max(1, value))
    return positions


def tone_profile(answers: Mapping[str, Any], library: Library) -> ToneProfile:
    """Describe the answers to the tone step in plain words."""
    positions = tone_positions(answers, library)
    lines = []
    for dimension in library.tone_dimensions:
        position = positions[dimension.slug]
        lines.append(
            ToneLine(
                dimension=dimension.slug,
                left=dimension.left,
                right=dimension.right,
                position=position,
                label=dimension.labels[position - 1],
                description=dimension.describe[position - 1],
            )
        )
    distinctive = sorted(
        (line for line in lines if line.position != NEUTRAL),
        key=lambda line: -abs(line.position - NEUTRAL),
    )
    if distinctive:
        summary = f"You sound {join_words([line.description for line in distinctive], sep='; ')}."
    else:
        summary = (
            "You sound balanced: "
            + join_words([line.description for line in lines], sep="; ")
            + "."
        )
    enthusiasm = positions.get("enthusiasm", NEUTRAL)
    if enthusiasm >= 4:
        summary += " You explain; you don't sell."
    elif enthusiasm <= 2:
        summary += " You let your enthusiasm show, and back it with facts."
    chosen = set(answers.get("pairs") or ())
    pairs = tuple(capitalise(pair.text) for pair in library.tone_pairs if pair.slug in chosen)
    extremes = [
        line for line in lines if line.position in (1, 5) and line.dimension != "enthusiasm"
    ]
    advice = library.tone_advice if extremes else ""
    return ToneProfile(summary, tuple(lines), pairs, advice, library.tone_crisis)
