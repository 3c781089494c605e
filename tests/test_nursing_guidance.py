"""Nursing and midwifery plans read as their practitioners would.

A US ICU nurse whose sub-topics are sepsis and nurse staffing gets sepsis
material (the hour-1 bundle, the Surviving Sepsis Campaign, SEP-1) and US
words (state board, license, unit), never the UK's NMC, revalidation,
trusts or a simulation suite, and a playbook that names HIPAA; a UK nurse
keeps the NMC. A midwife's ideas never ask about her own service's
decisions, and only paramedics read the ambulance lines (scenes, dashcams).
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.field_plans import field_plan
from tests.test_playbook import playbook, text_of
from wizard.library import load_library

ICU_NURSE = {
    "role": "ICU nurse, academic medical center",
    "expertise": "Nursing",
    "subtopics": "sepsis\nnurse staffing",
    "audience": "other nurses and nursing students",
}
UK_NURSE = {**ICU_NURSE, "role": "Staff nurse, NHS trust"}
MIDWIFE = {
    "role": "Community midwife, NHS trust",
    "expertise": "Midwifery",
    "subtopics": "home births\nperinatal mental health",
    "audience": "other midwives and student midwives",
}


@pytest.fixture(scope="module")
def library():
    return load_library()


def strings(value) -> list[str]:
    """Every piece of text in a plan, its ideas, tone and playbook included."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in strings(getattr(value, f.name))]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [s for v in value for s in strings(v)]
    return []


def idea_text(plan) -> str:
    return " ".join(s for idea in plan.ideas for s in strings(idea))


@pytest.fixture(scope="module")
def us_icu(library):
    return field_plan(ICU_NURSE, "US", every=False, weeks=2, library=library)


def test_a_us_icu_nurse_starts_with_sepsis(us_icu):
    assert us_icu.outline[0].title.startswith("Sepsis")
    ideas = idea_text(us_icu)
    assert "hour-1 bundle" in ideas and "Surviving Sepsis Campaign" in ideas
    assert "SEP-1" in ideas and "NEWS2 and the sepsis screen" not in ideas


def test_a_us_icu_nurse_reads_no_uk_or_simulation_words(us_icu):
    everything = " ".join(strings(us_icu)).replace("area:nursing:revalidation-cpd", "")
    for word in ("NMC", "revalidation", "Revalidation", "sim suite", "manikin", "PEARLS",
                 "Freedom to Speak Up", "dashcam", "road traffic collision"):
        assert word not in everything, word
    ideas = idea_text(us_icu)
    for pattern in (r"\bward\b", r"\byour trust\b", r"\btrust or hospital", r"(?<![\w-])kit(?![\w-])", r"\bCPD\b"):
        assert not re.search(pattern, ideas), pattern


def test_a_us_nurse_s_playbook_names_hipaa(library):
    book = playbook(library, "Nursing", "ICU nurse", country="US")
    assert "HIPAA" in text_of(book["confidential-information"])
    assert "HIPAA" in text_of(book["patient-story"])
    uk = playbook(library, "Nursing", "Staff nurse", country="GB")
    assert "HIPAA" not in text_of(uk["confidential-information"])
    assert "UK GDPR" in text_of(uk["confidential-information"])


def test_a_uk_nurse_keeps_the_nmc(library):
    plan = field_plan(UK_NURSE, "GB", every=True, weeks=1, library=library)
    ideas = idea_text(plan)
    assert "NMC revalidation" in ideas and "NEWS2" in ideas
    assert "SEP-1" not in ideas and "CCRN" not in ideas


def test_a_midwife_s_ideas_never_ask_about_her_own_service(library):
    plan = field_plan(MIDWIFE, "GB", every=True, weeks=1, library=library)
    ideas = idea_text(plan)
    for phrase in ("your service", "your trust", "your unit", "Where would you plan to give birth"):
        assert phrase not in ideas, phrase
    transfer = [i for i in plan.ideas if "transfer in labo" in " ".join(strings(i))]
    assert transfer and all("composite" in " ".join(strings(i)) for i in transfer)
