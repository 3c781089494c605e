"""An idea and a card in the reader's country: a UK data protection officer
reads the UK GDPR and the ICO, an EU one the EDPB; a US chemistry teacher reads
labs, AP and the Chemical Hygiene Plan, an English one practicals and CLEAPSS.

An angle's version for some countries (``replaces``) stands in for the angle it
names there; a card's ``not_in`` leaves it out in those countries alone.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.field_plans import field_plan
from wizard.generators.playbook import Standing, playbook_sectors, situation_playbook
from wizard.library import load_library
from wizard.library.loader import LIBRARY_DIR, Angle, read_library
from wizard.library.schema import LibraryError

LIB = load_library()
DPO = {
    "role": "Data protection officer, NHS trust",
    "expertise": "Data protection",
    "subtopics": "subject access requests\ndata sharing",
    "audience": "other DPOs and IG leads",
}
TEACHER = {
    "role": "High school chemistry teacher",
    "expertise": "Science teaching",
    "subtopics": "lab safety\nAP Chemistry",
    "audience": "other science teachers",
}


def plan_text(work: dict, country: str) -> str:
    """Every idea of a plan holding all the field's themes, for ``country``."""
    plan = field_plan(work, country)
    return "\n".join(" ".join((i.hook, *i.outline, i.make_it_yours)) for i in plan.ideas)


def cards(field: str, country: str) -> str:
    """Every word of a field's playbook for a reader in ``country``."""
    area = LIB.area(field)
    entries = situation_playbook(
        {}, LIB, playbook_sectors(LIB, area.sectors), area.family, Standing(), field, (), country
    )
    return "\n".join(
        " ".join((e.slug, e.title, e.summary, e.approach, e.detail, *e.do, *e.dont))
        for e in entries
    )


def test_a_version_stands_in_for_its_angle_only_in_its_countries():
    base = Angle("a", "A premise", ("x", "y"), ("opinion",), "", replaced_in=("GB",))
    uk = Angle("a-uk", "A premise", ("x", "y"), ("opinion",), "", countries=("GB",))
    assert not base.holds_in("GB") and not base.holds_in("UK")
    assert base.holds_in("DE") and base.holds_in("US") and base.holds_in("")
    assert uk.holds_in("GB") and not uk.holds_in("DE") and not uk.holds_in("")


def test_the_library_wires_versions_to_the_angles_they_replace():
    area = LIB.area("compliance-privacy")
    angles = {a.slug: a for t in area.themes for a in t.angles}
    assert angles["72-hour-clock-starts-awareness-not"].replaced_in == ("GB",)
    assert angles["72-hour-clock-uk"].countries == ("GB",)
    science = {a.slug: a for t in LIB.area("science-teaching").themes for a in t.angles}
    assert science["banned-myth"].replaced_in == ("US",)


def test_a_uk_dpo_reads_the_uk_gdpr_and_the_ico_never_the_edpb():
    text = plan_text(DPO, "GB")
    for uk in (
        "UK GDPR",
        "ICO",
        "outside the UK",
        "IDTA",
        "UK Addendum",
        "data bridge",
        "Data (Use and Access) Act 2025",
        "Access to Health Records Act 1990",
        "Caldicott",
        "National Data Opt-out",
        "serious harm",
    ):
        assert uk in text, uk
    for eu in (
        "EDPB",
        "EEA",
        "Article 33 GDPR",
        "Article 35 GDPR",
        "SCC module",
        "Data Privacy Framework didn't",
        "DPDP",
        "India",
        "engineer",
        "follow-the-sun",
    ):
        assert eu not in text, eu


def test_an_eu_dpo_keeps_the_eu_words_and_reads_no_uk_law():
    text = plan_text(DPO, "DE")
    for eu in ("EDPB", "outside the EEA", "Article 33 GDPR", "SCC module"):
        assert eu in text, eu
    for uk in ("UK GDPR", "IDTA", "data bridge", "Caldicott", "Access to Health Records Act"):
        assert uk not in text, uk


def test_no_dpo_is_asked_for_their_organization_s_request_counts():
    for country in ("GB", "DE", ""):
        assert not re.search(r"how many (dsars|requests)", plan_text(DPO, country), re.I)


def test_a_dpo_who_declines_a_testimonial_is_not_told_how_to_post_it():
    area = LIB.area("compliance-privacy")
    entries = situation_playbook(
        {"situations": {"vendor-testimonial": "decline-endorsement"}},
        LIB,
        area.sectors,
        area.family,
        Standing(),
        area.slug,
        (),
        "GB",
    )
    card = next(e for e in entries if e.slug == "vendor-testimonial")
    assert not any("in the post" in line for line in card.do), card.do


def test_a_uk_dpo_s_cards_name_freedom_of_information_and_no_firm_or_client():
    gb = cards("compliance-privacy", "GB")
    assert "Freedom of Information" in gb and "UK GDPR" in gb
    assert "Caldicott Guardian" in gb and "colleague-posts-personal-data" in gb
    assert "Caldicott" not in cards("compliance-privacy", "DE")
    assert "your firm" not in gb and "a client, an opponent" not in gb


US_ONLY_NOT = (
    "A level",
    "CLEAPSS",
    "CPAC",
    "required practical",
    "mock",
    "technician",
    "formula triangle",
    "start of secondary",
    "health and safety",
    "prep room",
)


def test_a_us_chemistry_teacher_reads_labs_ap_and_the_chemical_hygiene_plan():
    text = plan_text(TEACHER, "US")
    for us in (
        "lab",
        "AP Chemistry",
        "Chemical Hygiene Plan",
        "SDS",
        "middle school",
        "scoring guidelines",
        "chief reader report",
    ):
        assert us in text, us
    for british in US_ONLY_NOT:
        assert british.lower() not in text.lower(), british
    assert not re.search(r"\bpracticals?\b", text, re.I)


def test_an_english_science_teacher_keeps_practicals_and_cleapss():
    text = plan_text(TEACHER, "GB")
    for gb in ("required practical", "CLEAPSS", "CPAC", "mock", "A level chemistry"):
        assert gb in text, gb
    for us in ("Chemical Hygiene Plan", "chief reader report", "AP Classroom", "mole map"):
        assert us not in text, us


def test_a_us_teacher_s_playbook_has_no_inspection_and_names_mandated_reporting():
    us, gb = cards("science-teaching", "US"), cards("science-teaching", "GB")
    assert "inspection-findings" not in us and "inspection-findings" in gb
    assert "inspection-findings" in cards("science-teaching", "")  # step 6 and no country
    assert "mandated reporter" in us and "Chemical Hygiene Plan" in us
    for british in (
        "safeguarding",
        "exclusion",
        "trust,",
        "trust or",
        "risk assessment",
        "safety adviser",
        "line manager",
        "exam board",
        "practical activity",
    ):
        assert british not in us, british
    assert "designated safeguarding lead" in gb and "risk assessment" in gb


def _copy(tmp_path):
    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('replaces = "banned-myth"', 'replaces = "no-such-angle"', "is not an angle of this theme"),
        (
            'replaces = "banned-myth"\ncountries = ["US"]',
            'replaces = "banned-myth"',
            "a version needs `countries`",
        ),
        (
            'replaces = "shorter-practical"',
            'replaces = "banned-myth"',
            "is not an angle of this theme",
        ),
    ],
)
def test_a_broken_version_is_refused(tmp_path, old, new, message):
    directory = _copy(tmp_path)
    path = directory / "expertise" / "science-teaching.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(LibraryError, match=re.escape(message)):
        read_library(directory)


def test_two_versions_of_one_angle_for_one_country_are_refused(tmp_path):
    directory = _copy(tmp_path)
    path = directory / "expertise" / "science-teaching.toml"
    text = path.read_text().replace('replaces = "mole-counting"', 'replaces = "particles-myth"', 1)
    path.write_text(text)
    with pytest.raises(LibraryError, match="already have a version"):
        read_library(directory)


def test_a_card_both_for_some_countries_and_not_in_others_is_refused(tmp_path):
    directory = _copy(tmp_path)
    path = directory / "sectors.toml"
    text = path.read_text().replace('not_in = ["US"]', 'not_in = ["US"]\ncountries = ["GB"]', 1)
    path.write_text(text)
    with pytest.raises(LibraryError, match="not_in"):
        read_library(directory)


SCHOOL = {
    "role": "Middle school teacher",
    "expertise": "Teaching",
    "subtopics": "safeguarding\nformative assessment",
    "audience": "other teachers",
}


def test_a_us_school_teacher_reads_mandated_reporting_and_ferpa_not_kcsie():
    us, gb = plan_text(SCHOOL, "US"), plan_text(SCHOOL, "GB")
    assert "mandated reporter" in us and "FERPA" in us
    for british in ("KCSIE", "designated safeguarding lead", "marking", "pupils"):
        assert british not in us, british
    assert "KCSIE" in gb and "designated safeguarding lead" in gb and "marking" in gb


def test_a_school_teacher_meets_families_in_the_education_cards_not_a_service_complaint():
    for field in ("teaching", "science-teaching"):
        assert "public-complaint" not in cards(field, "US")
        assert "public-complaint" not in cards(field, "GB")
    assert "public-complaint" in cards("public-policy", "GB")
