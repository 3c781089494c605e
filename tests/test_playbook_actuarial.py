"""An actuary's plan and playbook follow their job and their country: a US
pricing actuary reads rate filings, telematics and US regulation (SERFF, state
regulators, material nonpublic information), never IFRS 17, Solvency II or the
UK's pricing rules; a reserving actuary in the UK keeps reserving, catastrophe
losses, IFRS 17, Solvency II and the Market Abuse Regulation."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators.plan import build_plan
from wizard.generators.playbook import PlaybookEntry
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

PRICING_US = {
    "role": "Pricing actuary, P&C insurer",
    "expertise": "Actuarial",
    "subtopics": "rate filings\ntelematics",
    "audience": "other actuaries and underwriters",
}
RESERVING_GB = {
    "role": "Reserving actuary, Lloyd's syndicate",
    "expertise": "Actuarial",
    "subtopics": "IBNR\ncatastrophe losses",
    "audience": "other actuaries and underwriters",
}
# What only holds in the UK or the EU: reporting and capital regimes, UK pricing
# rules, the Market Abuse Regulation and the FCA's terms.
UK_EU = re.compile(
    r"IFRS 17|Solvency II|\bSCR\b|SFCR|\bCSM\b|contractual service margin|\bFCA\b|"
    r"price walking|Consumer Duty|Market Abuse Regulation|\bMAR\b|financial promotion|"
    r"Lloyd's|Test-Achats|authorized adviser"
)
US_ONLY = re.compile(r"SERFF|NAIC|Proposition 103|Schedule P|SB21-169|Department of Insurance")


def plan_for(work, country):
    """The plan of a person who keeps the themes Byline preselects for them."""
    rows = [r for r in theme_rows(suggest_themes(work, ["expert"], LIB)) if r.get("include")]
    answers = {
        "work": work,
        "comfort": {"rung": 3, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


def ideas_text(plan) -> str:
    return "\n".join(" ".join((i.hook, *i.outline)) for i in plan.ideas)


def card_text(entry: PlaybookEntry) -> str:
    return " ".join(
        [entry.title, entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont]
    )


@pytest.fixture(scope="module")
def pricing_us():
    return plan_for(PRICING_US, "US")


@pytest.fixture(scope="module")
def reserving_gb():
    return plan_for(RESERVING_GB, "GB")


def test_a_us_pricing_actuary_gets_pricing_themes(pricing_us):
    assert {t.title for t in pricing_us.outline} == {
        "Rate filings a reviewer can approve",
        "Telematics and usage-based insurance in practice",
        "Trend and the rate indication",
        "Pricing models and rate changes that hold up",
    }


def test_a_us_pricing_actuary_reads_us_rules_and_none_of_the_uk_s(pricing_us):
    text = ideas_text(pricing_us)
    assert "SERFF" in text and "Proposition 103" in text
    assert "telematics" in text.lower()
    assert not UK_EU.search(text), UK_EU.search(text)
    # Every post of theirs is the field's own material, none a template's.
    assert all(i.angle for i in pricing_us.ideas if i.is_post), [
        i.hook for i in pricing_us.ideas if i.is_post and not i.angle
    ]


def test_a_us_pricing_actuary_s_playbook_is_american_and_an_actuary_s(pricing_us):
    book = {e.slug: e for e in pricing_us.playbook}
    for entry in book.values():
        assert not UK_EU.search(card_text(entry)), (entry.slug, UK_EU.search(card_text(entry)))
    filings = card_text(book["rate-work-before-public"])
    assert "SERFF Filing Access" in filings and "objection" in filings
    assert "trade secret" in filings and "material nonpublic information" in filings
    inside = card_text(book["inside-information"])
    assert "Regulation FD" in inside and "blackout window" in inside
    assert "Department of Insurance" in card_text(book["premium-question"])
    assert "trip" in card_text(book["policyholder-data"])
    assert "licensed insurance agent" in card_text(book["advice-request"])
    # Payments, banks' quotes and payroll data are not an actuary's hazards.
    assert not {"payment-controls", "bank-or-vendor-quote", "other-peoples-pay-data"} & set(book)


def test_a_uk_reserving_actuary_keeps_reserving_ifrs_17_and_solvency_ii(reserving_gb):
    assert {t.title for t in reserving_gb.outline} == {
        "Catastrophe losses in pricing and reserving",
        "Reserving with honest uncertainty",
        "IFRS 17 after the first years",
        "Capital, solvency and the ORSA",
    }
    text = ideas_text(reserving_gb)
    assert "reinsurance to close" in text and "realistic disaster scenarios" in text
    assert "Solvency II" in text and "IBNR" in text
    assert not US_ONLY.search(text), US_ONLY.search(text)


def test_a_uk_reserving_actuary_s_playbook_keeps_uk_rules(reserving_gb):
    book = {e.slug: e for e in reserving_gb.playbook}
    assert "Market Abuse Regulation" in card_text(book["inside-information"])
    assert "financial promotion" in card_text(book["criticism-of-employer"])
    assert "Financial Ombudsman Service" in card_text(book["premium-question"])
    assert re.search("FCA-authori[sz]ed", card_text(book["advice-request"]))
    for entry in book.values():
        assert not US_ONLY.search(card_text(entry)), entry.slug


def test_a_pensions_actuary_is_not_shown_the_insurance_actuary_s_cards():
    rows = theme_rows(suggest_themes({"expertise": "Pensions actuary"}, ["expert"], LIB))
    assert all(r["key"].startswith("area:pensions-actuarial:") for r in rows if r.get("include"))
    plan = plan_for({"expertise": "Pensions actuary", "role": "Scheme actuary"}, "GB")
    slugs = {e.slug for e in plan.playbook}
    assert not {"rate-work-before-public", "premium-question", "policyholder-data"} & slugs


def test_a_us_banker_reads_material_nonpublic_information_not_mar():
    plan = plan_for({"expertise": "Investment banking", "role": "Associate, investment bank"}, "US")
    book = {e.slug: e for e in plan.playbook}
    if "inside-information" not in book:
        pytest.skip("investment banking is not placed in financial services")
    inside = card_text(book["inside-information"])
    assert "material nonpublic information" in inside and "MAR" not in inside


def test_a_uk_pricing_actuary_reads_the_fca_s_pricing_rules_not_us_filings():
    plan = plan_for(
        {
            "role": "Pricing actuary, motor insurer",
            "expertise": "Actuarial",
            "subtopics": "pricing\ntelematics",
        },
        "GB",
    )
    assert "Reserving with honest uncertainty" not in {t.title for t in plan.outline}
    text = ideas_text(plan)
    assert "price walking" in text and "Consumer Duty" in text and "Test-Achats" in text
    assert not US_ONLY.search(text), US_ONLY.search(text)


def test_a_us_reserving_actuary_reads_the_sao_and_schedule_p_not_lloyd_s():
    plan = plan_for(
        {
            "role": "Reserving actuary",
            "expertise": "Actuarial",
            "subtopics": "IBNR\nloss development",
        },
        "US",
    )
    text = ideas_text(plan)
    assert "Statement of Actuarial Opinion" in text and "Schedule P" in text
    assert "Lloyd's" not in text and "reinsurance to close" not in text
