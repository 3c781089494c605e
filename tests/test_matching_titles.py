"""Job titles and fields people type, matched to the library's field guides:
a guide only where its themes and playbook are the person's own work, and
none where a word of the title only looks like a guide's ("Credit analyst"
is no academic because "CRediT" is a research taxonomy)."""

from __future__ import annotations

import pytest

from wizard.library import load_library
from wizard.library.match import Matcher

LIB = load_library()

# (role, expertise, sub-topics, the field guide Byline should use, or None).
TITLES = [
    # Words of a title spelled like a term of art of another field.
    (
        "Credit analyst, commercial bank",
        "Commercial credit analysis",
        "cash flow lending\ncovenants",
        "credit-risk",
    ),
    ("", "Credit analyst", "", "credit-risk"),
    ("", "Credit analysis", "", "credit-risk"),
    ("", "Credit risk", "", "credit-risk"),
    # An underwriter may be an insurer's: only a lender's words make it credit.
    ("", "Underwriter", "", None),
    ("Underwriter, Lloyd's syndicate", "Underwriter", "marine cargo", None),
    ("Underwriter, commercial bank", "Underwriter", "cash-flow lending\ncovenants", "credit-risk"),
    ("", "Rig worker", "", None),
    ("", "Invest in people", "", None),
    ("", "Focus group moderator", "", None),
    ("", "Cabin crew", "", None),
    ("", "Safe working practices", "", None),
    ("", "Direct marketing", "", None),
    ("", "Prompt engineering", "", "llm-application-engineering"),
    ("", "VAT", "", "tax"),
    # Jobs beside a field that share its words, and jobs the library has no guide for.
    ("Dental nurse", "Dental nurse", "", None),
    ("Dental nurse, NHS dental practice", "Dental nursing", "decontamination", None),
    ("", "Dental technician", "", None),
    ("", "Dental assistant", "", None),
    ("Firefighter", "Firefighter", "", None),
    ("", "Fire fighter", "", None),
    ("", "Fire and rescue", "", None),
    ("", "Fire safety officer", "", None),
    ("", "Fire safety inspector", "", None),
    ("Librarian", "Librarian", "", None),
    ("", "Public librarian", "", None),
    ("", "Children's librarian", "", None),
    ("", "Care home manager", "", None),
    ("", "Care assistant", "", None),
    ("", "Police officer", "", None),
    ("", "Hospital pharmacist", "", None),
    ("", "Event planner", "", None),
    ("", "Financial planner", "", None),
    ("", "Landscape architect", "", None),
    ("", "Conservation officer", "", None),
    ("", "School nurse", "", None),
    ("", "Nursery nurse", "", None),
    ("", "Youth worker", "", None),
    ("", "Loan officer", "", None),
    # The guides these people should get.
    ("Dental hygienist, family dental practice", "Dental hygiene", "gum disease", "dental-hygiene"),
    ("", "Fire engineer", "", "fire-safety-engineering"),
    ("Fire safety engineer, consultancy", "Fire safety engineering", "", "fire-safety-engineering"),
    ("School librarian, public high school", "School librarianship", "", "school-librarianship"),
    ("", "Teacher librarian", "", "school-librarianship"),
    ("", "Pharmacist", "", "community-pharmacy"),
    ("", "Pharmacy technician", "", "community-pharmacy"),
    ("", "Community pharmacist", "", "community-pharmacy"),
    ("", "Social worker", "", "social-work"),
    ("", "Planning officer", "", "town-planning"),
    ("", "Planning enforcement officer", "", "town-planning"),
    ("", "Midwife", "", "midwifery"),
    ("", "Nurse practitioner", "", "nursing"),
    ("", "Veterinary nurse", "", "veterinary-medicine"),
]


@pytest.mark.parametrize(("role", "expertise", "subtopics", "slug"), TITLES)
def test_a_typed_title_finds_its_own_guide_or_none(role, expertise, subtopics, slug):
    """Each title gets the guide written for its work, or none (the plan then
    says Byline has no guide for it) rather than a neighbour's."""
    work = {"role": role, "expertise": expertise, "subtopics": subtopics}
    area = LIB.field_for(work)
    assert (area.slug if area else None) == slug


FIELDS = [
    ("academia", ["Higher education", "lecturer"], [], ["CRediT", "peer review"]),
    ("risk", ["Risk management"], [], ["credit risk", "VaR"]),
]


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("CRediT", "academia"),  # the term, spelled the term's way
        ("Credit", None),  # the everyday word: one plain word picks no field
        ("credit", None),
        ("credit risk", "risk"),  # a whole phrase of another field
    ],
)
def test_a_term_spelled_like_an_everyday_word_counts_only_in_its_own_spelling(typed, slug):
    """A term of art that is also an everyday word is a term only where the
    text spells it the term's way."""
    assert Matcher(FIELDS, everyday={"credit"}).match(typed) == slug


def test_without_everyday_words_a_term_matches_in_any_case():
    """The rule needs the list of everyday words: a term not on it ("VaR")
    matches however it is typed."""
    assert Matcher(FIELDS).match("credit") == "academia"
    assert Matcher(FIELDS, everyday={"credit"}).match("var") == "risk"


@pytest.mark.parametrize(
    ("typed", "sector"),
    [
        ("Credit analyst, commercial bank", "financial-services"),
        ("Loan officer", "financial-services"),
        ("Financial planner", "financial-services"),
        ("Underwriter", "financial-services"),
        ("Orthodontist", "healthcare"),
        ("Dental nurse", "healthcare"),
    ],
)
def test_a_title_without_a_guide_still_gets_its_sectors_playbook(typed, sector):
    """A person outside the library's fields reads the situations of the
    sector their title names: a bank's credit analyst the financial
    services cards (inside information, advice requests)."""
    assert sector in LIB.sectors_for(typed)
