"""What a process keeps between builds of plans (suggested themes, a field's
spare template angles, what an angle is about and which of its terms a comment
watches for, terms as prompts read them) never changes a plan: a plan built
again, after other people's plans, is the plan built the first time."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from wizard.generators.plan import build_plan
from wizard.generators.text import lower_first
from wizard.generators.themes import spare_template_angles, suggest_themes, theme_rows
from wizard.library import load_library

PEOPLE = [
    {
        "role": "Drug safety physician",
        "expertise": "Pharmacovigilance",
        "subtopics": "signal detection\naggregate reports",
        "audience": "peers",
    },
    {
        "role": "Commercial beekeeper",
        "expertise": "Beekeeping",
        "subtopics": "varroa\nqueen rearing",
        "audience": "hobby beekeepers",
    },
    {
        "role": "Staff engineer",
        "expertise": "Site reliability engineering",
        "subtopics": "error budgets\non-call health",
        "audience": "engineering managers",
    },
]


def answers_for(work: dict, country: str) -> dict:
    library = load_library()
    rows = theme_rows(suggest_themes(work, ["expert", "hiring"], library))
    chosen = [{**r, "include": True, "weeks": 2, "order": n} for n, r in enumerate(rows[:5], 1)]
    return {
        "work": work,
        "comfort": {"rung": 2, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert", "hiring"]},
        "tone": {},
        "themes": {"themes": chosen, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }


def build(answers: dict, seed: int):
    return build_plan(answers, load_library(), seed=seed, today=date(2026, 11, 30))


def test_a_plan_built_again_after_others_is_the_same_plan():
    everyone = [
        answers_for(work, country) for work, country in zip(PEOPLE, ("GB", "", "US"), strict=True)
    ]
    first = [build(answers, seed) for seed, answers in enumerate(everyone)]
    again = [build(answers, seed) for seed, answers in reversed(list(enumerate(everyone)))]
    assert first == list(reversed(again))
    assert all(plan.ideas for plan in first)


def test_a_kept_list_changed_by_its_caller_is_not_changed_for_the_next():
    library = load_library()
    work = PEOPLE[1]
    offered = suggest_themes(work, ["expert"], library)
    offered.clear()
    assert suggest_themes(work, ["expert"], library)
    spare = spare_template_angles(work, library, [])
    assert spare
    spare.clear()
    assert spare_template_angles(work, library, [])


def test_another_person_with_other_answers_gets_their_own_suggestions():
    library = load_library()
    beekeeper = suggest_themes(PEOPLE[1], ["expert"], library)
    physician = suggest_themes(PEOPLE[0], ["expert"], library)
    assert [t.title for t in beekeeper] != [t.title for t in physician]


def test_lower_first_keeps_markup_and_plain_text_apart():
    safe = Markup("<b>Pharmacy</b> First")
    assert isinstance(lower_first(safe), Markup)
    plain = lower_first("<b>Pharmacy</b> First")
    assert not isinstance(plain, Markup)
