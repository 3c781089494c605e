"""The readers a person names in their own words ("other people in my field")
are named back to them as "your field" in a line that speaks to them ("How you
would put the difference to other people in your field"), and stay "my field"
in a line in their own voice (a title, the About)."""

from __future__ import annotations

import re

import pytest

from tests.test_unknown_safety import plan_of
from wizard.generators.audience import audience_for_you
from wizard.generators.themes import spare_template_angles
from wizard.library import load_library

LIB = load_library()


@pytest.mark.parametrize(
    ("typed", "spoken"),
    [
        ("other people in my field", "other people in your field"),
        ("people like me", "people like you"),
        ("Our partners and people I mentor", "Your partners and people you mentor"),
        ("US hiring managers", "US hiring managers"),
        ("Irish farmers", "Irish farmers"),
        ("museum curators", "museum curators"),
    ],
)
def test_first_person_readers_are_named_back_as_yours(typed, spoken):
    assert audience_for_you(typed) == spoken


def test_a_line_that_says_you_never_says_my_field_and_a_title_keeps_it():
    work = {
        "role": "Ecologist",
        "expertise": "ecological consultancy",
        "subtopics": "bat surveys\nhabitat assessments",
        "audience": "other people in my field",
    }
    plan = plan_of(work, 3)
    spare = spare_template_angles(work, LIB, [])
    you_lines = [i.make_it_yours for i in plan.ideas] + [s for i in plan.ideas for s in i.outline]
    you_lines += [a.ask for a in spare] + [p for a in spare for p in a.points]
    assert any("people in your field" in line for line in you_lines)
    for line in you_lines:
        if re.search(r"\byou(r)?\b", line, re.IGNORECASE):
            assert "in my field" not in line, line
    premises = [a.premise for a in spare] + [i.hook for i in plan.ideas]
    assert not any("in your field" in p for p in premises if re.search(r"\b(I|my)\b", p))
