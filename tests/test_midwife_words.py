"""A UK midwife reads her field's words: women, not patients; the NICE
guideline named where a claim rests on it; a route-in post that says something."""

from __future__ import annotations

from datetime import date

from tests.test_calendar_opening import MIDWIFE, answers
from wizard.generators.asks import own_asks
from wizard.generators.ideas import COMMENT_ASKS_GUARDED
from wizard.generators.plan import build_plan
from wizard.library import load_library
from wizard.library.voice import load_voice

LIB = load_library()


def angles(*slugs: str):
    area = LIB.area("midwifery")
    found = {a.slug: a for t in area.themes for a in t.angles}
    return [found[s] for s in slugs]


def test_a_midwife_s_asks_and_tone_speak_of_women():
    plan = build_plan(answers(MIDWIFE, 2, "GB"), LIB, seed=1, today=date(2026, 11, 30))
    assert load_voice().cases_for("midwifery", None, ()) == "women"
    text = " ".join(str(v) for v in plan.tone.__dict__.values())
    assert "many women" in text and "patients" not in text
    for rung in range(1, 6):
        assert "patient" not in load_voice().presence_for("midwifery", None, (), rung)


def test_guarded_asks_read_for_people_as_well_as_things():
    """ "Across your women" reads wrong; "across many women" is what a midwife says."""
    for ask in (*own_asks("women", guarded=True), *COMMENT_ASKS_GUARDED):
        filled = ask.format(cases="women", term="home birth")
        assert "your women" not in filled and "your own women" not in filled, filled


def test_the_nice_guidelines_are_named_and_left_to_check():
    whooley, units = angles("whooley-questions-start", "midwifery-units-missing-option")
    assert any("CG192" in p and "check the current" in p for p in whooley.points)
    assert any("NG235" in p and "check the current" in p for p in units.points)


def test_the_route_in_takes_a_position():
    for angle in angles("registration-uk", "registration-uk-and-us"):
        assert any("its own registration" in p for p in angle.points), angle.slug
