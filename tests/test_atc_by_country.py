"""An air traffic controller's plan names their own country's bodies.

A US controller reads the FAA, its orders and the NTSB, ATSAP and a loss of
separation, never NATS, the CAA, CAP 1616 or the UK Airprox Board; a UK
controller keeps NATS, the CAA, the Airprox Board and CAP 1616.
"""

from __future__ import annotations

import re

import pytest

from tests.field_plans import field_plan
from tests.test_nursing_guidance import strings
from wizard.library import load_library

CONTROLLER = {
    "role": "Air traffic controller",
    "expertise": "air traffic control",
    "subtopics": "approach radar\nfatigue",
    "audience": "pilots and people thinking of becoming controllers",
}
UK_ONLY = re.compile(r"\bNATS\b|Airprox|CAP 1616|\bCAA\b|\bAAIB\b|Swanwick")


@pytest.fixture(scope="module")
def library():
    return load_library()


def plan_text(library, country: str) -> str:
    """Every line of a controller's plan with all the field's themes."""
    return "\n".join(strings(field_plan(CONTROLLER, country, library=library)))


@pytest.fixture(scope="module")
def us_text(library):
    return plan_text(library, "US")


@pytest.fixture(scope="module")
def gb_text(library):
    return plan_text(library, "GB")


def test_a_us_controller_reads_no_uk_body(us_text):
    found = sorted({m.group(0) for m in UK_ONLY.finditer(us_text)})
    lines = [line for line in us_text.splitlines() if UK_ONLY.search(line)]
    assert not found, lines[:5]


def test_a_us_controller_reads_the_faa_and_the_ntsb(us_text):
    for name in ("the FAA", "NTSB", "ATSAP", "loss of separation", "ARTCC", "ATSA", "NEPA"):
        assert name in us_text, name
    assert "the FAA's public affairs office" in us_text


def test_a_uk_controller_keeps_nats_the_caa_and_the_airprox_board(gb_text):
    for name in ("NATS", "the CAA", "UK Airprox Board", "CAP 1616", "AAIB"):
        assert name in gb_text, name
    assert "An incident, an accident or an Airprox is being investigated" in gb_text
    assert "ATSAP" not in gb_text and "ground delay program" not in gb_text


def angle_text(library, country: str) -> str:
    """Every angle of the field that reaches a reader in ``country``."""
    area = library.field_for(CONTROLLER)
    return "\n".join(
        " ".join([a.premise, *a.points, a.ask or ""])
        for theme in area.themes
        for a in theme.angles
        if a.holds_in(country)
    )


def test_every_angle_a_us_controller_can_get_is_in_us_words(library):
    text = angle_text(library, "US")
    for uk_word in ("EUROCONTROL", "ATS.OR", "holding stack", "Heathrow", "Airprox", "CAP 1616"):
        assert uk_word not in text, uk_word
    assert UK_ONLY.search(text) is None, UK_ONLY.search(text)
    for us_word in ("ground delay program", "holding pattern", "ATSAP", "NEPA", "ATSA"):
        assert us_word in text, us_word


def test_every_uk_body_stays_in_a_uk_controller_s_angles(library):
    text = angle_text(library, "GB")
    for uk_word in ("EUROCONTROL", "ATS.OR.320", "holding stack", "UK Airprox Board", "CAP 1616"):
        assert uk_word in text, uk_word
    assert "ATSAP" not in text and "ground delay program" not in text


def test_a_us_controller_s_cards_speak_of_a_facility_a_uk_one_s_of_a_unit(us_text, gb_text):
    assert "the roster at your facility" in us_text
    assert "the roster at your unit" not in us_text
    assert "the roster at your unit" in gb_text
