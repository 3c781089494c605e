"""A card's clause by standing: what protects a US reader's talk of their own pay
and conditions is card data, chosen for a person who manages others or works for
a public employer, and a public-sector reader is never told the NLRA covers them."""

from __future__ import annotations

import pytest

from tests.library_edits import refusal_of_edit
from tests.test_playbook import playbook, text_of
from wizard.library import load_library

LIB = load_library()
US_CARD = next(s for s in LIB.situations if s.slug == "political-topics" and s.countries)
SUPERVISORS = "not for supervisors, who are defined by their authority, not their job title"


def test_the_us_card_holds_its_labor_law_clause_for_each_standing():
    manager = US_CARD.in_standing("manages")
    public = US_CARD.in_standing("public")
    assert US_CARD.in_standing("") is US_CARD
    assert any(SUPERVISORS in line for line in manager.do)
    assert any("Federal Service Labor-Management Relations Statute" in line for line in public.do)
    assert not [
        line
        for line in (*public.do, *public.option("stay-out-in-public").do)
        if "Relations Act protects" in line
    ]


def test_a_us_manager_reads_that_the_nlra_probably_leaves_them_out():
    text = text_of(playbook(LIB, "Payroll", "Payroll manager", country="US")["political-topics"])
    assert SUPERVISORS in text
    assert "generally fall outside it" not in text


@pytest.mark.parametrize(
    ("expertise", "role"),
    [
        ("Public policy", "Policy adviser"),
        ("Public policy", "Policy manager"),
        ("court interpreting", "Court interpreter"),
        ("air traffic control", "Air traffic controller"),
    ],
)
def test_a_us_public_sector_reader_is_not_told_the_nlra_protects_them(expertise, role):
    book = playbook(LIB, expertise, role, country="US")
    text = " ".join(text_of(e) for e in book.values())
    assert "Relations Act protects" not in text
    assert "your state's public-sector labor law" in text
    assert "check which covers you" in text
    assert SUPERVISORS not in text


def test_a_private_employee_keeps_the_general_words():
    text = text_of(playbook(LIB, "Payroll", "Payroll specialist", country="US")["political-topics"])
    assert "protects this for most employees, though supervisors and managers" in text


def _refused(tmp_path, old: str, new: str) -> str:
    return refusal_of_edit(tmp_path, "situations.toml", old, new)


def test_the_loader_refuses_a_standing_it_does_not_know(tmp_path):
    refused = _refused(tmp_path, "\nmanages = ", "\nretired = ")
    assert "standing.labor_rights.retired: not a standing" in refused


def test_the_loader_refuses_a_clause_the_card_never_uses(tmp_path):
    refused = _refused(
        tmp_path, "[situations.standing.labor_rights]", "[situations.standing.rights]"
    )
    assert "standing.rights: the card never uses {rights}" in refused
