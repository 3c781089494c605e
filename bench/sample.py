"""A typical large framework for the benchmarks: 6 themes over 13 weeks."""

from __future__ import annotations

from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import Library

WEEKS = (3, 2, 2, 2, 2, 2)  # 13 weeks in all


def large_answers(library: Library, *, rung: int = 4) -> dict[str, dict]:
    """Stored answers for six themes over thirteen weeks."""
    work = {
        "role": "Staff engineer in the platform team",
        "expertise": "Site reliability engineering",
        "subtopics": "error budgets\nincident reviews\non-call health\ncapacity planning",
        "audience": "engineering managers",
    }
    rows = theme_rows(suggest_themes(work, ["expert", "hiring"], library))
    included = [row for row in rows if row.get("title")][: len(WEEKS)]
    for order, (row, weeks) in enumerate(zip(included, WEEKS, strict=False), start=1):
        row.update(include=True, order=order, weeks=weeks)
    return {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin", "blog"], "time": "4-hours"},
        "goals": {"goals": ["expert", "hiring"]},
        "tone": {"humour": 2, "formality": 3, "respect": 2, "enthusiasm": 3, "pairs": []},
        "themes": {
            "themes": included,
            "start_date": "2026-03-02",
            "post_time": "08:30",
            "time_zone": "Europe/Berlin",
        },
        "situations": {},
    }
