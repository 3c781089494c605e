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
