"""The situation playbook: what a person does when things get tricky."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wizard.library import Library


def field_name(situation_slug: str) -> str:
    """The form field (and stored key) for a situation."""
    return situation_slug.replace("-", "_")


@dataclass(frozen=True)
class PlaybookEntry:
    """One situation with the approach the person chose."""

    slug: str
    title: str
    summary: str
    approach: str
    detail: str
    recommended: bool
    recommended_label: str
    do: tuple[str, ...]
    dont: tuple[str, ...]


def situation_playbook(answers: Mapping[str, Any], library: Library) -> list[PlaybookEntry]:
    """Every situation, with the chosen (or recommended) approach."""
    entries = []
    for situation in library.situations:
        option = situation.option(answers.get(field_name(situation.slug)))
        recommended = situation.option(situation.recommended)
        entries.append(
            PlaybookEntry(
                slug=situation.slug,
                title=situation.title,
                summary=situation.summary,
                approach=option.label,
                detail=option.detail,
                recommended=option.slug == situation.recommended,
                recommended_label=recommended.label,
                do=situation.do,
                dont=situation.dont,
            )
        )
    return entries
