"""The sector overlays in the words of the person's workplace: a dental
practice or a pharmacy has no wards, trusts, shift leads or compliance
hotline, and a school librarian or a school nurse has no department chair."""

from __future__ import annotations

import re

import pytest

from tests.field_plans import field_playbook
from wizard.library import load_library

LIB = load_library()

# A hospital's routes and papers, which a small practice's playbook must not
# hold ("a photo from a ward, a clinic, a pharmacy" lists places, and stays; a
# colleague's death in the US still awaits the medical examiner's findings).
HOSPITAL = re.compile(
    r"\b(a bay|the trust|person in charge of the shift|compliance hotline|Joint Commission|"
    r"patient relations|PALS|handover sheets|report sheets|"
    r"comms team|Freedom to Speak Up|health system)\b"
)


def playbook_text(expertise: str, role: str, country: str) -> str:
    """Every line of the playbook a person in ``role`` reads, as one text."""
    entries = field_playbook(LIB, expertise, role, country).values()
    return "\n".join(
        line for e in entries for line in (e.title, e.summary, e.approach, e.detail, *e.do, *e.dont)
    )


@pytest.mark.parametrize(
    ("expertise", "role", "country"),
    [
        ("Dental hygiene", "Dental hygienist, family dental practice", "US"),
        ("Dental hygiene", "Dental hygienist, family dental practice", "GB"),
        ("Dental nursing", "Dental nurse, NHS dental practice", "GB"),
        ("Dental nursing", "Dental nurse, family dental practice", "US"),
        ("Community pharmacy", "Community pharmacist, independent pharmacy", "GB"),
        ("Community pharmacy", "Community pharmacist, independent pharmacy", "US"),
        ("Optometry", "Optometrist, independent optician's practice", "GB"),
    ],
)
def test_a_small_practices_playbook_holds_no_hospital_words(expertise, role, country):
    """A practice's playbook sends concerns and complaints to the practice's
    own people and procedures, with or without a field guide."""
    text = playbook_text(expertise, role, country)
    assert "healthcare" in {s for s in LIB.sectors_for(f"{role} {expertise}")}
    assert not HOSPITAL.search(text), HOSPITAL.search(text).group(0)
    assert "practice" in text or "pharmacy" in text


def test_a_dental_nurse_raises_a_concern_with_the_practice():
    """A dental nurse (no field guide) raises a safety concern with the practice
    manager or owner, and points patients to the practice's complaints procedure."""
    text = playbook_text("Dental nursing", "Dental nurse, NHS dental practice", "GB")
    assert (
        "the practice manager or the practice owner, or the practice's incident reporting" in text
    )
    assert "the practice's complaints procedure" in text


def test_a_hospital_nurses_playbook_keeps_the_hospital_routes():
    """The practice words are for practices: a US hospital nurse still raises a
    concern with the person in charge of the shift or the compliance hotline."""
    text = playbook_text("Nursing", "ICU nurse, academic medical center", "US")
    assert "the person in charge of the shift" in text
    assert "compliance hotline" in text


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("School librarianship", "School librarian, public high school"),
        ("School nursing", "School nurse, public elementary school"),
        ("School counseling", "School counselor, public middle school"),
    ],
)
def test_school_staff_who_do_not_teach_have_no_department_chair(expertise, role):
    """A US school's librarian, nurse or counselor reports to no department
    chair, and no line names the principal twice."""
    text = playbook_text(expertise, role, "US")
    assert "department chair" not in text
    for line in text.splitlines():
        assert line.count("principal") < 2, line


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("School nursing", "School nurse, public elementary school"),
        ("School counseling", "School counselor, public middle school"),
    ],
)
def test_a_us_school_nurse_raises_concerns_through_the_district(expertise, role):
    """A US school nurse or counselor works for a district: no shift lead,
    compliance hotline, Joint Commission or hospital risk management."""
    text = playbook_text(expertise, role, "US")
    found = HOSPITAL.search(text) or re.search(r"risk management|nurses' station", text)
    assert not found, found.group(0)
    assert "the district's incident reporting" in text


def test_a_british_school_nurse_keeps_the_nhs_routes():
    """A UK school nurse is usually employed by an NHS community trust: the
    sector's own British words stay."""
    text = playbook_text("School nursing", "School nurse, primary school", "GB")
    assert "Freedom to Speak Up" in text
