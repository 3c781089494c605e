"""An electrician's plan in their own country's rules and their own trade.

A UK electrician who fits EV chargers and consumer units for homeowners and
landlords reads BS 7671, Part P, EICRs and their codes, never the US National
Electrical Code, a rough-in inspection or a gas engineer's cards; a US
electrician keeps the NEC; a heating engineer keeps the gas and CO card.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.field_plans import field_plan
from tests.test_playbook import playbook, text_of
from wizard.library import load_library

UK_SPARK = {
    "role": "Electrician, runs a small electrical contracting business",
    "expertise": "Electrical contracting",
    "subtopics": "EV chargers\nconsumer units",
    "audience": "homeowners and landlords",
}
US_SPARK = {**UK_SPARK, "subtopics": "EV chargers\nservice upgrades", "audience": "homeowners"}
# What only a US plan, or only a gas engineer's, may say.
US_WORDS = re.compile(r"\bNEC\b|\bNFPA\b|rough-in|\bAHJ\b|Article 250|690\.12|journeyman")
GAS_WORDS = re.compile(
    r"Gas Safe|smell gas|gas smell|CO alarm|carbon monoxide|flow temperature|heat loss|gas work",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def uk_plan(library):
    return field_plan(UK_SPARK, "GB", weeks=2, library=library)


def test_a_uk_electricians_plan_never_reads_us_code_or_gas_work(uk_plan):
    # The setup week's communities to follow name their country: "(US)".
    follow = uk_plan.setup.follow
    assert all("(US)" in f for f in follow if US_WORDS.search(f))
    # A customer's photo of a fault keeps one line for a gas smell: the
    # emergency number, never a gas engineer's work.
    fault = next(e for e in uk_plan.playbook if e.slug == "dangerous-fault-photo")
    assert len([line for line in fault.do if GAS_WORDS.search(line)]) == 1
    cards = tuple(e for e in uk_plan.playbook if e.slug != fault.slug)
    setup = dataclasses.replace(uk_plan.setup, follow=())
    text = repr(dataclasses.replace(uk_plan, setup=setup, playbook=cards))
    assert not US_WORDS.findall(text), sorted(set(US_WORDS.findall(text)))
    assert not GAS_WORDS.findall(text), sorted(set(GAS_WORDS.findall(text)))
    assert "fellow partner" not in text


def test_a_uk_electricians_plan_holds_bs_7671_eicrs_and_part_p(uk_plan):
    ideas = "\n".join(" ".join((i.hook, *i.outline, i.make_it_yours)) for i in uk_plan.ideas)
    for term in ("BS 7671", "EICR", "Part P", "consumer unit", "NICEIC", "C2"):
        assert term in ideas, term
    titles = [t.title for t in uk_plan.outline]
    assert any(t.startswith("Board and panel changes") for t in titles)
    assert not any("NEC" in t for t in titles)


def test_the_week_s_comments_never_watch_for_the_nec_in_the_uk(uk_plan):
    weeks = " ".join(repr(w) for w in uk_plan.calendar)
    assert "posts that mention" in weeks
    assert not re.search(r"mention[^.]*\bNEC\b", weeks)


def test_a_us_electrician_keeps_the_nec_and_never_reads_part_p(library):
    plan = field_plan(US_SPARK, "US", library=library)
    ideas = "\n".join(" ".join((i.hook, *i.outline, i.make_it_yours)) for i in plan.ideas)
    assert "NEC" in ideas
    assert "Part P" not in ideas and "Electrical Competent Person" not in ideas
    assert "Does this job need a permit?" in ideas
    assert "EICR" not in ideas
    assert "code-is-the-minimum-us" in {i.angle for i in plan.ideas}


def test_every_us_code_angle_is_tagged_for_the_us(library):
    area = library.area("electrical-contracting")
    for theme in area.themes:
        for angle in theme.angles:
            words = " ".join((angle.premise, *angle.points))
            if US_WORDS.search(words) and "In the US" not in words:
                assert angle.countries == ("US",), angle.slug


def test_an_electrician_reads_no_gas_cards_and_meets_landlords_and_prices(library):
    role = UK_SPARK["role"]
    book = playbook(library, "Electrical contracting", role, country="GB")
    assert "gas-smell-or-co" not in book
    for slug in ("landlord-downgrade-code", "certify-others-work", "price-in-comments"):
        assert slug in book, slug
    assert "tenant" in " ".join(book["customer-home-photos"].do)
    for slug in ("diy-question", "savings-claims", "post-goes-viral", "any-doubt"):
        text = text_of(book[slug])
        assert not GAS_WORDS.search(text) and "fellow partner" not in text, slug
    assert "Electrical Competent Person register" in " ".join(book["diy-question"].do)
    us = playbook(library, "Electrical contracting", role, country="US")
    assert "landlord-downgrade-code" not in us and "certify-others-work" in us
    assert "local building department" in " ".join(us["certify-others-work"].do)


def test_a_heating_engineer_keeps_the_gas_cards(library):
    book = playbook(
        library, "Plumbing and heating", "Heating engineer, runs a small firm", country="GB"
    )
    assert "gas-smell-or-co" in book
    assert "landlord-downgrade-code" not in book and "certify-others-work" not in book
    assert "flow temperature" in " ".join(book["savings-claims"].do)
    assert "Gas Safe" in " ".join(book["diy-question"].do)


def test_the_trade_cards_speak_each_electricians_country(library):
    """A UK electrician keeps registration, notification, the tariff and the
    scheme's route; a US one reads licenses, breaker panels, utility rates and
    the licensing board, with no British word left in the sector's cards."""
    role = UK_SPARK["role"]
    gb = playbook(library, "Electrical contracting", role, country="GB")
    us = playbook(library, "Electrical contracting", role, country="US")
    gb_text = " ".join(text_of(gb[s]) for s in ("diy-question", "another-firms-work"))
    assert "a registered person, a notification or a permit" in gb_text
    assert "your scheme's or the regulator's route" in gb_text and '"cowboy"' in gb_text
    assert "the tariff" in " ".join(gb["savings-claims"].do)
    assert "number plates" in " ".join(gb["customer-home-photos"].do)
    assert "fuse board" in gb["dangerous-fault-photo"].summary
    cards = [
        us[s]
        for s in (
            "diy-question",
            "another-firms-work",
            "savings-claims",
            "customer-home-photos",
            "dangerous-fault-photo",
        )
    ]
    us_text = " ".join(text_of(e) for e in cards)
    for british in (
        r"\bnotif",
        "tariff",
        "scheme",
        "cowboy",
        "number plate",
        "consumer unit",
        "fuse board",
        "socket",
        "registered",
        r"\badverts?\b",
        "MCS",
    ):
        assert not re.search(british, us_text), british
    for american in (
        "licensed electrician",
        "breaker panel",
        "utility rates",
        "license plates",
        "state licensing board",
        "PVWatts",
    ):
        assert american in us_text, american
