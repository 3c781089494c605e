"""Archaeologists have a field guide: a commercial archaeologist in the UK reads
the planning system's archaeology (the brief, the WSI, the HER, CIfA) and a CRM
archaeologist in the US reads Section 106, the SHPO and NAGPRA, each without the
other country's bodies; a museum conservator still finds their own guide."""

from __future__ import annotations

import pytest

from tests.test_country_words import plan_text
from wizard.library import load_library

LIB = load_library()
FIELD = "archaeology"

UK = {
    "role": "Archaeologist",
    "expertise": "commercial archaeology",
    "subtopics": "watching briefs\npost-excavation",
}
US = {
    "role": "CRM archaeologist",
    "expertise": "cultural resource management",
    "subtopics": "Section 106\ndata recovery",
}
UK_BODIES = (
    "CIfA",
    "written scheme of investigation",
    "Historic England",
    "Treasure Act",
    "Diggers' Forum",
)
US_BODIES = ("Section 106", "SHPO", "NAGPRA", "Register of Professional Archaeologists", "ACRA")


@pytest.mark.parametrize(
    "typed",
    [
        "Archaeologist",
        "Commercial archaeology",
        "Field archaeologist",
        "CRM archaeologist",
        "Cultural resource management",
        "Heritage consultant",
        "Finds specialist",
        "Osteoarchaeologist",
    ],
)
def test_archaeologists_find_the_guide(typed):
    area = LIB.match_expertise(typed)
    assert area is not None and area.slug == FIELD, typed


@pytest.mark.parametrize("typed", ["Heritage conservation", "Conservator", "Objects conservator"])
def test_conservators_keep_their_own_guide(typed):
    area = LIB.match_expertise(typed)
    assert area is not None and area.slug == "heritage-conservation", typed


def test_heritage_alone_names_no_field():
    """'Heritage' is an archaeologist's consultancy, a conservator's museum or a
    historic buildings officer's council: the word alone picks none of them."""
    assert LIB.match_expertise("Heritage") is None


@pytest.fixture(scope="module")
def plans():
    return {
        "GB": plan_text(UK, "GB", 5, ("expert", "speaking")),
        "US": plan_text(US, "US", 3, ("expert", "hiring")),
    }


def test_a_uk_plan_names_the_uk_process_and_no_us_body(plans):
    text = plans["GB"]
    for name in ("WSI", "CIfA", "watching brief"):
        assert name in text, name
    for name in US_BODIES:
        assert name not in text, name


def test_a_us_plan_names_section_106_and_no_uk_body(plans):
    text = plans["US"]
    for name in ("Section 106", "SHPO"):
        assert name in text, name
    for name in UK_BODIES + ("WSI", "watching brief"):
        assert name not in text, name


def test_the_about_says_what_the_work_is_for_with_each_countrys_credentials(plans):
    """The About says what the work is for, not a template with the field's name
    slotted in, and leaves a gap for the reader's own country's grades."""
    for country in ("GB", "US"):
        assert (
            "My work is recording the archaeology in the ground before development"
            in plans[country]
        )
    assert "[PCIfA, ACIfA or MCIfA]" in plans["GB"] and "[RPA]" not in plans["GB"]
    assert "[RPA]" in plans["US"] and "PCIfA" not in plans["US"]
