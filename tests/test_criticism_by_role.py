"""Who answers criticism of their employer in public follows the person's
sector and role: someone at a public body (a council, the NHS, a US county),
in a regulated sector or in clinical work passes it to comms; an employee of
an unregulated private firm may correct a wrong fact once."""

from __future__ import annotations

import pytest

from tests.field_plans import field_playbook
from wizard.generators.playbook import person_standing
from wizard.generators.workplace import clinical_role, public_body
from wizard.library import load_library

LIB = load_library()
STAND = "let-it-stand"
CORRECT = "correct-facts"


def _start(expertise: str, role: str, country: str) -> str:
    """The approach the card starts on, read from its label (a sector or a
    workplace rewords "pass it to comms" as "pass it to your manager")."""
    label = field_playbook(LIB, expertise, role, country)["criticism-of-employer"].recommended_label
    if label.startswith("Don't reply"):
        return STAND
    assert label.startswith("Correct wrong facts"), label
    return CORRECT


@pytest.mark.parametrize(
    ("expertise", "role", "country", "start"),
    [
        # Public bodies, whatever the field (and with no field guide at all).
        ("Highways engineering", "Highways engineer, county council", "GB", STAND),
        ("Waste management", "Recycling officer, district council", "GB", STAND),
        ("Road maintenance", "Maintenance supervisor, county road department", "US", STAND),
        ("Town planning", "Senior planning officer, district council", "GB", STAND),
        # Clinical staff, in a known field or not.
        ("Diagnostic radiography", "Diagnostic radiographer, NHS hospital", "GB", STAND),
        ("Orthoptics", "Orthoptist, hospital eye department", "GB", STAND),
        ("Nursing", "ICU nurse, academic medical center", "US", STAND),
        # Regulated sectors.
        ("Penetration testing", "Penetration tester, security consultancy", "GB", STAND),
        ("Employment law", "Employment solicitor, regional law firm", "GB", STAND),
        ("Commercial credit analysis", "Credit analyst, commercial bank", "US", STAND),
        # Unregulated private firms: a wrong fact may be corrected once.
        ("Backend engineering", "Backend engineer, fintech startup", "GB", CORRECT),
        ("HVAC", "HVAC service technician, commercial mechanical contractor", "US", CORRECT),
    ],
)
def test_criticism_starts_on_the_roles_approach(
    expertise: str, role: str, country: str, start: str
) -> None:
    assert _start(expertise, role, country) == start


def test_the_role_words_are_read_narrowly() -> None:
    assert public_body("Highways engineer, county council")
    assert public_body("Policy adviser, civil service")
    assert public_body("Data analyst, NHS England")
    assert not public_body("Penetration tester, security consultancy")
    assert not public_body("HVAC service technician, commercial mechanical contractor")
    assert clinical_role("Staff nurse, care home")
    assert clinical_role("Band 6 physiotherapist")
    assert not clinical_role("Clinic receptionist") and not clinical_role("Nursery teacher")


def test_an_owner_answers_for_their_own_business() -> None:
    """A GP partner runs the practice: the owner's words, not an employee's."""
    standing = person_standing({"role": "Owner, Hale Electrical"})
    assert not standing.speaks_for_employer
    assert person_standing({"role": "Highways engineer, county council"}).speaks_for_employer
