"""Which field, and which of its themes, a practitioner's own words lead to."""

import pytest

from wizard.generators.themes import (
    PRESELECTED,
    canonical_key,
    expertise_name,
    resolve_theme,
    suggest_themes,
)
from wizard.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Pensions actuary", "pensions-actuarial"),
        ("pension actuary", "pensions-actuarial"),
        ("Scheme actuary", "pensions-actuarial"),
        ("Enrolled actuary", "pensions-actuarial"),
        ("Reserving actuary", "actuarial"),
        ("Pricing actuary", "actuarial"),
        ("Actuary", "actuarial"),
        ("Hydrogeologist", "hydrogeology"),
        ("Groundwater modelling", "hydrogeology"),
        ("Contaminated land consultant", "contaminated-land"),
        ("Geoenvironmental engineer", "contaminated-land"),
        ("Environmental consultant", None),  # ecology, air, noise, land: too broad to guess
    ],
)
def test_practitioners_find_their_own_field(library, typed, slug):
    area = library.match_expertise(typed)
    assert (area.slug if area else None) == slug


def _preselected(library, work):
    return suggest_themes(work, ["expert"], library)[:PRESELECTED]


def test_a_pensions_actuary_gets_pension_themes_not_general_insurance(library):
    work = {
        "expertise": "Pensions actuary",
        "subtopics": "funding valuations\nbuy-in",
        "audience": "pension scheme trustees",
    }
    chosen = _preselected(library, work)
    assert all(c.key.startswith("area:pensions-actuarial:") for c in chosen)
    assert "area:pensions-actuarial:buy-in-readiness" in {c.key for c in chosen}
    text = " ".join(a.premise + " ".join(a.points) for c in chosen for a in c.angles)
    for insurance in ("IFRS 17", "chain ladder", "IBNR", "Solvency II", "price walking"):
        assert insurance not in text


def test_a_hydrogeologist_with_british_spelling_gets_the_modelling_theme(library):
    work = {"expertise": "Hydrogeologist", "subtopics": "groundwater modelling\ndewatering"}
    keys = [c.key for c in _preselected(library, work)]
    assert keys[:2] == ["area:hydrogeology:model-uncertainty", "area:hydrogeology:dewatering"]


def test_a_theme_stored_before_pensions_had_a_field_keeps_its_angles(library):
    key = canonical_key("area:actuarial:pensions", "Defined benefit pensions", library)
    assert key == "area:pensions-actuarial:funding-code"
    row = {"title": "Defined benefit pensions", "key": "area:actuarial:pensions"}
    theme = resolve_theme(row, [], library)
    assert theme.title == "Defined benefit pensions"
    assert any("statement of strategy" in a.premise for a in theme.angles)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Pensions actuary", "pensions actuarial work"),
        ("Scheme actuary", "pensions actuarial work"),  # not "scheme actuarial work"
        ("Chief actuary", "actuarial work"),
        ("Senior hydrogeologist", "hydrogeology"),  # not "senior hydrogeology"
        ("Contaminated land consultant", "contaminated land"),
        ("Senior QA engineer", "QA engineering"),
        ("Nurse educator", "nurse education"),
        ("Court interpreter", "court interpreting"),  # a field the library does not know
        ("Employment lawyer", "employment law"),
    ],
)
def test_a_job_title_reads_as_the_field_in_sentences(library, typed, name):
    """"Ideas for {expertise}" and the theme titles read as a field, not a job title."""
    assert expertise_name({"expertise": typed}, library.match_expertise(typed)) == name
