"""Employment lawyers are matched to employment law and read its material.

A UK employment solicitor's plan is built from the field (unfair dismissal,
settlement agreements, the Acas Code, section 111A) and their playbook names
the SRA and keeps without prejudice talks out of posts; a US employment
lawyer reads at-will employment and the OWBPA's 21 and 7 days, and never the
SRA; a litigator still matches commercial litigation.
"""

from __future__ import annotations

import pytest

from tests.test_playbook import playbook, text_of
from tests.test_playbook_newfields import reviewed_plan
from wizard.library import load_library

LIB = load_library()


def solicitor_plan(
    country="GB", rung=2, expertise="Employment law", role="Employment solicitor, regional law firm"
):
    """The reviewed employment solicitor's plan (unfair dismissal, settlement agreements)."""
    return reviewed_plan(
        expertise,
        role,
        "unfair dismissal\nsettlement agreements",
        "HR managers and business owners",
        country,
        rung,
    )


def ideas_text(made) -> str:
    return " ".join(" ".join((i.hook, *i.outline)) for t in made.outline for i in t.ideas)


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("Employment law", "Employment solicitor, regional law firm"),
        ("Employment lawyer", "Associate"),
        ("Employment attorney", "Partner, labor and employment group"),
        ("Unfair dismissal", "Solicitor"),
    ],
)
def test_employment_lawyers_match_employment_law(expertise, role):
    work = {"expertise": expertise, "role": role}
    assert LIB.field_for(work).slug == "employment-law"


@pytest.mark.parametrize(
    ("expertise", "role"),
    [("Commercial litigation", "Litigation associate"), ("Litigator", "Senior associate")],
)
def test_a_litigator_still_matches_litigation(expertise, role):
    assert LIB.field_for({"expertise": expertise, "role": role}).slug == "disputes-litigation"


def test_the_uk_solicitor_s_plan_is_built_from_employment_law():
    made = solicitor_plan()
    assert made.area_name == "Employment law"
    assert made.field_note is None
    text = ideas_text(made)
    assert "unfair dismissal" in text.lower()
    assert any(w in text for w in ("Acas", "band of reasonable responses", "Burchell"))
    assert any(w in text for w in ("settlement agreement", "protected conversation"))
    for us in ("at-will", "OWBPA", "McLaren Macomb", "EEOC"):
        assert us not in text, us
    # Never an invitation to post a live client matter.
    assert "small win" not in text
    assert "this week" not in " ".join(i.hook for t in made.outline for i in t.ideas)


def test_a_us_employment_lawyer_reads_at_will_and_severance_material():
    made = solicitor_plan(
        country="US", rung=3, expertise="Employment lawyer", role="Employment lawyer, mid-size firm"
    )
    assert made.area_name == "Employment law"
    every = " ".join(
        " ".join((a.premise, *a.points))
        for th in LIB.area("employment-law").themes
        for a in th.angles
        if not a.countries or "US" in a.countries
    )
    assert "at-will" in every.lower() and "OWBPA" in every
    text = ideas_text(made)
    assert "OWBPA" in text or "at-will" in text
    for british in ("Acas", "section 111A", "SRA", "£30,000", "qualifying period"):
        assert british not in text, british


def test_the_uk_solicitor_s_playbook_names_the_sra_and_without_prejudice():
    book = playbook(LIB, "Employment law", "Employment solicitor, regional law firm", country="GB")
    assert {
        "conduct-rules-online",
        "settlement-talks-private",
        "published-tribunal-judgment",
    } <= set(book)
    assert "SRA" in text_of(book["conduct-rules-online"])
    assert "without prejudice" in text_of(book["settlement-talks-private"])
    assert "protective order" not in " ".join(book["court-documents"].do)
    naming = text_of(book["naming-clients"])
    assert "number plates" not in naming and "valuable" not in naming


def test_a_us_employment_lawyer_s_playbook_has_no_sra():
    book = playbook(LIB, "Employment lawyer", "Employment lawyer, mid-size firm", country="US")
    text = " ".join(text_of(e) for e in book.values())
    assert "SRA" not in text and "without prejudice" not in text
    assert "rules of professional conduct" in text_of(book["conduct-rules-online"])
    assert "protective order" in " ".join(book["court-documents"].do)


def test_only_employment_lawyers_read_the_tribunal_judgment_card():
    book = playbook(LIB, "Commercial litigation", "Litigation associate", country="GB")
    assert "published-tribunal-judgment" not in book
    assert "settlement-talks-private" in book
