"""Payroll and procurement read as their own country's and employer's work: a US
payroll manager at a multi-state employer meets state withholding and the W-2
season, never salary sacrifice or payslips; a buyer at an NHS trust meets the
Procurement Act, social value and the public sector's cards, never products
or competitors; UK payroll and private buyers keep their own material."""

from __future__ import annotations

import re

from tests.field_plans import field_plan
from wizard.generators.plan import field_sectors
from wizard.generators.playbook import (
    person_standing,
    playbook_family,
    playbook_field,
    playbook_sectors,
    situation_playbook,
)
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

US_PAYROLL = {
    "role": "Payroll manager, multi-state employer",
    "expertise": "Payroll",
    "subtopics": "multi-state withholding\nyear-end W-2",
    "audience": "HR and finance people",
}
UK_PAYROLL = {
    "role": "Payroll manager",
    "expertise": "Payroll",
    "subtopics": "salary sacrifice\nyear-end",
    "audience": "HR and finance people",
}
NHS_BUYER = {
    "role": "Category manager, NHS trust procurement",
    "expertise": "Procurement",
    "subtopics": "tendering\nsocial value",
    "audience": "suppliers and other buyers",
}
PRIVATE_BUYER = {
    "role": "Category manager, packaging manufacturer",
    "expertise": "Procurement",
    "subtopics": "supplier risk\nnegotiation",
    "audience": "other buyers",
}

# UK payroll words a US reader should never meet.
UK_PAYROLL_WORDS = re.compile(
    r"salary sacrifice|payslip|tax code|redundanc|autumn|\bleavers?\b|multi-country|P11D|PAYE",
    re.IGNORECASE,
)


def plan_for(work: dict, country: str, every: bool = True):
    """A plan for ``work`` in ``country``: every theme of the field, or only
    the ones Byline suggests (in the order it suggests them)."""
    return field_plan(work, country, every=every)


def idea_text(plan) -> str:
    return "\n".join(" ".join((i.hook, *i.outline, i.make_it_yours)) for i in plan.ideas)


def book(work: dict, country: str) -> dict:
    """The person's playbook by slug, for a reader in ``country``."""
    area = LIB.field_for(work)
    entries = situation_playbook(
        {},
        LIB,
        playbook_sectors(LIB, field_sectors(area, work, LIB)),
        playbook_family(LIB, area, work),
        person_standing(work, False),
        playbook_field(area),
        (),
        country,
    )
    return {e.slug: e for e in entries}


def card_text(entries: dict) -> str:
    return "\n".join(
        " ".join((e.title, e.summary, e.approach, e.detail, *e.do, *e.dont))
        for e in entries.values()
    )


def test_multi_state_withholding_leads_a_us_payroll_plan_and_never_becomes_multi_country():
    rows = theme_rows(suggest_themes(US_PAYROLL, ["expert"], LIB))
    titles = [r["title"] for r in rows if r.get("include")]
    assert titles[0] == "Multi-state withholding"
    assert not any("country" in t.lower() or "countries" in t.lower() for t in titles)
    text = idea_text(plan_for(US_PAYROLL, "US", every=False))
    for term in ("reciprocal agreement", "convenience-of-the-employer", "SUI", "local"):
        assert term.lower() in text.lower(), term


def test_a_us_payroll_manager_meets_no_uk_payroll_words():
    plan = plan_for(US_PAYROLL, "US")
    text = idea_text(plan)
    assert not UK_PAYROLL_WORDS.findall(text), UK_PAYROLL_WORDS.findall(text)
    titles = " ".join(f"{t.title} {t.summary}" for t in plan.outline)
    assert not UK_PAYROLL_WORDS.search(titles)
    for term in ("January 31", "W-2c", "phishing", "pay stub", "Section 125"):
        assert term in text, term
    # Every angle a US reader can be given, in any number of posts.
    us_angles = " ".join(
        " ".join((a.premise, *a.points))
        for theme in LIB.area("payroll").themes
        for a in theme.angles
        if a.holds_in("US") and not any(r == "US" for r in getattr(a, "replaced_in", ()))
    )
    for term in ("Form W-4", "WARN Act", "Publication 15-B", "state unemployment insurance"):
        assert term.lower() in us_angles.lower(), term
    cards = card_text(book(US_PAYROLL, "US"))
    assert not UK_PAYROLL_WORDS.findall(cards), UK_PAYROLL_WORDS.findall(cards)


def test_a_us_payroll_manager_is_warned_about_w2_phishing_and_layoffs():
    entries = book(US_PAYROLL, "US")
    phishing = entries["w2-phishing"]
    assert phishing.approach == "Verify by phone, then report it"
    assert any("call" in line.lower() for line in phishing.do)
    layoffs = entries["restructure-seen-early"]
    assert "WARN Act" in layoffs.summary and "Layoffs" in layoffs.title


def test_the_nlra_line_does_not_promise_a_manager_its_protection():
    lines = [
        line
        for s in LIB.situations
        if s.slug == "political-topics"
        for line in (*s.do, *(d for o in s.options for d in o.do))
        if "National Labor Relations Act" in line
    ]
    assert lines
    for line in lines:
        assert "supervisors and managers generally fall outside it" in line
        assert "who are not supervisors" not in line


def test_a_uk_payroll_manager_keeps_paye_rti_payslips_and_salary_sacrifice():
    text = idea_text(plan_for(UK_PAYROLL, "GB"))
    for term in ("salary sacrifice", "payslip", "RTI", "Full Payment Submission", "OpRA"):
        assert term.lower() in text.lower(), term
    assert "W-2" not in text and "pay stub" not in text and "Section 125" not in text
    entries = book(UK_PAYROLL, "GB")
    assert "w2-phishing" not in entries
    assert "redundanc" in card_text(entries).lower()


def test_an_nhs_category_manager_reads_the_procurement_act_and_social_value():
    rows = theme_rows(suggest_themes(NHS_BUYER, ["expert"], LIB))
    titles = [r["title"] for r in rows if r.get("include")]
    assert "Tendering that is fair and worth bidding for" in titles
    assert "Social value that is scored fairly and delivered" in titles
    text = idea_text(plan_for(NHS_BUYER, "GB"))
    for term in (
        "Procurement Act 2023",
        "competitive flexible procedure",
        "central digital platform",
        "most advantageous tender",
        "Provider Selection Regime",
        "10%",
        "preliminary market engagement notice",
    ):
        assert term.lower() in text.lower(), term
    assert "CSDDD" not in text
    # Market knowledge never comes from a private word with a bidder.
    assert "Talk to suppliers outside tenders" not in text


def test_an_nhs_category_manager_reads_the_public_sector_cards_and_no_products():
    assert field_sectors(LIB.field_for(NHS_BUYER), NHS_BUYER, LIB) == ("public-sector",)
    entries = book(NHS_BUYER, "GB")
    for slug in (
        "bidder-contact-during-tender",
        "supplier-announces-contract",
        "information-requests-on-buying",
        "conflict-of-interest-buying",
        "political-debate",
    ):
        assert slug in entries, slug
    for slug in ("competitor-mention", "praising-products", "supplier-announces-win"):
        assert slug not in entries, slug
    text = card_text(entries)
    assert "Freedom of Information Act 2000" in text
    assert "Procurement Act 2023" in text
    company = r"(?:company|employer)'s products|\bcompetitors?\b|sales promotion|account lead|your company"
    assert not re.search(company, text), re.findall(f".{{40}}(?:{company}).{{20}}", text)
    assert entries["political-topics"].approach != "Share your view, clearly as your own"


def test_a_private_buyer_keeps_the_buyer_s_cards_and_private_words():
    assert field_sectors(LIB.field_for(PRIVATE_BUYER), PRIVATE_BUYER, LIB) == ("buying",)
    entries = book(PRIVATE_BUYER, "US")
    for slug in ("live-tender", "vendor-pitch", "supplier-announces-win", "supplier-conflict"):
        assert slug in entries, slug
    assert "bidder-contact-during-tender" not in entries
    rows = theme_rows(suggest_themes(PRIVATE_BUYER, ["expert"], LIB))
    titles = [r["title"] for r in rows if r.get("include")]
    assert titles[0] == "Supplier risk and due diligence"
    assert not {"Tendering that is fair and worth bidding for"} & set(titles)
    text = idea_text(plan_for(PRIVATE_BUYER, "US"))
    assert "RFP" in text
    assert "Provider Selection Regime" not in text and "NHS" not in text
