"""Midwives are matched to midwifery and read their own cards: a family
tagging them in birth photos, on-call and lone working, a safeguarding worry
that arrives by message, and the home birth debate; a pregnant woman with a
worry is sent to her maternity unit, not a GP or a pharmacist, and a UK
midwife's regulator is the NMC alone. Architects are matched to architecture
and read the structures sector's cards with four of their own (advice on
someone's home, a live application and its objectors, energy and carbon
claims, the title and the code), with nothing about products or customers."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_playbook import playbook, text_of
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

MIDWIFE_CARDS = {
    "family-tags-you-in-birth-photos",
    "on-call-and-lone-working",
    "safeguarding-concern-online",
    "home-birth-debate",
}


LIB = load_library()


@pytest.fixture(scope="module")
def library():
    return LIB


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("Midwifery", "Community midwife, NHS trust"),
        ("Midwife", "Band 6 midwife on the labour ward"),
        ("Community midwife", "Community midwife"),
        ("Certified nurse-midwife", "CNM at a birth center"),
        ("Student midwife", "Third-year student midwife"),
    ],
)
def test_midwives_match_midwifery_and_read_its_cards(library, expertise, role):
    work = {"expertise": expertise, "role": role}
    assert library.field_for(work).slug == "midwifery"
    book = playbook(library, expertise, role, country="GB")
    assert set(book) >= MIDWIFE_CARDS
    assert "patient-story" in book  # the healthcare sector's cards stay


def test_a_nurse_does_not_read_the_midwives_cards(library):
    book = playbook(library, "Nursing", "Staff nurse on an NHS ward", country="GB")
    assert not MIDWIFE_CARDS & set(book)


def test_a_pregnant_woman_with_a_worry_is_sent_to_maternity_triage(library):
    gb = text_of(
        playbook(library, "Midwifery", "Community midwife", country="GB")["clinical-advice-online"]
    )
    assert "maternity unit's triage" in gb
    assert "their GP or a pharmacist" not in gb
    us = text_of(
        playbook(library, "Midwifery", "Certified nurse-midwife", country="US")[
            "clinical-advice-online"
        ]
    )
    assert "labor and delivery triage" in us
    assert "911" in us


def test_a_uk_midwife_reads_the_nmc_alone(library):
    book = playbook(library, "Midwifery", "Community midwife", country="GB")
    words = " ".join(text_of(entry) for entry in book.values())
    assert "the NMC" in words
    assert "GMC" not in words and "HCPC" not in words
    us = playbook(library, "Midwifery", "Certified nurse-midwife", country="US")
    assert "state board of nursing or of midwifery" in " ".join(text_of(e) for e in us.values())


def test_the_midwives_cards_keep_families_and_places_out_of_posts(library):
    book = playbook(library, "Midwifery", "Community midwife", country="GB")
    tagged = text_of(book["family-tags-you-in-birth-photos"])
    assert "Like, comment on or share" in tagged
    on_call = text_of(book["on-call-and-lone-working"])
    assert "on call" in on_call and "lone working" in on_call
    assert "same day" in text_of(book["safeguarding-concern-online"])
    debate = text_of(book["home-birth-debate"])
    assert "Birthplace in England" in debate
    assert "speak-up guardian" in debate


def reviewed_plan(expertise: str, role: str, subtopics: str, audience: str, country, rung):
    """The plan of a person the practitioners' review read, as the themes step offers it."""
    work = {
        "expertise": expertise,
        "role": role,
        "subtopics": subtopics,
        "audience": audience,
        "country": country,
    }
    goals = ["expert", "network"]
    rows = theme_rows(suggest_themes(work, goals, LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": goals},
        "tone": {},
        "themes": {
            "themes": rows,
            "start_date": "2026-12-07",
            "time_zone": "Europe/London",
            "country": country,
        },
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


def midwife_plan(country="GB", rung=2):
    """The reviewed community midwife's plan (home births, perinatal mental health)."""
    return reviewed_plan(
        "Midwifery",
        "Community midwife, NHS trust",
        "home births\nperinatal mental health",
        "other midwives and student midwives",
        country,
        rung,
    )


def test_a_midwife_s_plan_is_built_from_the_field_and_names_its_evidence():
    made = midwife_plan()
    titles = " ".join(i.hook for t in made.outline for i in t.ideas)
    assert "home birth" in titles.lower()
    assert made.area_name == "Midwifery"
    assert made.field_note is None
    assert any(
        w in titles for w in ("Birthplace", "Whooley", "Postpartum psychosis", "second midwife")
    )
    # Never a birth "this week": the playbook forbids it and births at home are few.
    posts = " ".join(i.hook for t in made.outline for i in t.ideas if i.is_post)
    assert "this week" not in posts
    assert "small win" not in posts


# Architects: matched to architecture in the structures sector, with four
# cards of their own, and no product or customer wording anywhere.
ARCHITECT_CARDS = {
    "home-project-advice",
    "live-application-objectors",
    "energy-carbon-claims",
    "title-code-and-peers",
}


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("Architecture", "Associate architect, small practice"),
        ("Architect", "Project architect"),
        ("RIBA chartered architect", "Director, small practice"),
        ("Part 2 architectural assistant", "Architectural assistant"),
        ("Architect", "Associate at a small practice"),
    ],
)
def test_architects_match_architecture_and_read_its_cards(library, expertise, role):
    work = {"expertise": expertise, "role": role}
    assert library.field_for(work).slug == "architecture"
    book = playbook(library, expertise, role, country="GB")
    assert set(book) >= ARCHITECT_CARDS
    assert {"live-projects", "structure-advice"} <= set(book)
    # Borehole logs and wells are the environment family's, not an architect's.
    assert not {"client-site-results", "someones-own-land", "pollution-in-the-news"} & set(book)
    # An architect has no products to praise and no customers complaining.
    assert not {"praising-products", "customer-complaint"} & set(book)


def test_a_software_architect_who_types_architect_stays_in_software(library):
    work = {"expertise": "Architect", "role": "Solutions architect at a bank"}
    assert library.field_for(work).slug == "software-architecture"
    for text in (
        "Software architect",
        "Solutions architect",
        "Cloud architect",
        "Landscape architect",
    ):
        area = library.match_expertise(text)
        assert area is None or area.slug != "architecture", text


def test_a_structural_engineer_does_not_read_the_architects_cards(library):
    book = playbook(
        library, "Structural engineering", "Associate structural engineer", country="GB"
    )
    assert not ARCHITECT_CARDS & set(book)


def test_an_architect_s_cards_name_their_regulator_and_the_claims_rules(library):
    gb = playbook(library, "Architecture", "Associate architect", country="GB")
    assert "the ARB" in text_of(gb["title-code-and-peers"])
    assert "Green Claims Code" in text_of(gb["energy-carbon-claims"])
    assert "the local planning authority" in text_of(gb["live-application-objectors"])
    assert "indemnity insurance" in text_of(gb["home-project-advice"])
    us = playbook(library, "Architecture", "Licensed architect", country="US")
    assert "state architecture licensing board" in text_of(us["title-code-and-peers"])
    assert "Green Guides" in text_of(us["energy-carbon-claims"])


def test_a_small_practice_goes_to_its_director_not_a_comms_team(library):
    book = playbook(library, "Architecture", "Associate architect, small practice", country="GB")
    assert "director" in book["post-goes-viral"].approach
    assert "director" in book["journalist-contact"].approach
    assert "photographer" in text_of(book["live-projects"])


def architect_plan(country="GB", rung=2):
    """The reviewed associate architect's plan (retrofit, planning applications)."""
    return reviewed_plan(
        "Architecture",
        "Associate architect, small practice",
        "retrofit\nplanning applications",
        "homeowners and developers",
        country,
        rung,
    )


def test_an_architect_s_plan_names_planning_and_retrofit_and_sells_nothing():
    made = architect_plan()
    assert made.area_name == "Architecture"
    hooks = " ".join(i.hook for t in made.outline for i in t.ideas)
    assert any(w in hooks for w in ("permitted development", "Permitted development", "validation"))
    assert any(
        w in hooks for w in ("moisture", "Internal wall insulation", "whole-house", "One measure")
    )
    assert "our product" not in hooks and "customer" not in hooks


def test_a_us_architect_s_plan_carries_no_english_planning_routes():
    made = architect_plan(country="US")
    hooks = " ".join(i.hook for t in made.outline for i in t.ideas)
    for english in (
        "ermitted development",
        "lawful development certificate",
        "An EPC",
        "validation",
    ):
        assert english not in hooks, english


def test_a_us_midwife_s_plan_carries_no_uk_only_angles():
    made = midwife_plan(country="US")
    hooks = " ".join(i.hook for t in made.outline for i in t.ideas)
    for british in (
        "Whooley",
        "booking appointment",
        "Midwifery units are",
        "restorative supervision",
    ):
        assert british not in hooks, british
