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
