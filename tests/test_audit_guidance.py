"""What auditors found reading their plans: an external auditor's going
concern period counted from the year end (the UK counts from approval of the
accounts), no card on suspicions at a client (tipping off), an idea asking
for the root cause their own firm found while the playbook forbids talking
about one's own files, investment-promotion words in an auditor's words to
leave out, and an internal auditor who typed "fraud" with no fraud theme."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.test_ideas import LIB
from wizard.generators.plan import build_plan
from wizard.generators.playbook import Standing, situation_playbook
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import voice as voice_module

TODAY = date(2026, 11, 30)
EXTERNAL = (
    "Audit manager, mid-tier accounting firm",
    ["going concern", "audit quality reviews"],
    "finance directors and trainees",
    ["expert", "hiring"],
)
INTERNAL = (
    "Head of internal audit, housing association",
    ["risk-based auditing", "fraud"],
    "audit committees and other internal auditors",
    ["expert", "network"],
)


def audit_plan(person: tuple, country: str, rung: int = 2):
    """The plan of a person who typed "Audit", as the wizard builds it."""
    role, subtopics, audience, goals = person
    work = {
        "role": role,
        "expertise": "Audit",
        "subtopics": "\n".join(subtopics),
        "audience": audience,
        "questions": "",
    }
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": goals},
        "tone": {},
        "themes": {
            "themes": theme_rows(suggest_themes(work, goals, LIB)),
            "start_date": "2026-12-07",
            "country": country,
        },
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=TODAY)


def cards(field: str, country: str) -> dict:
    """A field's playbook by situation slug, for a reader in ``country``."""
    area = LIB.area(field)
    entries = situation_playbook({}, LIB, area.sectors, area.family, Standing(), field, (), country)
    return {e.slug: e for e in entries}


def text(entry) -> str:
    return " ".join(
        (entry.title, entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont)
    )


def angle(field: str, slug: str):
    return next(a for t in LIB.area(field).themes for a in t.angles if a.slug == slug)


def test_the_going_concern_forecast_runs_from_approval_not_the_year_end():
    points = " ".join(angle("external-audit", "gc-what-i-need").points)
    assert "12 months from the date you expect to approve the accounts" in points
    assert "not from the year end" in points
    assert "next 12 months" not in points
    first = audit_plan(EXTERNAL, "GB").ideas[0]
    assert first.angle == "gc-what-i-need"
    assert any("approve the accounts" in line for line in first.outline), first.outline


def test_the_revised_going_concern_standard_is_dated_and_points_uk_readers_to_the_frc():
    revised = angle("external-audit", "isa-570-revised-2024")
    said = " ".join(revised.points)
    assert "15 December 2026" in said and "ISA (UK) 570" in said
    hooks = [i.hook for i in audit_plan(EXTERNAL, "GB").ideas]
    assert any(h.startswith("ISA 570 (Revised 2024)") for h in hooks), hooks


@pytest.mark.parametrize(
    ("country", "present", "absent"),
    [
        ("GB", ("section 333A", "MLRO", "CCAB"), ("Section 10A", "AS 2405")),
        ("US", ("Section 10A", "AS 2405", "AICPA"), ("Proceeds of Crime", "MLRO")),
        ("", ("tipping off", "money laundering reporting officer"), ("Section 10A",)),
    ],
)
def test_an_external_auditor_reads_a_tipping_off_card_in_their_country(country, present, absent):
    book = cards("external-audit", country)
    words = text(book["suspicion-at-a-client"])
    for phrase in present:
        assert phrase in words, (country, phrase)
    for phrase in absent:
        assert phrase not in words, (country, phrase)
    assert any("even obliquely" in line for line in book["suspicion-at-a-client"].dont)


@pytest.mark.parametrize("field", ["audit", "accounting-financial-reporting", "tax"])
def test_only_external_auditors_read_the_tipping_off_card(field):
    assert "suspicion-at-a-client" not in cards(field, "GB")


def test_an_internal_auditor_reads_the_fraud_investigations_card_and_no_competitors():
    book = cards("audit", "GB")
    fraud = book["fraud-investigations"]
    assert any("whistleblower" in line for line in fraud.dont)
    assert any("fraud response plan" in line for line in fraud.do)
    assert "competitor-mention" not in book
    assert "fraud-investigations" not in cards("external-audit", "GB")


# A line that talks about findings on one's own files or one's firm's reviews.
OWN_FINDINGS = re.compile(
    r"\b(your|my) (firm|firm's|own files?|files?)\b.*\b(finding|findings|found|root cause|"
    r"inspection results?|review points?)\b"
    r"|\b(finding|findings|found|root cause|review points?)\b.*\b(your|my) (firm|firm's|own files?)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("country", ["GB", "US"])
@pytest.mark.parametrize("rung", [1, 2, 5])
def test_no_idea_asks_for_findings_the_playbook_keeps_private(country, rung):
    plan = audit_plan(EXTERNAL, country, rung)
    for idea in plan.ideas:
        for line in (idea.hook, idea.make_it_yours, *idea.outline):
            if OWN_FINDINGS.search(line):
                assert re.search(r"\b(never|only)\b", line, re.IGNORECASE), line


def test_every_external_audit_ask_keeps_to_the_inspections_card():
    for theme in LIB.area("external-audit").themes:
        for a in theme.angles:
            for line in (a.premise, a.ask or "", *a.points):
                if OWN_FINDINGS.search(line):
                    assert re.search(r"\b(never|only)\b", line, re.IGNORECASE), line


def test_the_inspections_card_allows_published_findings_and_keeps_ones_own():
    card = cards("external-audit", "GB")["inspections-and-cases"]
    assert any("thematic reviews" in line for line in card.do)
    assert any("your own files" in line for line in card.dont)


def test_hiring_posts_use_the_auditors_own_trainee_angles():
    hiring = [i for i in audit_plan(EXTERNAL, "GB").ideas if i.angle.startswith("hiring:")]
    hooks = {i.hook for i in hiring}
    assert "Hiring trainees: what I look for at an assessment day, beyond the grades" in hooks
    assert "What I look for when I hire, beyond the job description" not in hooks


def test_a_uk_external_auditor_reads_uk_titles_for_the_standards():
    hooks = " ".join(i.hook for i in audit_plan(EXTERNAL, "GB").ideas)
    assert "ISA (UK) 315 (Revised July 2020)" in hooks
    us = " ".join(i.hook for i in audit_plan(EXTERNAL, "US").ideas)
    assert "ISA (UK) 315" not in us and "SAS 145" in us
    elsewhere = " ".join(i.hook for i in audit_plan(EXTERNAL, "IE").ideas)
    assert "ISA 315 (Revised 2019)" in elsewhere and "SAS 145" not in elsewhere


def test_a_us_auditor_hires_through_campus_recruiting_not_an_assessment_day():
    hiring = [i for i in audit_plan(EXTERNAL, "US").ideas if i.angle.startswith("hiring:")]
    hooks = {i.hook for i in hiring}
    assert "Campus recruiting: what I look for in an intern, beyond the GPA" in hooks, hooks
    assert not any("assessment day" in h for h in hooks), hooks


def test_an_internal_auditor_who_typed_fraud_gets_a_fraud_theme():
    plan = audit_plan(INTERNAL, "GB")
    angles = {i.angle for i in plan.ideas}
    assert {"ia-not-investigator", "failure-to-prevent-fraud"} <= angles, angles
    us = {i.angle for i in audit_plan(INTERNAL, "US").ideas}
    assert "failure-to-prevent-fraud" not in us


@pytest.mark.parametrize("field", ["external-audit", "audit"])
def test_auditors_words_to_leave_out_hold_no_investment_promotion(field):
    voice = voice_module.load_voice()
    avoid = voice.for_field(field, "finance").avoid
    assert not {"guaranteed", "risk-free", "can't lose"} & set(avoid), avoid
    assert "figures not yet published" in avoid
    assert "guaranteed" in voice.for_field("treasury", "finance").avoid


def test_the_formal_sample_size_example_keeps_its_point():
    voice = voice_module.load_voice()
    for field in ("external-audit", "audit"):
        formal = voice.for_field(field, "finance").examples["formality"][0]
        assert "not from the time available for fieldwork" in formal, formal


@pytest.mark.parametrize(
    ("slug", "gb", "us"),
    [
        ("audit-client-information", "the Midlands", "the Midwest"),
        ("company-prospects", "UK MAR", "material nonpublic information"),
        ("inspections-and-cases", "annual review of audit quality", "PCAOB inspection reports"),
    ],
)
def test_an_external_auditor_reads_their_own_country_s_rules(slug, gb, us):
    uk_card = text(cards("external-audit", "GB")[slug])
    us_card = text(cards("external-audit", "US")[slug])
    assert gb in uk_card and us not in uk_card
    assert us in us_card and gb not in us_card


def test_independence_cards_name_each_country_s_standard():
    card = text(cards("external-audit", "GB")["audit-independence-online"])
    assert "FRC's Ethical Standard" in card and "SEC rules" in card
    us_angles = {
        a.slug for t in LIB.area("external-audit").themes for a in t.angles if a.holds_in("US")
    }
    assert "sec-independence-us" in us_angles and "non-audit-services" not in us_angles


def test_a_uk_internal_auditor_is_offered_provision_29_and_a_us_one_is_not():
    controls = next(t for t in LIB.area("audit").themes if t.slug == "sox-controls")
    gb = {a.slug for a in controls.angles if a.holds_in("GB")}
    us = {a.slug for a in controls.angles if a.holds_in("US")}
    assert "provision-29-uk" in gb and "provision-29-uk" not in us


def test_a_us_auditor_counts_the_going_concern_year_from_issue_under_asc_205_40():
    ideas = {i.angle: i for i in audit_plan(EXTERNAL, "US").ideas}
    assert "gc-what-i-need" not in ideas
    said = " ".join(ideas["gc-what-i-need-us"].outline)
    assert "ASC 205-40" in said and "one year after the statements are issued" in said
