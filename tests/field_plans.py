"""A plan for a person's work in a country, with the field's themes as the
themes step offers them: the helper the country and field tests share."""

from __future__ import annotations

from datetime import date

from wizard.generators.plan import Plan, build_plan, field_sectors
from wizard.generators.playbook import (
    person_standing,
    playbook_family,
    playbook_field,
    playbook_sectors,
    situation_playbook,
)
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import Library, load_library


def field_plan(
    work: dict,
    country: str,
    *,
    every: bool = True,
    weeks: int = 1,
    library: Library | None = None,
) -> Plan:
    """A plan for ``work`` in ``country`` (comfort 3, two hours a week): every
    theme of the field, or only those Byline ticks first (in its order), each
    ``weeks`` long."""
    library = library or load_library()
    rows = theme_rows(suggest_themes(work, ["expert"], library))
    rows = [r for r in rows if every or r.get("include")]
    chosen = [{**r, "include": True, "weeks": weeks, "order": n} for n, r in enumerate(rows, 1)]
    answers = {
        "work": work,
        "comfort": {"rung": 3, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "themes": {"themes": chosen, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, library, seed=3, today=date(2026, 11, 30))


def field_playbook(library: Library, expertise: str, role: str, country: str = "") -> dict:
    """The playbook entries by slug for a role in a field (no answers on step 6),
    as the finished plan shows them in ``country``."""
    work = {"expertise": expertise, "role": role}
    area = library.field_for(work)
    sectors = playbook_sectors(library, field_sectors(area, work, library))
    entries = situation_playbook(
        {},
        library,
        sectors,
        playbook_family(library, area, work),
        person_standing(work, False),
        playbook_field(area),
        (),
        country,
    )
    return {e.slug: e for e in entries}
