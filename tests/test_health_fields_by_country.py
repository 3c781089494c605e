"""Healthcare and veterinary plans read in the reader's own country and setting.

A US ICU nurse reads US words in every card (report sheets, a room, the patient
relations office, no NHS bay or PALS), sepsis timing as the 2021 guidelines
give it (one hour for shock, three for possible sepsis), and themes about her
own sub-topics, not licensure or social media. A GB mixed-practice vet who
writes for farmers gets farm material (metaphylaxis under the 2024 rules,
selective dry cow therapy, herd health) and a card on suspected notifiable
disease that sends the report to APHA.
"""

from __future__ import annotations

import pytest

from tests.field_plans import field_plan
from tests.test_nursing_guidance import ICU_NURSE, idea_text, strings
from tests.test_playbook import playbook, text_of
from wizard.library import load_library

MIXED_VET = {
    "role": "Veterinary surgeon, mixed practice",
    "expertise": "Veterinary medicine",
    "subtopics": "antimicrobial resistance\nfarm animal health",
    "audience": "farmers and other vets",
}


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def us_icu(library):
    return field_plan(ICU_NURSE, "US", every=False, weeks=2, library=library)


@pytest.fixture(scope="module")
def gb_vet(library):
    return field_plan(MIXED_VET, "GB", every=False, weeks=2, library=library)


def test_sepsis_timing_is_as_the_guidelines_give_it(us_icu):
    titles = [t.title for t in us_icu.outline]
    assert not any("within the hour" in t for t in titles), titles
    ideas = idea_text(us_icu)
    assert "3 hours for possible sepsis" in ideas
    assert "Wong et al." in ideas  # the Epic Sepsis Model's external validation


def test_a_us_icu_nurse_s_themes_are_her_sub_topics(us_icu):
    titles = " ".join(t.title for t in us_icu.outline)
    for off_brief in ("registration", "Registration", "Speaking as a nurse"):
        assert off_brief not in titles, titles
    assert "Assignment Despite Objection" in idea_text(us_icu)


def test_a_us_icu_nurse_is_not_asked_about_her_own_hospital(us_icu):
    asks = [i.make_it_yours for i in us_icu.ideas if "sepsis" in " ".join(strings(i)).lower()]
    assert asks
    for ask in asks:
        assert "where you work" not in ask and "on your unit" not in ask, ask


def test_a_us_icu_nurse_reads_us_words_in_her_playbook(us_icu, library):
    book = playbook(library, "Nursing", "ICU nurse", country="US")
    everything = " ".join(text_of(e) for e in book.values())
    for word in ("a bay", "handover", "patient advice or relations service",
                 "major or critical incident", "the service's statement",
                 "Freedom to Speak Up"):
        assert word not in everything, word
    assert "report sheets" in everything and "patient advocate" in everything
    assert "NEWS2" not in us_icu.tone.explain_terms
    uk = playbook(library, "Nursing", "Staff nurse", country="GB")
    assert "handover sheets" in text_of(uk["photos-at-work"])
    assert "Freedom to Speak Up Guardian" in text_of(uk["safety-concern"])


def test_a_mixed_vet_writing_for_farmers_gets_farm_material(gb_vet):
    titles = " ".join(t.title for t in gb_vet.outline)
    assert "farm" in titles.lower(), titles
    assert "Dental" not in titles, titles
    ideas = idea_text(gb_vet)
    assert "metaphylaxis" in ideas.lower()
    assert "selective dry cow therapy" in ideas.lower() or "teat sealant" in ideas
    assert "rare in small animal work" not in ideas


def test_a_vet_reports_a_suspected_notifiable_disease(library):
    gb = playbook(library, "Veterinary medicine", "Farm vet", country="GB")
    assert "APHA" in text_of(gb["notifiable-disease-suspected"])
    us = playbook(library, "Veterinary medicine", "Large animal vet", country="US")
    assert "state veterinarian" in text_of(us["notifiable-disease-suspected"])


PHARMACIST = {
    "role": "Community pharmacist, independent pharmacy",
    "expertise": "Community pharmacy",
    "subtopics": "Pharmacy First\nmedicines shortages",
    "audience": "GPs and other pharmacists",
}
REHAB_OT = {
    "role": "Occupational therapist, inpatient rehab hospital",
    "expertise": "Occupational therapy",
    "subtopics": "stroke rehabilitation\nhome modifications",
    "audience": "other OTs and OT students",
}


def test_a_gb_pharmacist_reads_the_rp_rule_as_it_is(library):
    plan = field_plan(PHARMACIST, "GB", every=True, weeks=1, library=library)
    ideas = idea_text(plan)
    assert "can't open without a responsible pharmacist" not in ideas
    assert "two hours" in ideas
    assert "England" in " ".join(t.summary for t in plan.outline if "Pharmacy First" in t.title)
    # An employee is never asked for the business's income or what it refused to change.
    for ask in ("What share of your income", "What did you refuse to change"):
        assert ask not in ideas, ask


def test_a_gb_pharmacist_s_playbook_is_a_pharmacy_s_not_a_hospital_s(library):
    book = playbook(library, "Community pharmacy", "Community pharmacist", country="GB")
    everything = " ".join(text_of(e) for e in book.values())
    for word in ("PSNI", "Freedom to Speak Up", "patient advice or relations service",
                 "patient relations team", "handover"):
        assert word not in everything, word
    assert "superintendent pharmacist" in text_of(book["safety-concern"])
    assert "indemnity insurer" in text_of(book["error-or-inquest"])
    funding = text_of(book["local-practices-and-funding"])
    assert "buying prices" in funding and "competition law" in funding
    us = playbook(library, "Community pharmacy", "Community pharmacist", country="US")
    assert "local-practices-and-funding" not in us


def test_a_us_rehab_ot_reads_us_rehab_and_home_modifications(library):
    plan = field_plan(REHAB_OT, "US", every=False, weeks=2, library=library)
    titles = " ".join(t.title for t in plan.outline)
    assert "Home modifications" in titles, titles
    assert "Children" not in titles and "Mental health" not in titles, titles
    everything = " ".join(strings(plan))
    for word in ("DFG", "Disabled Facilities Grant", "NG236", "EHC plan", "fit note",
                 "discharge to assess", "Discharge to assess", "positive risk-taking"):
        assert word not in everything, word
    ideas = idea_text(plan)
    assert "Section GG" in ideas and "Medicare" in ideas
    assert "deliverable" not in " ".join(strings(plan.tone))


def test_a_dental_practice_reads_its_own_routes_not_a_hospital_s(library):
    book = playbook(library, "Dental hygiene", "Dental hygienist", country="US")
    everything = " ".join(text_of(e) for e in book.values())
    for word in ("report sheets", "patient relations", "patient advocate", "handover"):
        assert word not in everything, word
    assert "practice's complaints procedure" in text_of(book["patient-contacts-you"])
