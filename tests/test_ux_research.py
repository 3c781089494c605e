"""A US UX researcher who hires read their plan: the privacy theme spoke of the
GDPR alone, the hiring posts sat in Research operations and assumed an academic
past, diary studies got a fill-in template, and the tone sounded like a product
manager's. These check the field's own lines."""

from __future__ import annotations

from datetime import date

import pytest

from wizard.generators.plan import Plan, build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()
RESEARCHER = {
    "role": "UX researcher",
    "expertise": "ux research",
    "subtopics": "diary studies\nresearch ops",
    "audience": "other people in my field",
}


def researcher_plan(country: str, work: dict = RESEARCHER) -> Plan:
    """The plan the wizard makes for a researcher at rung 1 who wants to hire."""
    rows = theme_rows(suggest_themes(work, ["expert", "hiring"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": 1, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert", "hiring"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


def angle(slug: str):
    return next(a for t in LIB.area("ux-research").themes for a in t.angles if a.slug == slug)


@pytest.mark.parametrize("country", ["US", "GB", "DE"])
def test_the_privacy_idea_names_the_readers_own_law(country):
    """A US reader reads state privacy laws, COPPA and HIPAA; an EU or UK reader
    keeps the GDPR."""
    work = {**RESEARCHER, "subtopics": "consent and participant privacy"}
    text = " ".join(f"{i.hook} {' '.join(i.outline)}" for i in researcher_plan(country, work).ideas)
    if country == "US":
        assert "CCPA" in text and "COPPA" in text and "HIPAA" in text
        assert "GDPR" not in text
    else:
        assert "GDPR" in text and "CCPA" not in text
    assert ("UK GDPR" in text) is (country == "GB")


def test_no_theme_summary_speaks_of_one_countrys_law():
    summaries = " ".join(t.summary for t in LIB.area("ux-research").themes)
    assert "GDPR" not in summaries


def test_a_consent_form_should_say_things_no_law_makes_it_must():
    assert "should say" in angle("five-things-every-research-consent-form").premise


def test_the_hiring_posts_sit_in_the_careers_theme_and_assume_no_academic_past():
    plan = researcher_plan("US")
    hires = [i for i in plan.ideas if i.angle.startswith("hiring:")]
    assert len(hires) == 2
    assert {i.theme for i in hires} == {"Research careers and hiring researchers"}
    ops = [i for i in plan.ideas if i.theme == "Research operations"]
    assert not any("first month" in i.hook or "academic" in i.hook.lower() for i in ops)
    assert not any(i.hook.startswith("From academic") for i in plan.ideas)
    hooks = " ".join(i.hook for i in plan.ideas)
    assert "portfolio case study" in hooks and "take-home exercise" in hooks


def test_diary_studies_name_their_entry_types_and_tools():
    plan = researcher_plan("US")
    text = " ".join(f"{i.hook} {' '.join(i.outline)}" for i in plan.ideas)
    for term in ("signal-contingent", "event-contingent", "dscout"):
        assert term in text.lower(), term
    assert "Two terms in diary studies" not in text


def test_nielsens_five_users_and_the_sus_question_read_right():
    assert angle("five-users-find-most-problems-but").premise == (
        "Five users per round works because you run several rounds"
    )
    assert angle("do-you-still-use-sus").ask == "If not SUS, what do you benchmark with?"


def test_the_tone_sounds_like_a_researcher_not_a_product_manager():
    plan = researcher_plan("US")
    said = str(plan.tone)
    assert "roadmap" not in said.lower() and "five people trying it" not in said
    assert "diary study" in said or "participants" in said


def test_the_setup_week_names_the_fields_own_moments():
    names = {m.name: m for m in LIB.area("ux-research").moments}
    assert "Annual research planning" not in names
    assert names["Advancing Research conference"].countries == ("US",)
    assert "EPIC conference" in names
    assert {"#UXR", "#ResearchOps"} <= set(LIB.area("ux-research").hashtags)


def test_the_consent_form_idea_keeps_the_employers_form_out():
    """A post on what a consent form should say quotes no employer's real form."""
    work = {**RESEARCHER, "subtopics": "consent and participant privacy"}
    ideas = [
        i
        for i in researcher_plan("US", work).ideas
        if i.angle.endswith("five-things-every-research-consent-form")
    ]
    assert ideas
    for idea in ideas:
        assert "no real consent form text" in idea.caution, idea.caution
        assert not any("consent form text" in s for s in idea.outline)
