"""Paramedicine: a field of its own, found by what paramedics and ambulance
clinicians type, with UK practice for UK readers and US EMS for US ones, and
the healthcare sector's fences on scenes, footage, inquests and case stories."""

from datetime import date

import pytest

from wizard.generators.plan import build_plan, for_country
from wizard.generators.themes import area_choice, suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()
PARAMEDIC = {
    "role": "Paramedic, ambulance service",
    "expertise": "Paramedicine",
    "subtopics": "frailty and falls\ncrew wellbeing",
    "audience": "other clinicians",
}


def plan_of(work, country="GB"):
    suggestions = suggest_themes(work, ["expert", "network"], LIB)
    rows = theme_rows(suggestions)
    answers = {
        "work": work,
        "comfort": {"rung": 4, "channels": ["linkedin", "x"], "time": "2-hours"},
        "goals": {"goals": ["expert", "network"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


@pytest.mark.parametrize(
    "typed",
    ["Paramedic", "EMT", "Emergency care assistant", "Ambulance clinician", "Student paramedic"],
)
def test_ambulance_clinicians_find_paramedicine(typed):
    assert LIB.match_expertise(typed).slug == "paramedicine"


@pytest.mark.parametrize("typed", ["Emergency", "Emergency management", "Emergency services"])
def test_emergency_alone_names_no_field(typed):
    """Emergency planners and emergency physicians are not paramedics."""
    assert LIB.match_expertise(typed) is None


def test_a_paramedic_is_in_healthcare_and_reads_the_scene_and_inquest_cards():
    area = LIB.area("paramedicine")
    assert area.family == "life-sciences" and area.sectors == ("healthcare",)
    plan = plan_of(PARAMEDIC)
    book = {e.slug: e for e in plan.playbook}
    assert "error-or-inquest" in book and "colleague-suicide" in book
    assert any("body-worn" in line for line in book["photos-at-work"].dont)
    assert "prescription-medicine-service" not in book


def test_the_plan_names_the_field_s_real_things_and_no_recent_case():
    plan = plan_of(PARAMEDIC)
    hooks = " ".join(i.hook for i in plan.ideas)
    assert "Clinical Frailty Scale" in hooks and "TRiM" in hooks
    assert "one recent case" not in hooks.lower()
    asks = " ".join(i.make_it_yours for i in plan.ideas).lower()
    assert "from the last month" not in asks


def test_uk_readers_get_uk_services_and_us_readers_us_ems():
    area = LIB.area("paramedicine")

    def slugs(theme: str, country: str) -> set[str]:
        choice = for_country(area_choice(area, area.theme(theme)), country)
        return {a.slug for a in choice.angles}

    assert "uninjured-faller-ucr" in slugs("long-lies", "GB")
    assert "uninjured-faller-ucr" not in slugs("long-lies", "US")
    assert "us-protocols-medical-director" in slugs("conveyance", "US")
    assert "us-protocols-medical-director" not in slugs("conveyance", "GB")
    assert "us-nremt-state-licensure" not in slugs("profession", "GB")
    uk = " ".join(i.hook for i in plan_of(PARAMEDIC, "GB").ideas)
    assert "NREMT" not in uk and "medical director" not in uk


def _idea_text(plan) -> str:
    return " ".join(" ".join([i.hook, *i.outline, i.make_it_yours]) for i in plan.ideas).lower()


@pytest.mark.parametrize("country", ["GB", "US"])
def test_no_idea_is_about_a_colleague_s_death(country):
    """A tribute to a colleague who died is never scheduled as a post: no one
    has died when the plan is built, and the playbook card covers it if they do."""
    text = _idea_text(plan_of(PARAMEDIC, country))
    for phrase in ("suicide", "we've lost", "colleague dies", "tribute"):
        assert phrase not in text
    angles = [a for t in LIB.area("paramedicine").themes for a in t.angles]
    assert not any("suicide" in " ".join([a.premise, *a.points]).lower() for a in angles)
    book = {e.slug for e in plan_of(PARAMEDIC, country).playbook}
    assert "colleague-suicide" in book


def test_the_assault_post_keeps_open_cases_out_and_names_the_published_route():
    area = LIB.area("paramedicine")
    angle = next(a for a in area.theme("crew-wellbeing").angles if a.slug == "violence-against-crews")
    points = " ".join(angle.points)
    assert "still open" in points and "identifies a patient, a crew or a scene" in points
    assert "Assaults on Emergency Workers (Offences) Act 2018" in points
    assert "court" not in (points + angle.ask).lower()


def test_handover_and_long_lie_figures_are_the_published_ones():
    """England's handover standard is 15 minutes; 45 is the maximum. A long
    lie is an hour or more on the floor, not four."""
    area = LIB.area("paramedicine")
    handover = next(a for a in area.theme("handover").angles if a.slug == "forty-five-minute-handover")
    assert "maximum" in handover.premise and "15 minutes" in handover.premise
    assert "45-minute handover standard" not in handover.premise
    long_lie = next(a for a in area.theme("long-lies").angles if a.slug == "long-lie-harms")
    assert "an hour" in long_lie.premise and "four hours" not in long_lie.premise


def test_a_paramedic_s_playbook_speaks_of_their_setting_not_a_company_s():
    """General cards reach clinicians in the healthcare sector's words: no
    small firm, customers, code or dispensing, and a major incident fence."""
    plan = plan_of(PARAMEDIC)
    cards = " ".join(
        " ".join([e.title, e.summary, e.detail, *e.do, *e.dont]) for e in plan.playbook
    )
    for phrase in ("small firm", "customers", "code and slides", "dispensing", "legal matters",
                   "indemnity insurer"):
        assert phrase not in cards
    book = {e.slug: e for e in plan.playbook}
    assert any("major or critical incident" in line for line in book["company-crisis"].do)
    assert "medicines error" in book["error-or-inquest"].title
