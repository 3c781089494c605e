"""A field guide written first for one country keeps that country's bodies,
laws and credentials out of another country's plan: a US structural engineer
reads the IBC, ASCE 7 and the local building department, never the Building
Safety Act or the council's building control, and a UK one still reads them.
The check walks every string of the finished plan (themes, ideas, the
calendar, the playbook and the setup week), as the pages render them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date

import pytest

from tests.field_plans import field_plan
from wizard.library import load_library

LIBRARY = load_library()

# For each field cleaned so far: the work typed on step 1, the names a US
# reader must not meet, and the names a US and a UK reader each still meet.
FIELDS = {
    "structural-engineering": (
        {
            "role": "Associate structural engineer",
            "expertise": "Structural engineering",
            "subtopics": "building safety\nchecking calculations",
        },
        r"Building Safety Act|Building Safety Regulator|higher-risk building|"
        r"council's building control|chartered structural engineer|in England",
        ("IBC", "ASCE 7", "the local building department"),
        ("Building Safety Act", "the council's building control"),
    ),
    "employment-law": (
        {
            "role": "Employment lawyer advising employers",
            "expertise": "Employment law",
            "subtopics": "dismissals\nsettlement agreements",
        },
        r"\bAcas\b",
        ("EEOC",),
        ("Acas",),
    ),
    "paramedicine": (
        {
            "role": "Paramedic, ambulance service",
            "expertise": "Paramedicine",
            "subtopics": "falls\nconveyance decisions\nprimary care",
        },
        r"\bNICE\b|NG232|\bGPs?\b|your trust's",
        ("your agency's protocol",),
        ("NG232",),
    ),
    "architecture": (
        {
            "role": "Architect, small residential practice",
            "expertise": "Architecture",
            "subtopics": "house extensions\nretrofit\nbuilding regulations",
        },
        r"Party Wall|lawful development certificate|council's planning pages|RIBA's if you|"
        r"in England, the Building Safety Act|In England the building regulations now ask every",
        ("the AIA's Code of Ethics", "ASHRAE 160", "planning and zoning pages"),
        (
            "Party Wall",
            "lawful development certificate",
            "the RIBA's if you are a chartered member",
        ),
    ),
}


def plan_strings(obj: object, seen: set[int] | None = None) -> Iterator[str]:
    """Every string a plan holds, however deep, so no rendered part escapes the
    check (the person's own answers hold none of the names checked)."""
    seen = set() if seen is None else seen
    if isinstance(obj, str):
        yield obj
        return
    if obj is None or isinstance(obj, (int, float, date)) or id(obj) in seen:
        return
    seen.add(id(obj))
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from plan_strings(getattr(obj, f.name), seen)
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from plan_strings(value, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for value in obj:
            yield from plan_strings(value, seen)


def plan_text(work: dict, country: str) -> str:
    return "\n".join(plan_strings(field_plan(work, country, library=LIBRARY)))


@pytest.mark.parametrize("slug", sorted(FIELDS))
def test_a_us_reader_meets_no_uk_body_and_a_uk_reader_still_does(slug):
    work, uk_only, us_names, uk_names = FIELDS[slug]
    assert LIBRARY.field_for(work).slug == slug
    us = plan_text(work, "US")
    assert not re.search(uk_only, us), re.search(uk_only, us).group(0)
    assert all(name in us for name in us_names), [n for n in us_names if n not in us]
    uk = plan_text(work, "GB")
    assert all(name in uk for name in uk_names), [n for n in uk_names if n not in uk]


def test_a_us_pharmacists_tone_examples_send_no_one_to_a_gp_or_the_surgery():
    """The tone step's sentences are the same in every country, so they name
    the doctor, not the UK's GP surgery."""
    work = {"role": "Pharmacist, independent pharmacy", "expertise": "Community pharmacy"}
    tone = "\n".join(plan_strings(field_plan(work, "US", library=LIBRARY).tone))
    assert "prescriber" in tone
    assert not re.search(r"\bGPs?\b|the surgery|[Ss]hortage [Pp]rotocol", tone)


def test_a_us_pharmacists_field_terms_leave_out_englands_nhs_services():
    """The tone's "your field's exact terms" list keeps to the reader's country:
    Pharmacy First and the Drug Tariff are England's, so a US pharmacist's list
    starts elsewhere while a UK one still opens with them."""
    work = {"role": "Pharmacist, independent pharmacy", "expertise": "Community pharmacy"}
    us = field_plan(work, "US", library=LIBRARY).tone.field_terms
    uk = field_plan(work, "GB", library=LIBRARY).tone.field_terms
    assert us and not {"Pharmacy First", "gateway criteria", "GPhC"} & set(us)
    assert "Pharmacy First" in uk
