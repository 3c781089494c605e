"""Themes follow the person's sub-topics, setting, role and audience: a field's
themes for another setting (a school OT's for an inpatient OT, a small animal
vet's for a farm vet, a client-side QS's for a contractor's) and themes about
the profession at large come after the person's own, unless they name them."""

from __future__ import annotations

import pytest

from tests.field_plans import field_plan
from wizard.generators.theme_fit import (
    ANY_SETTING,
    IN_SETTING,
    OFF_SETTING,
    is_general,
    setting_words,
    theme_setting,
)
from wizard.generators.themes import PRESELECTED, SUGGESTIONS, suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.schema import field_problems

LIB = load_library()

FARM_VET = {
    "role": "Veterinary surgeon, mixed practice",
    "expertise": "Veterinary medicine",
    "subtopics": "antimicrobial resistance\nfarm animal health",
    "audience": "farmers and other vets",
}
PET_VET = {
    "role": "Veterinary surgeon, small animal practice",
    "expertise": "Veterinary medicine",
    "subtopics": "dentistry\npain management",
    "audience": "pet owners",
}
REHAB_OT = {
    "role": "Occupational therapist, inpatient rehab hospital",
    "expertise": "Occupational therapy",
    "subtopics": "stroke rehabilitation\nhome modifications",
    "audience": "other OTs and OT students",
}
SCHOOL_OT = {
    "role": "School-based occupational therapist, school district",
    "expertise": "Occupational therapy",
    "subtopics": "handwriting\nsensory processing",
    "audience": "teachers and parents",
}
ICU_NURSE = {
    "role": "ICU nurse, academic medical center",
    "expertise": "Nursing",
    "subtopics": "sepsis\nnurse staffing",
    "audience": "other nurses and nursing students",
}
CONTRACTOR_QS = {
    "role": "Senior quantity surveyor, main contractor",
    "expertise": "Quantity surveying",
    "subtopics": "NEC contracts\ncost planning",
    "audience": "other QSs and project managers",
}
CLIENT_QS = {
    "role": "Associate, cost consultancy (client-side QS)",
    "expertise": "Quantity surveying",
    "subtopics": "cost planning\nwhole life carbon",
    "audience": "clients and architects",
}


def keys(work: dict, goals: tuple[str, ...] = ("expert",)) -> list[str]:
    """The keys of the themes suggested, in order."""
    return [c.key for c in suggest_themes(work, list(goals), LIB)]


def ticked(work: dict, goals: tuple[str, ...] = ("expert",)) -> list[str]:
    """The keys of the themes the themes step ticks first."""
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    return [r["key"] for r in rows if r["include"]]


def test_a_farm_vet_is_not_given_a_small_animal_plan():
    chosen = ticked(FARM_VET, ("expert", "hiring"))
    assert set(chosen[:2]) == {
        "area:veterinary-medicine:farm-antibiotics",
        "area:veterinary-medicine:farm-health",
    }
    # Small animal stewardship (PROTECT ME, cystitis courses) gives way to a
    # second farm theme: lameness, worms and fluke.
    assert "area:veterinary-medicine:lameness-and-parasites" in chosen
    assert "area:veterinary-medicine:antimicrobials" not in chosen
    assert "area:veterinary-medicine:dental" not in chosen
    assert "area:veterinary-medicine:costs" not in chosen
    order = keys(FARM_VET, ("expert", "hiring"))
    # Themes for any setting are offered before small animal ones, which may
    # not be offered at all.
    anywhere = order.index("area:veterinary-medicine:end-of-life-and-wellbeing")
    for pet in ("dental", "costs"):
        key = f"area:veterinary-medicine:{pet}"
        assert key not in order or order.index(key) > anywhere


def test_a_small_animal_vet_still_gets_dentistry_and_costs():
    chosen = ticked(PET_VET)
    assert chosen[0] == "area:veterinary-medicine:dental"
    assert "area:veterinary-medicine:costs" in chosen
    assert not any(key.startswith("area:veterinary-medicine:farm") for key in chosen)
    assert "area:veterinary-medicine:lameness-and-parasites" not in chosen
    stewardship = ticked({**PET_VET, "subtopics": "antibiotic prescribing in pets"})
    assert stewardship[0] == "area:veterinary-medicine:antimicrobials"


def test_an_inpatient_rehab_ot_gets_no_school_or_mental_health_themes():
    chosen = ticked(REHAB_OT)
    offered = keys(REHAB_OT)
    assert "area:occupational-therapy:mental-health-work" not in offered
    assert "area:occupational-therapy:children" not in offered
    assert set(chosen[:2]) == {
        "area:occupational-therapy:rehab",
        "area:occupational-therapy:home-modifications",
    }
    assert "area:occupational-therapy:children" not in chosen
    assert "area:occupational-therapy:mental-health-work" not in chosen
    assert "area:occupational-therapy:getting-home" in chosen


def test_a_school_ot_gets_school_themes_and_no_hospital_discharge():
    chosen = ticked(SCHOOL_OT)
    assert chosen[0] == "area:occupational-therapy:children"
    assert "area:occupational-therapy:getting-home" not in chosen
    assert "area:occupational-therapy:home-modifications" not in chosen
    assert "area:occupational-therapy:mental-health-work" not in chosen


def test_a_mental_health_ot_gets_the_mental_health_theme_first():
    work = {
        "role": "Occupational therapist, community mental health team",
        "expertise": "Occupational therapy",
        "subtopics": "vocational rehabilitation\nroutines",
        "audience": "other OTs",
    }
    chosen = ticked(work)
    assert chosen[0] == "area:occupational-therapy:mental-health-work"
    assert "area:occupational-therapy:children" not in chosen


def test_an_icu_nurse_gets_sepsis_and_staffing_not_filler():
    chosen = ticked(ICU_NURSE)
    assert chosen[0] == "area:nursing:sepsis"
    assert {"area:nursing:workforce", "area:nursing:unsafe-staffing"} <= set(chosen)
    for filler in ("revalidation-cpd", "public-voice", "debriefing", "simulation-design"):
        assert f"area:nursing:{filler}" not in chosen
    order = keys(ICU_NURSE)
    # A clinical theme for any setting is offered before filler, which comes last.
    assert "area:nursing:patient-safety" in order
    for filler in ("revalidation-cpd", "public-voice"):
        key = f"area:nursing:{filler}"
        assert key not in order or order.index(key) > order.index("area:nursing:patient-safety")


def test_an_icu_nurses_plan_runs_on_their_own_themes():
    plan = field_plan(ICU_NURSE, "US", every=False, weeks=2)
    titles = [theme.title for theme in plan.outline]
    assert len(titles) == PRESELECTED
    assert not any(t.startswith(("Licensure", "Speaking as a nurse")) for t in titles)
    assert any(t.startswith("Sepsis") for t in titles)


def test_a_nurse_educator_still_gets_simulation():
    work = {
        "role": "Clinical nurse educator, teaching hospital",
        "expertise": "Nursing",
        "subtopics": "simulation\ndebriefing",
        "audience": "other educators",
    }
    chosen = ticked(work)
    assert "area:nursing:simulation-design" in chosen
    assert "area:nursing:debriefing" in chosen


def test_a_contractors_qs_gets_the_contractors_commercial_month_before_client_cost_plans():
    order = keys(CONTRACTOR_QS)
    chosen = ticked(CONTRACTOR_QS)
    assert "area:quantity-surveying:commercial-management" in chosen
    assert "area:quantity-surveying:cost-planning" not in chosen
    assert order.index("area:quantity-surveying:cost-planning") > order.index(
        "area:quantity-surveying:commercial-management"
    )


def test_a_client_side_qs_gets_cost_planning_not_cvr():
    chosen = ticked(CLIENT_QS)
    assert chosen[0] == "area:quantity-surveying:cost-planning"
    assert "area:quantity-surveying:commercial-management" not in chosen


def test_someone_who_names_no_setting_loses_no_theme():
    """A QS or OT who says nothing about where they work sees every theme in the
    library's order for their sub-topics, as before."""
    work = {"expertise": "Occupational therapy", "subtopics": "", "audience": ""}
    area = LIB.area("occupational-therapy")
    assert all(theme_setting(area, t, work) == ANY_SETTING for t in area.themes)
    assert ticked(work) == [f"area:occupational-therapy:{t.slug}" for t in area.themes[:4]]


def test_a_setting_is_named_by_the_role_the_sub_topics_or_the_audience():
    area = LIB.area("occupational-therapy")
    children = area.theme("children")
    by_audience = {"expertise": "Occupational therapy", "audience": "parents of children"}
    by_topic = {"expertise": "Occupational therapy", "subtopics": "handwriting"}
    elsewhere = {"expertise": "Occupational therapy", "role": "OT, inpatient rehab hospital"}
    assert theme_setting(area, children, by_audience) == IN_SETTING
    assert theme_setting(area, children, by_topic) == IN_SETTING
    assert theme_setting(area, children, elsewhere) == OFF_SETTING


def test_setting_words_fold_plurals_and_keep_short_words():
    assert {"pet", "gp", "icu", "farmer"} <= setting_words("Pets, GPs, ICU and farmers")
    assert "sepsis" in setting_words("sepsis") or "sepsi" in setting_words("sepsis")


def test_careers_and_profession_themes_are_general():
    """Someone who posts to hire gets hiring posts from the careers theme's angles,
    so the theme itself still comes after their own subjects."""
    assert is_general(LIB.area("veterinary-medicine").theme("careers"))
    assert is_general(LIB.area("occupational-therapy").theme("profession"))
    nursing = LIB.area("nursing")
    assert is_general(nursing.theme("public-voice"))
    assert not is_general(nursing.theme("sepsis"))


def test_a_controllers_plan_is_not_led_by_careers():
    work = {
        "role": "Financial controller, SaaS company",
        "expertise": "Accounting",
        "subtopics": "revenue recognition\nmonth-end close",
        "audience": "finance teams",
    }
    assert "area:accounting-financial-reporting:career" not in ticked(work)


@pytest.mark.parametrize(
    "work",
    [FARM_VET, PET_VET, REHAB_OT, SCHOOL_OT, ICU_NURSE, CONTRACTOR_QS, CLIENT_QS],
    ids=["farm-vet", "pet-vet", "rehab-ot", "school-ot", "icu", "contractor-qs", "client-qs"],
)
def test_the_themes_step_still_offers_as_many_and_ticks_four(work):
    rows = theme_rows(suggest_themes(work, ["expert"], LIB))
    assert len(rows) == SUGGESTIONS
    assert sum(r["include"] for r in rows) == PRESELECTED
    assert len({r["key"] for r in rows}) == len(rows)


def test_settings_and_general_are_checked_in_a_field_file():
    good = {"slug": "t", "title": "A theme", "summary": "S.", "angles": []}
    for bad in ({"settings": "school"}, {"settings": [""]}, {"general": "yes"}):
        data = {"name": "X", "themes": [{**good, **bad}]}
        problems = field_problems("x", {**_minimal_field(), **data}, "Sources: x", {"f"}, {"s"})
        assert any(("settings" in p or "general" in p) for p in problems), bad
    data = {**_minimal_field(), "name": "X", "themes": [good], "settings": "farm"}
    assert "settings: need a list of words naming settings" in field_problems(
        "x", data, "Sources: x", {"f"}, {"s"}
    )


def _minimal_field() -> dict:
    return {
        "family": "f",
        "sectors": ["s"],
        "aliases": [],
        "concepts": [],
        "audiences": [],
        "follow": [],
        "subtopics": [],
    }


POLICY_PLANNER = {
    "role": "Senior planning officer, district council",
    "expertise": "Town planning",
    "subtopics": "local plans\ndesign codes",
    "audience": "other planners and local developers",
}
DM_PLANNER = {
    "role": "Development management officer, borough council",
    "expertise": "Town planning",
    "subtopics": "major applications\nbiodiversity net gain",
    "audience": "applicants and agents",
}


def test_a_policy_planner_gets_local_plans_first_and_no_casework_ticked():
    """Local plans and design codes: the local plans theme comes first (it is
    written for plan-making), biodiversity net gain and design codes next, and
    the development management themes are offered, never ticked."""
    order = keys(POLICY_PLANNER)
    assert order[:2] == ["area:town-planning:local-plans", "area:town-planning:nature-and-design"]
    chosen = ticked(POLICY_PLANNER)
    for casework in ("applications", "committees", "appeals"):
        assert f"area:town-planning:{casework}" not in chosen


def test_a_development_management_officer_gets_applications_before_local_plans():
    """A case officer's themes are applications, committees and appeals; local
    plans come after them and are not ticked."""
    order = keys(DM_PLANNER)
    assert order[0] == "area:town-planning:applications"
    chosen = ticked(DM_PLANNER)
    assert "area:town-planning:local-plans" not in chosen
    assert "area:town-planning:committees" in chosen


@pytest.mark.parametrize(
    ("role", "subtopics", "own", "later"),
    [
        (
            "Social worker, children's services",
            "child protection\ncare proceedings",
            "court-work",
            "adults",
        ),
        (
            "Social worker, adult social care",
            "hospital discharge\nCare Act assessments",
            "adults",
            "court-work",
        ),
    ],
)
def test_a_social_worker_gets_the_themes_of_their_own_service(role, subtopics, own, later):
    """Children's and adults' social work are different jobs: each gets its
    own service's theme first, and the other's offered but not ticked."""
    work = {
        "role": role,
        "expertise": "Social work",
        "subtopics": subtopics,
        "audience": "other social workers",
    }
    assert keys(work)[0] == f"area:social-work:{own}"
    assert f"area:social-work:{later}" not in ticked(work)


def test_a_social_worker_who_names_no_service_keeps_both():
    """Someone who does not say where they work loses neither theme."""
    work = {
        "role": "Social worker",
        "expertise": "Social work",
        "subtopics": "recording\nsupervision",
        "audience": "other social workers",
    }
    area = LIB.area("social-work")
    for slug in ("adults", "families", "court-work"):
        theme = next(t for t in area.themes if t.slug == slug)
        assert theme_setting(area, theme, work) == ANY_SETTING


def test_advising_hr_is_for_the_respondent_side_only():
    """A claimant's employment lawyer is not ticked 'Advising HR and business
    owners well'; a respondent's, who writes for HR managers, is."""
    claimant = {
        "role": "Employment solicitor acting for claimants, law centre",
        "expertise": "Employment law",
        "subtopics": "unfair dismissal\ndiscrimination claims",
        "audience": "employees and union reps",
    }
    respondent = {
        "role": "Employment solicitor, regional law firm",
        "expertise": "Employment law",
        "subtopics": "unfair dismissal\nsettlement agreements",
        "audience": "HR managers and business owners",
    }
    assert "area:employment-law:working-with-hr" not in ticked(claimant)
    assert "area:employment-law:working-with-hr" in ticked(respondent)
