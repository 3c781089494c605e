"""A commercial HVAC service technician gets HVAC and refrigeration, not a
UK plumbing and heating engineer's guide.

"HVAC" typed by a US service tech matches the HVAC and refrigeration guide:
EPA Section 608, the AIM Act's move to A2L refrigerants, ASHRAE 15 and 34,
leak repair, cold weather heat pumps, BAS and commissioning, lockout/tagout;
never MCS, G3, Boiler Plus, combis or degrees Celsius. A British engineer in
the same field reads F-gas where the American reads EPA 608, and a UK
plumber or heating engineer keeps the plumbing and heating guide.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.field_plans import field_plan
from tests.test_playbook import text_of
from wizard.library import load_library

US_TECH = {
    "role": "HVAC service technician, commercial mechanical contractor",
    "expertise": "HVAC",
    "subtopics": "heat pumps\nrefrigerant regulations",
    "audience": "facility managers and other techs",
}
UK_ENGINEER = {
    "role": "Refrigeration and air conditioning engineer",
    "expertise": "Air conditioning and refrigeration",
    "subtopics": "heat pumps\nrefrigerant regulations",
    "audience": "facility managers",
}
# A UK domestic heating engineer's words, none of which a US commercial tech uses.
UK_HEATING = re.compile(
    r"\bMCS\b|\bG3\b|Boiler Plus|\bcombi\b|°C|Gas Safe|Immediately Dangerous|BS EN|"
    r"\bradiators?\b|filling loop|F-gas",
)
US_RULES = re.compile(r"\bEPA\b|Section 608|\bOSHA\b|AIM Act|NEEP|°F")


@pytest.fixture(scope="module")
def library():
    return load_library()


def _ideas_text(plan) -> str:
    setup = dataclasses.replace(plan.setup, follow=())
    return repr(dataclasses.replace(plan, setup=setup, playbook=()))


@pytest.mark.parametrize(
    ("work", "field"),
    [
        (US_TECH, "hvac-refrigeration"),
        ({"expertise": "HVAC"}, "hvac-refrigeration"),
        ({"expertise": "HVAC/R", "role": "Refrigeration engineer"}, "hvac-refrigeration"),
        ({"expertise": "Commercial refrigeration"}, "hvac-refrigeration"),
        (UK_ENGINEER, "hvac-refrigeration"),
        ({"expertise": "Plumbing and heating", "role": "Heating engineer"}, "plumbing-heating"),
        ({"expertise": "Gas engineer"}, "plumbing-heating"),
        ({"expertise": "Plumbing", "role": "Journeyman plumber"}, "plumbing-heating"),
        ({"expertise": "Heat pumps", "role": "Heat pump installer"}, "plumbing-heating"),
    ],
)
def test_hvac_and_plumbing_match_their_own_guides(library, work, field):
    area = library.field_for(work)
    assert area is not None and area.slug == field


def test_a_us_service_techs_plan_is_us_commercial_hvac(library):
    plan = field_plan(US_TECH, "US", weeks=2, library=library)
    text = _ideas_text(plan)
    assert not UK_HEATING.findall(text), sorted(set(UK_HEATING.findall(text)))
    for named in ("Section 608", "A2L", "R-454B", "ASHRAE 15", "AIM Act", "lockout/tagout", "BAS"):
        assert named in text, named
    assert "Refrigerant rules on the job" in text


def test_a_british_engineer_reads_f_gas_not_us_rules(library):
    plan = field_plan(UK_ENGINEER, "GB", weeks=2, library=library)
    text = _ideas_text(plan)
    assert "F-gas" in text
    assert not US_RULES.findall(text), sorted(set(US_RULES.findall(text)))


def test_the_uk_plumbing_guide_stays_with_uk_plumbers(library):
    plumber = {
        "role": "Plumbing and heating engineer, small firm",
        "expertise": "Plumbing and heating",
        "subtopics": "heat pumps\nboilers",
    }
    plan = field_plan(plumber, "GB", weeks=2, library=library)
    assert library.field_for(plumber).slug == "plumbing-heating"
    assert "Gas Safe" in _ideas_text(plan)


def test_a_commercial_techs_playbook_is_about_sites_not_homes(library):
    cards = {e.slug: e for e in field_plan(US_TECH, "US", library=library).playbook}
    site = cards["commercial-site-photos"]
    assert any("venting" in line for line in site.dont)
    assert any("IP addresses" in line for line in site.do)
    for homes in ("customer-home-photos", "dangerous-fault-photo", "price-in-comments"):
        assert homes not in cards, homes
    plumber = {"role": "Heating engineer", "expertise": "Plumbing and heating"}
    theirs = {e.slug for e in field_plan(plumber, "GB", library=library).playbook}
    assert {"customer-home-photos", "price-in-comments"} <= theirs
    assert "commercial-site-photos" not in theirs


# Great Britain's words for who does, signs off and reports trade work, and for
# energy prices and ads: a US tech reads licenses, permits and utility rates.
BRITISH_TRADE_WORDS = re.compile(
    r"\bHSE\b|notifiable|notification|\btariff\b|\bschemes?\b|scheme's|cowboy|number plates?"
    r"|\bmains\b|\bregistered (?:person|electrician|installer)\b|\badvert\b",
    re.IGNORECASE,
)
TRADE_CARDS = ("Building and electrical trades", "Skilled trades and construction")


def test_a_us_techs_trade_cards_read_american_rules_and_words(library):
    plan = field_plan(US_TECH, "US", library=library)
    cards = [e for e in plan.playbook if e.sector in TRADE_CARDS]
    assert len(cards) >= 4
    text = " ".join(text_of(e) for e in cards)
    assert not BRITISH_TRADE_WORDS.findall(text), sorted(set(BRITISH_TRADE_WORDS.findall(text)))
    assert "mains" not in repr(plan.tone)  # the words to avoid
    assert "utility rates" in text
    assert "a licensed or certified person, or a permit" in text_of(
        next(e for e in cards if e.slug == "diy-question")
    )
    fences = {i.caution for i in plan.ideas if "house numbers" in i.caution}
    assert fences and all("vehicle plates" in f for f in fences)


def test_a_question_about_customers_systems_keeps_the_customer_out(library):
    plan = field_plan(US_TECH, "US", library=library)
    asked = [i for i in plan.ideas if "customers' systems" in i.make_it_yours]
    assert asked
    for idea in asked:
        assert "nothing from a customer's service or compliance records" in idea.caution
