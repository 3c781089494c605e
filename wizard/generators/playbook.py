"""The situation playbook: what a person does when things get tricky.

A person's playbook puts the hazards of their own work first: the situations
of their regulated sectors (their programme's, then their field's), then
those of their field's family (a CRA's blinded studies, a litigator's court
documents, a designer's test participants), then the general situations that
fit them. A family or a sector leaves out the general situations that do not
fit its people ("A customer complains" for someone without customers), and a
sector may leave out a family situation it covers in its own words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wizard.library import Library
from wizard.library.loader import Family, Situation


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
    # Where the situation comes from when it is not a general one: a sector's
    # or a family's name ("Life sciences", "Legal and compliance").
    sector: str = ""


@dataclass(frozen=True)
class SituationGroup:
    """Situations of one origin, as step 6 and the playbook show them: the
    sector or family name ("" for the general ones) and a one-line hint."""

    name: str
    hint: str
    situations: tuple[Situation, ...]
    kind: str = ""  # "sector", "family", or "" for the general ones


def playbook_sectors(
    library: Library, field_sectors: Iterable[str] = (), programme_sector: str = ""
) -> list[str]:
    """The sectors whose situations apply, programme's first, each once, known ones only."""
    wanted = [programme_sector, *field_sectors]
    known = {s.slug for s in library.sectors}
    return [slug for slug in dict.fromkeys(wanted) if slug in known]


def playbook_family(library: Library, area: Any, work: Mapping[str, Any]) -> str | None:
    """The family whose situations a person gets: their field's, or for a field
    the library does not know, the family its typed words name."""
    if area is not None:
        return str(getattr(area, "family", "") or "") or None
    finder = getattr(library, "family_for", None)
    typed = " ".join(str(work.get(k) or "") for k in ("expertise", "role"))
    family = finder(typed) if finder else None
    return family.slug if family else None


def situation_groups(
    library: Library, sectors: Iterable[str] = (), family: str | None = None
) -> list[SituationGroup]:
    """The person's situations, most field-specific first: each sector's (in
    ``sectors`` order), their family's, then the general ones that fit them,
    the family's ``lead`` first."""
    found = [library.sector(slug) for slug in dict.fromkeys(sectors)]
    chosen = [s for s in found if s is not None]
    home: Family | None = library.family(family) if family else None
    skipped = {slug for s in chosen for slug in s.skip} | set(home.skip if home else ())
    groups = [SituationGroup(s.name, s.fence, s.situations, "sector") for s in chosen]
    if home is not None:
        own = tuple(s for s in home.situations if s.slug not in skipped)
        groups.append(SituationGroup(home.name, home.summary, own, "family"))
    lead = home.lead if home else ()
    fitting = [s for s in library.situations if s.slug not in skipped]
    # The family's most pressing general situations first, then the rest in
    # the library's order.
    general = tuple(
        sorted(fitting, key=lambda s: lead.index(s.slug) if s.slug in lead else len(lead))
    )
    groups.append(SituationGroup("", "", general))
    return [g for g in groups if g.situations]


def person_situations(
    library: Library, sectors: Iterable[str] = (), family: str | None = None
) -> list[Situation]:
    """Every situation in the person's playbook, in the order it is shown."""
    return [s for group in situation_groups(library, sectors, family) for s in group.situations]


def _entry(situation: Situation, answers: Mapping[str, Any], origin: str = "") -> PlaybookEntry:
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
        sector=origin,
    )


def situation_playbook(
    answers: Mapping[str, Any],
    library: Library,
    sectors: Iterable[str] = (),
    family: str | None = None,
) -> list[PlaybookEntry]:
    """The person's situations (see ``situation_groups``) with the chosen, or
    else the recommended, approach for each."""
    return [
        _entry(situation, answers, group.name)
        for group in situation_groups(library, sectors, family)
        for situation in group.situations
    ]
