"""The situation playbook: what a person does when things get tricky.

Everyone gets the general situations; a regulated sector (the person's
field's, or their programme's) adds its own situations after them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wizard.library import Library
from wizard.library.loader import Situation


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
    sector: str = ""


def playbook_sectors(
    library: Library, field_sectors: Iterable[str] = (), programme_sector: str = ""
) -> list[str]:
    """The sectors whose situations apply, programme's first, each once, known ones only."""
    wanted = [programme_sector, *field_sectors]
    known = {s.slug for s in library.sectors}
    return [slug for slug in dict.fromkeys(wanted) if slug in known]


def _entry(situation: Situation, answers: Mapping[str, Any], sector: str = "") -> PlaybookEntry:
    option = situation.option(answers.get(field_name(situation.slug)))
    recommended = situation.option(situation.recommended)
    return PlaybookEntry(
        slug=situation.slug,
        title=situation.title,
        summary=situation.summary,
        approach=option.label,
        detail=option.detail,
        recommended=option.slug == situation.recommended,
        recommended_label=recommended.label,
        do=situation.do,
        dont=situation.dont,
        sector=sector,
    )


def situation_playbook(
    answers: Mapping[str, Any], library: Library, sectors: Iterable[str] = ()
) -> list[PlaybookEntry]:
    """Every general situation with the chosen (or recommended) approach, then
    the situations of each sector in ``sectors`` (slugs)."""
    entries = [_entry(situation, answers) for situation in library.situations]
    for slug in dict.fromkeys(sectors):
        sector = library.sector(slug)
        if sector is not None:
            entries += [_entry(s, answers, sector.name) for s in sector.situations]
    return entries
