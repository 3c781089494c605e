"""A US treasury analyst, a US payroll manager and a UK quantity surveyor
read guidance of their own field and country.

A corporate treasurer is an issuer's insider, not a broker-dealer's
representative; a payroll manager's garnishments get ideas of their own; a
client-side QS writing for clients and architects is offered the client's
side of the final account before the contractor's CVR, and is told not to
give a ballpark rate anyone could rely on.
"""

from __future__ import annotations

import re

from tests.test_playbook import playbook, text_of
from wizard.generators.asks import own_ask
from wizard.generators.ideas import TALK_CLOSE, talk_close
from wizard.generators.text import lower_first
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

TREASURY = {
    "role": "Treasury analyst",
    "expertise": "Treasury",
    "subtopics": "cash forecasting\nFX hedging\nbank relationships",
    "audience": "finance peers",
    "country": "US",
}
PAYROLL = {
    "role": "Payroll manager",
    "expertise": "Payroll",
    "subtopics": "multi-state payroll\nyear-end W-2s\ngarnishments",
    "audience": "HR and finance leaders",
    "country": "US",
}
CLIENT_QS = {
    "role": "Senior quantity surveyor",
    "expertise": "Quantity surveying",
    "subtopics": "cost planning\nNEC4 contracts\nfinal accounts",
    "audience": "clients and architects",
    "country": "GB",
}


def ticked(work: dict, goals: tuple[str, ...] = ("expert",)) -> list[str]:
    """The keys of the themes the themes step ticks first."""
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    return [r["key"] for r in rows if r["include"]]


def field_text(slug: str, country: str) -> str:
    """Every angle of a field a reader in ``country`` can read, with its themes' words."""
    area = LIB.area(slug)
    themes = " ".join(f"{t.title} {t.summary}" for t in area.themes)
    return (
        themes
        + " "
        + " ".join(
            " ".join((a.premise, *a.points, a.ask))
            for theme in area.themes
            for a in theme.angles
            if a.holds_in(country)
        )
    )


def everything(book) -> str:
    return " ".join(text_of(e) for e in book.values())


# --- Treasury ------------------------------------------------------------------


def test_a_corporate_treasurer_reads_an_issuer_s_cards_not_a_broker_dealer_s():
    book = playbook(LIB, "Treasury", "Treasury analyst", country="US")
    text = everything(book)
    for broker in (
        "registered investment adviser",
        "securities you or your clients trade",
        "disclosure hashtag",
    ):
        assert broker not in text, broker
    assert list(book)[:3] == [
        "issuer-inside-information",
        "hedges-debt-and-bank-terms",
        "naming-banks-and-counterparties",
    ]
    inside = text_of(book["issuer-inside-information"])
    assert "Regulation FD" in inside and "blackout" in inside
    hedges = text_of(book["hedges-debt-and-bank-terms"])
    assert "material nonpublic information" in hedges and "covenant" in hedges
    # A UK reader reads MAR's closed period and inside information instead.
    gb = playbook(LIB, "Treasury", "Treasury analyst", country="GB")
    assert "Regulation FD" not in text_of(gb["issuer-inside-information"])
    assert "closed period" in text_of(gb["issuer-inside-information"])
    assert "inside information" in text_of(gb["hedges-debt-and-bank-terms"])


def test_reporting_and_fp_and_a_share_the_corporate_sector_and_payroll_and_tax_stay_out():
    for slug in ("treasury", "accounting-financial-reporting", "finance"):
        assert LIB.area(slug).sectors == ("corporate-finance",), slug
    for slug in ("payroll", "tax"):
        assert "financial-services" not in LIB.area(slug).sectors


def test_bank_relationships_is_a_theme_of_its_own_with_real_angles():
    chosen = ticked(TREASURY, ("expert", "speaking"))
    assert "area:treasury:bank-relationships" in chosen
    # The FX hedging sub-topic keeps its theme beside it.
    assert "area:treasury:hedging" in chosen
    theme = LIB.area("treasury").theme("bank-relationships")
    text = " ".join(" ".join((a.premise, *a.points)) for a in theme.angles if a.holds_in("US"))
    for angle in ("wallet share", "account analysis", "scorecard", "RFP", "earnings credit rate"):
        assert angle.lower() in text.lower(), angle


def test_a_us_treasurer_reads_us_words():
    text = field_text("treasury", "US")
    assert not re.search(r"\b(headroom|solvent)\b", text, re.IGNORECASE)
    assert not re.search(r"\ba group\b|\bbanking groups\b", text)
    assert "fixed/floating mix" in text
    assert "hedge ratio" not in text
    # Notional pooling is mostly found outside the US: a US reader compares
    # zero balance accounts and sweeps.
    assert "Zero balance accounts" in text
    assert "Physical or notional cash pooling" not in text
    assert "Physical or notional cash pooling" in field_text("treasury", "GB")


def test_a_us_treasurer_who_wants_to_speak_is_pointed_to_afp_s_call_and_local_associations():
    area = LIB.area("treasury")
    calls = [m for m in area.moments if "call for proposals" in m.name]
    assert calls and all(m.countries == ("US",) for m in calls)
    assert any("AFP-affiliated treasury association" in f for f in area.follow)


def test_a_us_treasurer_s_talk_abstract_is_sent_to_afp_s_call_first():
    moments = [(m.name, m.month, m.kind) for m in LIB.area("treasury").moments]
    where = talk_close(moments)[0]
    assert "the AFP Annual Conference call for proposals (check this year's dates)" in where
    assert "a local meetup" in where
    # A field without a call for talks keeps the general close.
    assert talk_close([("PayrollOrg Congress", 5, "conference")]) == TALK_CLOSE


# --- Payroll ---------------------------------------------------------------------


def test_garnishments_get_a_theme_with_us_and_uk_angles():
    assert "area:payroll:garnishments" in ticked(PAYROLL, ("expert", "hiring"))
    us = field_text("payroll", "US")
    for term in ("CCPA", "income withholding order", "AWG", "14 days", "disposable earnings"):
        assert term in us, term
    assert "attachment of earnings" not in us.lower()
    gb = field_text("payroll", "GB")
    assert "attachment of earnings order" in gb and "DEO" in gb
    assert "CCPA" not in gb


def test_a_us_payroll_manager_reads_401k_and_noncash_fringe_benefits_not_pensions():
    area = LIB.area("payroll")
    summaries = " ".join(t.summary for t in area.themes)
    assert "pension" not in summaries and "nobody is paid in cash" not in summaries
    us = field_text("payroll", "US")
    assert "noncash fringe benefit still lowers take-home pay" in us
    assert "traditional 401(k) deferrals do not" in us
    assert "retro" in us and "overtime rates, pension" not in us


def test_the_two_benefit_sign_off_ideas_are_one_for_a_us_reader():
    us = field_text("payroll", "US")
    assert "only taxed right if payroll hears about it" not in us
    assert "Box 12 code DD" in us
    assert "only taxed right if payroll hears about it" in field_text("payroll", "GB")


def test_w2_dates_say_the_next_business_day_and_no_october_idea_in_december():
    area = LIB.area("payroll")
    us = field_text("payroll", "US")
    assert "next business day" in us
    assert "starting in October" not in us and "three months before the deadline" not in us
    assert "last payroll of the year" in us
    # A moment's name is a post title: the weekend rule lives in the angle's point.
    w2 = [m.name for m in area.moments if "W-2" in m.name]
    assert w2 and all("next business day" not in name for name in w2)


def test_a_manager_is_told_plainly_the_nlra_probably_does_not_protect_them():
    """Supervisors fall outside the Act by their authority, not their title: a
    manager without reports (a customer success manager) is told how to tell."""
    manager = text_of(playbook(LIB, "Payroll", "Payroll manager", country="US")["political-topics"])
    assert "defined by their authority, not their job title" in manager
    assert "hire, discipline or direct other people's work" in manager
    assert "probably outside that protection" in manager
    assert "as a manager you are" not in manager
    assert "generally fall outside it" not in manager
    clerk = text_of(
        playbook(LIB, "Payroll", "Payroll specialist", country="US")["political-topics"]
    )
    assert "generally fall outside it" in clerk and "as a manager" not in clerk


def test_a_form_number_keeps_its_capital_in_mid_sentence():
    assert lower_first("W-2s are due") == "W-2s are due"
    assert lower_first("I-9 forms are kept") == "I-9 forms are kept"
    assert lower_first("X-rays show it") == "x-rays show it"


# --- Quantity surveying ------------------------------------------------------------


def test_a_qs_writing_for_clients_gets_the_client_side_final_account_before_cvr():
    chosen = ticked(CLIENT_QS, ("expert", "network"))
    assert "area:quantity-surveying:client-final-account" in chosen
    assert "area:quantity-surveying:commercial-management" not in chosen
    contractor = LIB.area("quantity-surveying").theme("commercial-management")
    assert contractor.title.startswith("The contractor's side")


def test_qs_terms_read_with_their_article_and_number():
    concepts = LIB.area("quantity-surveying").concepts
    assert "the Schedule of Cost Components" in concepts and "compensation events" in concepts
    assert "The clause 61.3 time bar doesn't apply" in field_text("quantity-surveying", "GB")


def test_a_qs_gives_no_ballpark_rate_anyone_could_rely_on():
    book = playbook(LIB, "Quantity surveying", "Senior quantity surveyor", country="GB")
    card = text_of(book["ballpark-rate-in-comments"])
    assert "negligent misstatement" in card and "professional indemnity" in card
    assert book["ballpark-rate-in-comments"].approach == "Explain what drives it; give no figure"


# --- All three ---------------------------------------------------------------------


def test_no_make_it_yours_becomes_the_stock_pattern_question():
    """A question put to the readers ("Which Option would you choose…?") gives way
    to a stock prompt about patterns across many cases, which reads as a broken
    slot under a post about bank connectivity or Option A; each ask here asks
    the writer what they have seen."""
    for slug in ("treasury", "payroll", "quantity-surveying"):
        for theme in LIB.area(slug).themes:
            for angle in theme.angles:
                asked = own_ask(angle.ask, "cases", guarded=True)
                assert "never one anyone could" not in asked, (slug, angle.slug)
