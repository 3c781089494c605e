"""A midwife's home birth kit checklist keeps out what the playbook warns about:
photos of the kit or the car, the area she covers, and posting on call."""

from __future__ import annotations

from datetime import date

from tests.test_calendar_opening import MIDWIFE, answers
from wizard.generators.plan import build_plan
from wizard.library import load_library

LIB = load_library()


def test_the_home_birth_kit_idea_keeps_out_photos_the_area_and_on_call_days():
    work = {**MIDWIFE, "subtopics": "home births\nplace of birth"}
    plan = build_plan(answers(work, 1, "GB"), LIB, seed=1, today=date(2026, 11, 30))
    ideas = [
        i for t in plan.outline for i in t.ideas if i.angle.endswith("home-birth-kit-checklist")
    ]
    assert ideas, [t.title for t in plan.outline]
    for idea in ideas:
        assert "No photos of the kit or car, no area named, never on an on-call day" in idea.caution
        assert not any("photos" in step for step in idea.outline)
