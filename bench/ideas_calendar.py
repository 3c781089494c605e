"""How long the idea engine and the content calendar take for a large framework.

Run with ``python -m bench.ideas_calendar``.
"""

from __future__ import annotations

from datetime import date

from bench.sample import large_answers
from bench.timing import baseline_ms, median_ms, report
from wizard.generators.calendar import calendar_weeks
from wizard.generators.plan import IdeaPreferences, build_plan
from wizard.library import load_library

TODAY = date(2026, 2, 26)


def main() -> None:
    """Print the median times for ideas, calendar and the whole plan."""
    library = load_library()
    answers = large_answers(library)
    more = IdeaPreferences(more={n: 1 for n in range(1, 7)})
    plan = build_plan(answers, library, seed=42, today=TODAY, preferences=more)
    slots = plan.slots

    base = baseline_ms()
    rows = [
        (
            "whole plan (ideas + calendar + tone + playbook)",
            median_ms(lambda: build_plan(answers, library, seed=42, today=TODAY, preferences=more)),
        ),
        (
            "calendar weeks from the slots",
            median_ms(lambda: calendar_weeks(slots, plan.start, len(plan.calendar))),
        ),
    ]
    print(
        f"Framework: {len(plan.outline)} themes, {len(plan.calendar)} weeks, "
        f"{len(plan.ideas)} ideas, {len(slots)} calendar slots"
    )
    print(report(rows, base))


if __name__ == "__main__":
    main()
