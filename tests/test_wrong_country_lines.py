"""Lines practitioners flagged as another country's, or half finished: a US
electrician or litigator hearing British rules in their tone section, a UK
solicitor reading US e-discovery, a US payroll plan's year-end in British
words, and points that trail off after a colon."""

from __future__ import annotations

import re

import pytest

from tests.field_plans import field_plan
from wizard.generators.ideas import (
    COMMENT_FRAMES,
    claim_lines,
    comment_point,
    comment_term,
    material,
)
from wizard.generators.plan import in_country_words
from wizard.generators.themes import ThemeChoice
from wizard.library import load_library
from wizard.library.schema import _check_theme_versions
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


PAYROLL = {
    "role": "Payroll specialist",
    "expertise": "payroll",
    "subtopics": "year-end\nmulti-state withholding\ngarnishments",
    "audience": "other payroll professionals",
}


@pytest.mark.parametrize(
    ("country", "said", "unsaid"),
    [
        ("US", r"W-2s and the 941 and 940", r"statutory|FPS|P60"),
        ("GB", r"final FPS, P60s", r"W-2|941|940"),
    ],
)
def test_a_payroll_year_end_theme_reads_in_the_country_s_words(country, said, unsaid):
    """'Year-end and statutory filings' read British in a US plan: the theme's
    title and summary now come in a US and a UK version."""
    plan = field_plan(PAYROLL, country, every=False, library=LIB)
    theme = next(t for t in plan.outline if t.key == "area:payroll:year-end")
    assert re.search(said, theme.title), theme.title
    assert not re.search(unsaid, f"{theme.title} {theme.summary}"), theme
    question = [i for i in plan.ideas if i.angle.startswith("filings-question")]
    assert all(i.angle.endswith(country.lower()) for i in question), question


def test_a_title_the_person_rewrote_stays_theirs():
    theme = ThemeChoice("area:payroll:year-end", "Our January", "", ())
    assert in_country_words(theme, LIB, "US").title == "Our January"


def test_the_loader_refuses_a_theme_version_it_cannot_place():
    wrong = {"UK": {"title": "Year-end", "summary": "x"}, "US": {"title": "Year-end"}}
    problems = _check_theme_versions("themes[0]", wrong)
    assert any("UK" in p for p in problems) and any("US" in p for p in problems), problems


def test_no_comment_frame_reads_as_a_colleague_who_sits_on_a_body():
    """'Replying to a colleague on NMC' read as a colleague on the NMC's council."""
    assert not any("colleague on" in frame for frame in COMMENT_FRAMES)


def test_a_comment_on_the_nmc_register_says_the_nmc_and_makes_a_point_on_it():
    """The route-in angle's point was a noun phrase with no verb, so no claim named
    the NMC and a prompt 'about NMC' made a point about preceptorship instead."""
    area = LIB.area("midwifery")
    angle = next(a for t in area.themes for a in t.angles if a.slug == "registration-uk")
    claims = claim_lines(material(angle))
    assert comment_term(["NMC"], claims) == "the NMC"
    assert "NMC" in comment_point(material(angle), "the NMC")


DIETITIAN = {
    "role": "Dietitian",
    "expertise": "dietetics",
    "subtopics": "weight management\nmalnutrition\nIBS and low FODMAP",
    "audience": "patients and other dietitians",
}


def test_a_dietitian_s_ideas_on_weight_keep_out_weights_calories_and_meal_plans():
    """A post on weight or calories is where a reader asks 'so what should I weigh
    or eat?': every such idea carries the line that keeps those out as advice."""
    plan = field_plan(DIETITIAN, "GB", library=LIB)
    on_weight = [
        i for i in plan.ideas if re.search(r"\bweight|\bBMI\b|calorie|meal plan", i.hook, re.I)
    ]
    assert on_weight
    for idea in on_weight:
        # A weight-loss medicine's idea keeps its own line: no dose and no advice for one person.
        medicine = "No dose" in idea.caution
        assert medicine or "meal plan" in idea.caution, (idea.hook, idea.caution)


def test_a_data_engineer_s_playbook_has_a_card_on_sharing_pipeline_code():
    """A data engineer posts SQL, dbt models, DAGs and schemas: their playbook says
    what to strip (credentials, hostnames, revealing table names, internal links)
    and to check the employer's open source policy. A data scientist's does not."""
    engineer = {
        "role": "Data engineer",
        "expertise": "data engineering",
        "subtopics": "dbt\ndata pipelines\ndata quality",
        "audience": "other data engineers",
    }
    plan = field_plan(engineer, "US", every=False, library=LIB)
    card = next((e for e in plan.playbook if e.slug == "pipeline-code-from-work"), None)
    assert card is not None, [e.slug for e in plan.playbook]
    situation = next(
        s for s in LIB.family("data-ai").situations if s.slug == "pipeline-code-from-work"
    )
    text = " ".join((*situation.do, *situation.dont))
    for words in ("credentials", "hostnames", "tables", "open source policy", "repositor"):
        assert words in text, words
    scientist = {
        "role": "Data scientist",
        "expertise": "machine learning",
        "subtopics": "model evaluation\nfeature engineering",
        "audience": "other data scientists",
    }
    other = field_plan(scientist, "US", every=False, library=LIB)
    assert "pipeline-code-from-work" not in {e.slug for e in other.playbook}


def test_the_e_discovery_theme_is_e_disclosure_to_a_uk_reader():
    theme = LIB.area("disputes-litigation").theme("us-ediscovery")
    gb_title, gb_summary = theme.words_in("GB")
    assert "E-disclosure" in gb_title and not US_DISCOVERY.search(f"{gb_title} {gb_summary}")
    assert "US courts" in theme.words_in("US")[0]
    assert "US" not in theme.title and "PD 57AD" not in theme.summary


# One country's schemes, forms and rules, named in a field's tone examples.
BRITISH_CARE = re.compile(
    r"Serious Shortage Protocol|Pharmacy First|\bGP\b|surgery\b|ReSPECT|conveyance"
    r"|Veterinary Medicines Regulations|2024 rules"
)


@pytest.mark.parametrize(
    ("field", "sectors"),
    [
        ("community-pharmacy", ("healthcare",)),
        ("paramedicine", ("healthcare",)),
        ("veterinary-medicine", ("veterinary",)),
    ],
)
def test_a_us_clinician_s_tone_names_no_british_scheme(field, sectors):
    area = LIB.area(field)
    us = _sentences(field, area.family, sectors, "US")
    assert not BRITISH_CARE.findall(us), BRITISH_CARE.findall(us)
    assert BRITISH_CARE.search(_sentences(field, area.family, sectors, "GB"))


def test_a_country_s_entry_never_reads_over_a_setting_s():
    """A farm vet's voice is their setting's whole entry: a country's entry for the
    field's companion animal work does not replace the calf pen."""
    farm = VOICE.for_field(
        "veterinary-medicine", "life-sciences", ("veterinary",), lambda s: "farm" in s, "GB"
    )
    assert "pen" in farm.examples["formality"][1], farm.examples["formality"]


def test_a_litigator_s_terms_are_their_own_country_s():
    """A US paralegal read 'your field's exact terms, such as PD 57AD, Initial
    Disclosure, Extended Disclosure'; a UK solicitor's terms name no FRCP rule."""
    paralegal = {
        "role": "Litigation paralegal",
        "expertise": "e-discovery",
        "subtopics": "document review\nprivilege logs\nESI protocols",
        "audience": "other litigation paralegals",
    }
    us = field_plan(paralegal, "US", every=False, library=LIB)
    assert us.tone.field_terms and not ENGLISH_DISCLOSURE.findall(" ".join(us.tone.field_terms))
    assert not re.search(r"PD 57A|CPR|Part 36", " ".join(us.tone.field_terms))
    solicitor = {**paralegal, "role": "Solicitor", "expertise": "litigation"}
    solicitor["subtopics"] = "disclosure\nwitness statements\ncosts budgeting"
    gb = field_plan(solicitor, "GB", every=False, library=LIB)
    assert gb.tone.field_terms and not US_DISCOVERY.findall(" ".join(gb.tone.field_terms))


# England's planning and highways words, which a US architect, planner or highway engineer never uses.
BRITISH_PLANNING = re.compile(
    r"party wall|permitted development|Article 4|material consideration|committee|local plan"
    r"|gritt|Well-managed Highway|stage 3|validation"
)


@pytest.mark.parametrize("field", ["architecture", "town-planning", "highways-engineering"])
def test_a_us_planner_architect_or_highway_engineer_hears_us_practice(field):
    area = LIB.area(field)
    us = _sentences(field, area.family, area.sectors, "US")
    assert not BRITISH_PLANNING.findall(us), BRITISH_PLANNING.findall(us)
    assert BRITISH_PLANNING.search(_sentences(field, area.family, area.sectors, "GB"))
