"""A person's framework (their stored answers) and programme as a DraftContext."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wizard.drafts.context import DraftContext, literal_avoid_words, off_limits_from
from wizard.generators.plan import field_sectors, within_limits
from wizard.generators.playbook import playbook_sectors
from wizard.generators.tone import tone_positions, tone_profile
from wizard.library import Library, chosen_theme_keys
from wizard.programme import ProgrammeTerms

_ADDRESS_CHARS = "<>()[],;:\"'"


def person_channels(answers: Mapping[str, Mapping[str, Any]], library: Library) -> list[str]:
    """The channel slugs the person chose, in the library's order."""
    chosen = set((answers.get("comfort") or {}).get("channels") or ())
    return [c.slug for c in library.channels if c.slug in chosen]


def channel_choices(
    answers: Mapping[str, Mapping[str, Any]], library: Library
) -> list[tuple[str, str]]:
    """(slug, name) of every channel, the person's own first."""
    mine = person_channels(answers, library)
    rest = [c.slug for c in library.channels if c.slug not in mine]
    names = {c.slug: c.name for c in library.channels}
    return [(slug, names[slug]) for slug in mine + rest]


def _addresses(*texts: str) -> tuple[str, ...]:
    words = " ".join(texts).translate({ord(c): " " for c in _ADDRESS_CHARS}).split()
    return tuple(w.strip(".") for w in words if "@" in w)


def context_for(
    answers: Mapping[str, Mapping[str, Any]],
    library: Library,
    programme: ProgrammeTerms | None,
    channel: str,
) -> DraftContext:
    """What a draft for ``channel`` is checked against, for this person."""
    work = answers.get("work") or {}
    area = library.field_for(work, chosen_theme_keys(answers))
    field = field_sectors(area, work, library)
    tone_answers = within_limits(answers.get("tone") or {}, programme)
    profile = tone_profile(
        tone_answers,
        library,
        field=area.slug if area else None,
        family=area.family if area else None,
        sectors=field,
    )
    slugs = playbook_sectors(library, field, programme.sector if programme else "")
    sectors = tuple(s for s in (library.sector(slug) for slug in slugs) if s is not None)
    return DraftContext(
        channel=channel,
        tone=tone_positions(tone_answers, library),
        formal_field=profile.formal_field,
        avoid_words=literal_avoid_words(profile.avoid_words),
        sectors=sectors,
        company=programme.company if programme else "",
        disclosure=programme.disclosure if programme else "",
        products=programme.products if programme else (),
        competitors=programme.competitors if programme else (),
        customers=programme.customers if programme else (),
        off_limits=off_limits_from(programme.off_limits) if programme else (),
        known_addresses=_addresses(programme.media_contact, programme.crisis_contact)
        if programme
        else (),
    )
