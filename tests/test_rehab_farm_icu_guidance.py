"""A US inpatient rehab OT, a GB farm vet and a US ICU nurse, read as each
would read their plan.

The OT gets no UK community OT theme (waiting lists, single-handed care), no
idea that reads as admitting a three-hour-rule shortfall, and healthcare cards
in an OT's words (a lead therapist, equipment, driving, CARF). The vet hears
the calf pen rather than the cat's teeth in their tone, gets a second farm
theme in place of small animal prescribing, no public admission of a shorter
course than the label, and the cards vets need most (a colleague's suicide, an
error or a complaint, routine procedures on camera) in a practice's words. The
nurse's staffing cards speak of concerted activity and of where a US staffing
concern really goes, and no idea names the EHR vendor.
"""

from __future__ import annotations

import pytest

from tests.field_plans import field_plan
from tests.test_health_fields_by_country import MIXED_VET, REHAB_OT
from tests.test_nursing_guidance import ICU_NURSE, idea_text, strings
from tests.test_playbook import playbook, text_of
from wizard.library import load_library

SMALL_ANIMAL_VET = {
    "role": "Small animal vet, first opinion practice",
    "expertise": "Veterinary medicine",
    "subtopics": "pet dental disease",
    "audience": "pet owners",
}


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def us_ot(library):
    return field_plan(REHAB_OT, "US", every=False, weeks=2, library=library)


@pytest.fixture(scope="module")
def gb_vet(library):
    return field_plan(MIXED_VET, "GB", every=False, weeks=2, library=library)


@pytest.fixture(scope="module")
def us_icu(library):
    return field_plan(ICU_NURSE, "US", every=False, weeks=2, library=library)


def test_a_us_rehab_ot_gets_no_uk_community_ot_theme(us_ot):
    titles = [t.title for t in us_ot.outline]
    assert "Equipment, adaptations and single-handed care" not in titles, titles
    everything = " ".join(strings(us_ot))
    for word in (
        "single-handed",
        "waiting list",
        "the taps",
        "cup of tea",
        "enabled rather than avoided",
    ):
        assert word not in everything, word


def test_a_us_rehab_ot_never_reads_as_admitting_a_three_hour_shortfall(us_ot):
    ideas = idea_text(us_ot)
    assert "isn't three hours of rehab" not in ideas
    assert "three-hour rule" in ideas
    assert "Renting?" not in ideas
    assert "secure route" in ideas  # families' photos never reach a personal phone


def test_a_us_rehab_ot_reads_healthcare_cards_in_an_ot_s_words(library):
    book = playbook(
        library, "Occupational therapy", "Occupational therapist, inpatient rehab", country="US"
    )
    everything = " ".join(text_of(e) for e in book.values())
    for word in ("charge nurse", "fluids", "wounds or medicines", "a pharmacist"):
        assert word not in everything, word
    assert "CARF" in text_of(book["safety-concern"])
    assert "a lead therapist" in text_of(book["safety-concern"])
    assert "driving" in text_of(book["clinical-advice-online"])
    assert "home health OT" in text_of(book["clinical-advice-online"])


def test_a_us_nurse_s_staffing_card_is_about_concerted_activity(library):
    book = playbook(library, "Nursing", "ICU nurse", country="US")
    safety = text_of(book["safety-concern"])
    assert "concerted activity" in safety and "a charge nurse may count" in safety
    assert "not automatically protected" in safety
    assert "state board of nursing, The Joint Commission" not in safety
    assert "professional association" not in text_of(book["error-or-inquest"])
    assert "you're part of" not in text_of(book["company-crisis"])


def test_a_us_icu_nurse_s_ideas_name_no_vendor_and_keep_sep1_apart(us_icu):
    ideas = idea_text(us_icu)
    assert "Epic" not in ideas
    assert "Wong et al." in ideas
    assert "Which part of care do you see slip first" not in ideas


def test_a_farm_vet_hears_the_farm_in_their_tone(gb_vet, library):
    tone = gb_vet.tone
    heard = " ".join(line.example + " " + line.counter for line in tone.lines)
    assert "cat" not in heard.split() and "dental" not in heard.lower(), heard
    assert "calves" in heard
    assert "RUMA" in tone.field_terms and "BSAVA" not in tone.field_terms
    pets = field_plan(SMALL_ANIMAL_VET, "GB", every=False, weeks=1, library=library)
    assert "BSAVA" in pets.tone.field_terms
    pet_heard = " ".join(line.example + line.counter for line in pets.tone.lines)
    assert "radiographs" in pet_heard and "dairy" not in pet_heard


def test_a_farm_vet_s_themes_are_farm_themes(gb_vet):
    titles = [t.title for t in gb_vet.outline]
    assert "Antibiotics: when not to prescribe" not in titles[:3], titles
    assert any("Lameness" in t for t in titles), titles
    ideas = idea_text(gb_vet)
    assert "shorter course than you were taught" not in ideas
    assert "Our hiring problem turned out to be a retention problem" not in ideas


def test_a_vet_s_playbook_covers_wellbeing_errors_and_routine_procedures(library):
    book = playbook(library, "Veterinary medicine", "Farm vet", country="GB")
    assert "Vetlife" in text_of(book["vet-colleague-suicide"])
    assert "Samaritans (116 123)" in text_of(book["vet-colleague-suicide"])
    assert "VDS" in text_of(book["vet-error-or-complaint"])
    assert "disbudding" in text_of(book["routine-procedures-on-camera"]).lower()
    assert "code" not in text_of(book["others-content"]).split()
    assert "customers" not in text_of(book["others-content"])
    assert "security" not in text_of(book["harassment-trolls"])
    assert "small firm" not in text_of(book["journalist-contact"])
    us = playbook(library, "Veterinary medicine", "Large animal vet", country="US")
    assert "988" in text_of(us["vet-colleague-suicide"])


def test_a_rehab_ot_is_told_what_to_do_when_a_supplier_asks_for_a_tag(library):
    book = playbook(library, "Occupational therapy", "Occupational therapist", country="US")
    supplier = text_of(book["equipment-supplier-endorsement"])
    assert "anti-kickback" in supplier
    physio = playbook(library, "Physiotherapy", "Physiotherapist", country="GB")
    assert "equipment-supplier-endorsement" not in physio


def test_an_icu_nurse_is_told_to_leave_donation_and_end_of_life_to_the_family(library):
    book = playbook(library, "Nursing", "ICU nurse", country="US")
    card = text_of(book["donation-and-end-of-life"])
    assert "organ procurement organization" in card and "withdrawal of treatment" in card
    ot = playbook(library, "Occupational therapy", "Occupational therapist", country="US")
    assert "donation-and-end-of-life" not in ot
