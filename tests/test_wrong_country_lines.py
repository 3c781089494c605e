"""Lines practitioners flagged as another country's, or half finished: a US
electrician or litigator hearing British rules in their tone section, a UK
solicitor reading US e-discovery, a US payroll plan's year-end in British
words, and points that trail off after a colon."""

from __future__ import annotations

import re

from wizard.library import load_library
from wizard.library.voice import load_voice

LIB = load_library()
VOICE = load_voice()
# England's disclosure rules and practice direction, which a US court never applies.
ENGLISH_DISCLOSURE = re.compile(r"PD 57AC|Extended Disclosure|Model [A-E]\b|\bdisclos")


def _sentences(field: str, family: str, sectors: tuple[str, ...], country: str) -> str:
    voice = VOICE.for_field(field, family, sectors, country=country)
    return "\n".join(s for trio in voice.examples.values() for s in trio)


def test_a_us_litigator_s_tone_speaks_of_discovery_not_english_disclosure():
    us = _sentences("disputes-litigation", "legal", ("legal",), "US")
    assert not ENGLISH_DISCLOSURE.findall(us), ENGLISH_DISCLOSURE.findall(us)
    assert re.search(r"\bFRCP\b|\bdiscovery\b", us), us


def test_a_uk_litigator_s_tone_keeps_disclosure():
    assert ENGLISH_DISCLOSURE.search(_sentences("disputes-litigation", "legal", ("legal",), "GB"))

# The US rules and terms of discovery, which an English court never applies.
US_DISCOVERY = re.compile(r"FRCP|Rule 34|\bESI\b|502\(d\)|meet and confer|\bdiscovery\b")


def _ediscovery_text(country: str) -> str:
    area = LIB.area("disputes-litigation")
    theme = next(t for t in area.themes if t.slug == "us-ediscovery")
    angles = [a for a in theme.angles if a.holds_in(country)]
    return "\n".join(" ".join((a.premise, *a.points, a.ask or "")) for a in angles)


def test_a_uk_solicitor_reads_the_e_discovery_theme_as_e_disclosure():
    """The US e-discovery theme's angles were untagged: a UK solicitor read FRCP
    26, Rule 34 and ESI protocols. Now each has a GB version or a US tag."""
    gb = _ediscovery_text("GB")
    assert not US_DISCOVERY.findall(gb), US_DISCOVERY.findall(gb)
    assert "PD 57AD" in gb and "Disclosure Review Document" in gb, gb


def test_a_us_paralegal_keeps_frcp_discovery():
    us = _ediscovery_text("US")
    for term in ("FRCP 26", "Rule 34", "ESI protocol", "502(d)"):
        assert term in us, term
    assert "PD 57AD" not in us


def test_the_finance_card_on_numbers_says_covenants_in_words_both_countries_read():
    """'Covenant headroom' is the UK's word; a US treasurer or payroll manager
    says cushion. The card says what it means instead."""
    card = next(s for s in LIB.family("finance").situations if s.slug == "numbers-from-work")
    text = " ".join((card.title, card.summary, *card.do, *card.dont))
    assert "headroom" not in text and "covenant limits" in text, text


def test_a_us_auditor_asks_for_the_covenant_cushion():
    area = LIB.area("external-audit")
    us = next(a for t in area.themes for a in t.angles if a.slug == "gc-what-i-need-us")
    assert any("covenant cushion" in p for p in us.points), us.points
    assert not any("headroom" in p for p in us.points)
