"""An emergency a field trains and drills for ("tower rescue", "first aid",
"lockout/tagout"), typed as a sub-topic of a field the library does not know,
is read as safety-critical: its posts speak of drills, training, kit checks and
published lessons, a story keeps out any real incident, and a list to share says
what it does not replace. A real rescue is an incident, often investigated: no
post asks for "the last time it went wrong" or "a piece of work that went right"."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators import topic_kind as kinds
from wizard.generators.fences import split_fence
from wizard.generators.plan import build_plan
from wizard.generators.themes import spare_template_angles, suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

WIND = {
    "role": "Wind turbine technician",
    "expertise": "wind turbine maintenance",
    "subtopics": "blade inspection\ntower rescue",
}
SAFETY_TOPICS = [
    "tower rescue",
    "confined space rescue",
    "fall protection",
    "lockout/tagout",
    "evacuation",
    "first aid",
    "resuscitation",
    "emergency response",
]


def plan_of(work, rung):
    rows = theme_rows(suggest_themes(work, ["expert", "hiring"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert", "hiring"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "time_zone": "UTC"},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


@pytest.mark.parametrize("topic", SAFETY_TOPICS)
def test_an_emergency_trained_for_is_read_as_safety(topic):
    assert kinds.topic_kinds(topic) == (kinds.SAFETY,)
    assert not kinds.fits((kinds.ACTIVITY,), topic)


@pytest.mark.parametrize(
    "topic", ["evacuation modelling", "incident response", "data protection", "lockouts"]
)
def test_a_method_or_routine_work_is_not_safety(topic):
    assert kinds.SAFETY not in kinds.topic_kinds(topic)


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_a_rescue_is_never_a_job_that_went_wrong_or_right(rung):
    plan = plan_of(WIND, rung)
    spare = [a.premise for a in spare_template_angles(WIND, LIB, [])]
    spare += [a.ask for a in spare_template_angles(WIND, LIB, [])]
    texts = [t.title for t in plan.outline] + spare
    texts += [text for i in plan.ideas for text in (i.hook, i.make_it_yours, *i.outline)]
    for text in texts:
        if "rescue" not in text:
            continue
        assert not re.search(
            r"went (?:wrong|right)|final record|templates?|did you drop|rule of thumb"
            r"|meets the rest of my job|tools I trust",
            text,
            re.IGNORECASE,
        ), text


def test_a_rescue_gets_drills_training_and_kit_checks():
    plan = plan_of(WIND, 2)
    titles = [t.title for t in plan.outline]
    assert "Ready for tower rescue: the drills, training and kit behind it" in titles
    hooks = " ".join(i.hook for i in plan.ideas if "rescue" in i.hook)
    assert "drill" in hooks


def test_a_rescue_story_keeps_out_real_incidents_and_a_checklist_says_what_it_does_not_replace():
    template = next(t for t in LIB.theme_templates if t.slug == "safety")
    fences = {}
    for angle in template.angles:
        fences[angle.slug] = [
            out for _, out in (split_fence(angle.premise, p) for p in angle.points)
        ]
        fences[angle.slug] = [out for out in fences[angle.slug] if out]
    for angle in template.angles:
        if "story" in angle.kinds:
            assert any("nothing under investigation" in f for f in fences[angle.slug])
        if "checklist" in angle.kinds:
            assert any(
                f.startswith("Not a substitute for your site's rescue plan")
                for f in fences[angle.slug]
            )
    plan = plan_of(WIND, 2)
    cautions = [i.caution for i in plan.ideas if "rescue" in i.hook]
    assert any("nothing under investigation" in c for c in cautions) or any(
        "Not a substitute" in c for c in cautions
    )
