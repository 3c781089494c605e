"""Physiotherapists and quantity surveyors match their own field guides and
read the cards their work needs: a physio's cards speak of clinics, patients,
kit and the HCPC, never of ambulance scenes or dashcams."""

from __future__ import annotations

import pytest

from tests.field_plans import field_playbook
from tests.test_playbook import text_of
from wizard.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def playbook(library, expertise: str, role: str, country: str = "") -> dict:
    return field_playbook(library, expertise, role, country)


PHYSIOS = [
    ("Physiotherapy", "Physiotherapist, NHS musculoskeletal outpatients"),
    ("MSK physiotherapy", "Band 6 physio"),
    ("Sports physio", "Physiotherapist at a running clinic"),
    ("Physical therapy", "Outpatient physical therapist"),
]


@pytest.mark.parametrize(("expertise", "role"), PHYSIOS)
def test_a_physiotherapist_matches_physiotherapy(library, expertise, role):
    area = library.field_for({"expertise": expertise, "role": role})
    assert area is not None and area.slug == "physiotherapy"


def test_a_uk_physio_reads_the_hcpc_and_no_ambulance_lines(library):
    book = playbook(
        library, "Physiotherapy", "Physiotherapist, NHS musculoskeletal outpatients", "GB"
    )
    everything = " ".join(text_of(e) for e in book.values())
    for word in ("dashcam", "body-worn", "road traffic collision", "a vehicle at an address"):
        assert word not in everything
    assert "GMC, NMC" not in everything
    assert "the HCPC" in " ".join(book["photos-at-work"].do)
    photos = " ".join(book["photos-at-work"].dont)
    assert "gait analysis" in photos and "video recorded for a patient's assessment" in photos
    advice = text_of(book["clinical-advice-online"])
    assert "physiotherapy self-referral" in advice and "A&E" in advice
    kit = book["kit-and-brands"]
    assert kit.approach == "Decline, and keep to the evidence"
    assert any("discount code" in line for line in kit.dont)
    assert "patient-story" in book and "connection-requests" in book
    error = " ".join(book["error-or-inquest"].do)
    assert "tell the CSP, your union and professional body" in error
    nurse = " ".join(playbook(library, "Nursing", "Staff nurse", "GB")["error-or-inquest"].do)
    assert "union, professional body or defen" in nurse


def test_a_us_physical_therapist_reads_the_state_board(library):
    book = playbook(library, "Physical therapy", "Outpatient physical therapist", "US")
    assert "your state physical therapy board" in text_of(book["photos-at-work"])
    assert "911" in text_of(book["clinical-advice-online"])
    assert "dashcam" not in " ".join(text_of(e) for e in book.values())


def test_only_paramedics_keep_the_scene_and_footage_lines(library):
    photos = " ".join(playbook(library, "Paramedicine", "Paramedic", "GB")["photos-at-work"].dont)
    assert "road traffic collision" in photos and "dashcam" in photos
    for expertise, role in (("Nursing", "Staff nurse"), ("Midwifery", "Community midwife")):
        everything = " ".join(text_of(e) for e in playbook(library, expertise, role, "GB").values())
        for word in ("dashcam", "body-worn", "road traffic collision", "a vehicle at an address"):
            assert word not in everything, (expertise, word)


def test_only_a_physio_is_offered_the_kit_card(library):
    assert "kit-and-brands" not in playbook(library, "Nursing", "Staff nurse")
    assert "kit-and-brands" not in playbook(
        library, "Occupational therapy", "Occupational therapist"
    )


def test_physio_public_advice_carries_a_red_flag_line(library):
    area = library.area("physiotherapy")
    angles = {a.slug: a for t in area.themes for a in t.angles}
    for slug in ("cauda-equina-red-flags", "ten-percent-rule", "shin-pain-or-bone"):
        assert any("not advice for you" in p for p in angles[slug].points)
    assert any("A&E" in p for p in angles["cauda-equina-red-flags"].points)


QUANTITY_SURVEYORS = [
    ("Quantity surveying", "Quantity surveyor, main contractor"),
    ("Cost consultancy", "Senior QS at a cost consultancy"),
    ("NEC4", "Commercial QS, tier one contractor"),
]


@pytest.mark.parametrize(("expertise", "role"), QUANTITY_SURVEYORS)
def test_a_quantity_surveyor_matches_quantity_surveying(library, expertise, role):
    area = library.field_for({"expertise": expertise, "role": role})
    assert area is not None and area.slug == "quantity-surveying"


def test_a_quantity_surveyor_reads_construction_s_commercial_cards(library):
    book = playbook(library, "Quantity surveying", "Quantity surveyor, main contractor", "GB")
    for slug in (
        "prices-and-accounts",
        "live-dispute",
        "naming-projects",
        "site-photos",
        "competitors-and-bids",
        "subcontractor-hospitality",
    ):
        assert slug in book, slug
    assert "competition law (the Competition Act 1998)" in text_of(book["competitors-and-bids"])
    hospitality = text_of(book["subcontractor-hospitality"])
    assert "the Bribery Act 2010" in hospitality and "RICS Rules of Conduct" in hospitality
    criticism = book["criticism-of-employer"]
    assert criticism.approach == "Don't reply; pass it on"
    assert not any(line.startswith(("Reply", "Correct", "Say that")) for line in criticism.do)
    # A contractor's QS sells nothing the general cards call products, and the
    # buyer's cards on supplier pitches and tenders give way to the sector's.
    for slug in ("praising-products", "vendor-pitch", "suppliers-and-negotiations", "live-tender"):
        assert slug not in book, slug
    everything = " ".join(text_of(e) for e in book.values())
    assert "unreleased products" not in everything and "patient" not in everything
    confidential = " ".join(book["confidential-information"].do)
    assert "CVR positions" in confidential and "pay and working conditions" in confidential


def test_a_us_quantity_surveyor_reads_antitrust_law(library):
    book = playbook(library, "Quantity surveying", "Quantity surveyor", "US")
    assert "antitrust law (the Sherman Act)" in text_of(book["competitors-and-bids"])
    assert "Bribery Act" not in text_of(book["subcontractor-hospitality"])


def test_qs_ideas_name_nec4_mechanisms(library):
    area = library.area("quantity-surveying")
    premises = " ".join(a.premise for t in area.themes for a in t.angles)
    for term in ("Early warnings", "compensation event", "Accepted Programme", "Disallowed Cost"):
        assert term in premises, term
    assert "Option A or Option C" in premises
