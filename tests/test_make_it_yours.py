"""Every "make it yours" asks the person for what only they know.

Practitioners found lines that asked the readers' question ("What would you
add?", "Which system would you rather apply for permission under, and why?",
"What can each side learn from the other's codes?") where the line should ask
for a detail of their own: a pattern from their own cases, a number from their
own work, what changed their mind, in their field's words.
"""

from __future__ import annotations

import pytest

from tests.test_ideas import LIB, TODAY, answers_for
from wizard.generators.asks import AUDIENCE, first_hand, own_ask, own_asks
from wizard.generators.plan import build_plan
from wizard.library.voice import load_voice

READERS_QUESTIONS = (
    "What would you add?",
    "Which system would you rather apply for permission under, and why?",
    "What would you want the author to try next, from what you have seen?",
    "Could you answer an auditor today?",
    "Why?",
)


def plan_asks(name: str, rung: int, country: str = "GB") -> list[tuple[str, str]]:
    answers = answers_for(name, [], rung=rung, audience="peers")
    answers["themes"]["country"] = country
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    return [(i.format_slug, i.make_it_yours) for i in plan.ideas]


@pytest.mark.parametrize("ask", READERS_QUESTIONS)
def test_a_question_for_the_readers_becomes_one_about_the_person_s_own_work(ask):
    assert not first_hand(ask)
    mine = own_ask(ask, "applications")
    assert mine in own_asks("applications")
    assert "your own applications" in mine
    guarded = own_ask(ask, "patients", guarded=True)
    assert "many patients" in guarded and "no detail anyone could trace" in guarded


def test_a_general_question_is_anchored_in_their_experience_and_theirs_is_kept():
    assert own_ask("What can each side learn from the other's codes?", "applications") == (
        "In your experience, what can each side learn from the other's codes?"
    )
    for kept in (
        "Which of the three do homeowners most often mix up with you?",
        "How do you define awareness in your breach procedure?",
        "What did CI catch last week?",
        "The stage a client most wanted to skip, and what skipping it would have cost",
        "What does the published evidence say women need to hear?",
    ):
        assert own_ask(kept, "projects") == kept


@pytest.mark.parametrize("rung", [1, 3, 5])
@pytest.mark.parametrize("area", LIB.areas, ids=lambda a: a.slug)
def test_no_field_s_make_it_yours_asks_the_readers_question(area, rung):
    for slug, ask in plan_asks(area.name, rung):
        assert ask not in READERS_QUESTIONS, (area.slug, slug, ask)
        assert not AUDIENCE.search(ask), (area.slug, slug, ask)
        assert own_ask(ask, "work") == ask, (area.slug, slug, ask)


@pytest.mark.parametrize(
    ("name", "cases", "in_plan"),
    [
        ("Nursing", "patients", True),
        ("Quantity surveying", "projects", True),
        ("Backend engineering", "projects", False),
        ("Payroll", "pay runs", False),
        ("Employment law", "matters", False),
        ("Dental hygiene", "patients", False),
    ],
)
def test_the_person_s_own_questions_are_in_their_field_s_words(name, cases, in_plan):
    """What replaces a readers' question names the field's own work; in a nurse's and a
    quantity surveyor's plans, some do."""
    area = LIB.field_for({"expertise": name})
    sectors = area.sectors if area else ("healthcare",)
    found = load_voice().cases_for(area.slug if area else None, area and area.family, sectors)
    assert found == cases
    assert f" {cases}" in own_ask("What would you add?", found)
    if in_plan:
        field_asks = {a for rung in (1, 3, 5) for _, a in plan_asks(name, rung)}
        assert any(f" {cases}" in a for a in field_asks), (name, sorted(field_asks)[:10])


def test_a_field_byline_does_not_place_is_asked_about_its_own_work():
    asks = [a for rung in (1, 3) for _, a in plan_asks("Beekeeping logistics", rung)]
    assert asks
    for ask in asks:
        assert own_ask(ask, "work") == ask, ask
