"""A sector's cards in the words of the reader's field and country.

Healthcare's cards name the reader's own regulator (a paramedic in the UK
reads the HCPC, a pharmacist the GPhC, a nurse in the US their state board of
nursing), and a card that differs by country comes in versions (a US nurse's
safety concern goes to a state board and The Joint Commission, not a
prescribed body). The loader refuses a placeholder no term fills, a term no
card uses, and versions a person's stored choice could not follow.
"""

from __future__ import annotations

import re
import shutil

import pytest

from wizard.generators.playbook import (
    Standing,
    for_country,
    playbook_sectors,
    situation_groups,
    situation_playbook,
)
from wizard.library import load_library
from wizard.library.loader import LIBRARY_DIR, read_library
from wizard.library.schema import LibraryError
from wizard.library.terms import Term, resolve

LIB = load_library()
UK_BODIES = ("GMC", "NMC", "HCPC", "GPhC", "GDC")
COUNTRIES = ("GB", "US", "IE", "AU", "")


def card_text(field: str, country: str, owner: bool = False) -> str:
    """Every word of a field's playbook for a reader in ``country``."""
    area = LIB.area(field)
    entries = situation_playbook(
        {},
        LIB,
        playbook_sectors(LIB, area.sectors),
        area.family,
        Standing(owner=owner),
        field,
        (),
        country,
    )
    return "\n".join(
        " ".join((e.title, e.summary, e.approach, e.detail, *e.do, *e.dont)) for e in entries
    )


def bodies(text: str) -> set[str]:
    return {b for b in UK_BODIES if re.search(rf"\b{b}\b", text)}


@pytest.mark.parametrize(
    ("field", "body"),
    [("paramedicine", "HCPC"), ("community-pharmacy", "GPhC"), ("nursing", "NMC")],
)
def test_a_uk_clinician_reads_their_own_regulator_only(field, body):
    for owner in (False, True):
        text = card_text(field, "GB", owner)
        assert bodies(text) == {body}, (field, owner, bodies(text))


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("paramedicine", "your state EMS office"),
        ("community-pharmacy", "your state board of pharmacy"),
        ("nursing", "your state board of nursing"),
    ],
)
def test_a_us_clinician_reads_their_state_board_and_no_uk_body(field, words):
    text = card_text(field, "US")
    assert words in text
    assert not bodies(text), bodies(text)
    for british in ("NHS 111", "999", "Samaritans", "prescribed body", "inquest"):
        assert british not in text, british
    assert "911" in text and "988" in text


def test_a_healthcare_reader_without_a_field_reads_every_body_in_the_uk():
    """Someone placed in healthcare by the words they typed (an occupational
    therapist) reads the sector's own words: the UK bodies, or a board."""
    sectors = ["healthcare"]
    uk = situation_playbook({}, LIB, sectors, None, Standing(), None, (), "GB")
    text = " ".join(d for e in uk for d in (*e.do, e.detail))
    assert {"GMC", "NMC", "HCPC", "GPhC"} <= bodies(text)
    anywhere = situation_playbook({}, LIB, sectors, None, Standing(), None, (), "")
    text = " ".join(d for e in anywhere for d in (*e.do, e.detail))
    assert "your professional regulator or licensing board" in text
    assert not bodies(text)


def test_a_vet_reads_the_rcvs_in_the_uk_and_the_avma_in_the_us():
    assert "RCVS" in card_text("veterinary-medicine", "GB")
    us = card_text("veterinary-medicine", "US")
    assert "RCVS" not in us and "veterinarian-client-patient relationship" in us


def test_teachers_read_their_country_and_lecturers_their_university():
    gb = card_text("teaching", "GB")
    assert "Teaching Regulation Agency" in gb and "CLEAPSS" in gb
    us = card_text("teaching", "US")
    assert "licensing board" in us and "district" in us
    for british in ("headteacher or line manager (at a trust", "CLEAPSS", "Ofsted"):
        assert british not in us
    lecturer = card_text("higher-education", "GB")
    assert "head of department" in lecturer and "Teaching Regulation Agency" not in lecturer


def entry(field: str, slug: str, country: str):
    area = LIB.area(field)
    entries = situation_playbook({}, LIB, area.sectors, area.family, Standing(), field, (), country)
    return next(e for e in entries if e.slug == slug)


def words(e) -> str:
    return " ".join((e.title, e.summary, e.approach, e.detail, *e.do, *e.dont))


@pytest.mark.parametrize(
    ("field", "slug", "gb", "us"),
    [
        ("teaching", "exam-material", "AQA", "AP Reader agreement or your scorer's"),
        ("town-planning", "political-neutrality", "Local Government and Housing Act", "Hatch Act"),
        ("town-planning", "councillors-and-predetermination", "officer report", "staff report"),
        ("town-planning", "neighbour-application", "Planning Aid England", "zoning code"),
        ("town-planning", "live-planning-case", "decision notice", "hearing record"),
        ("people-hr", "claims-and-settlements", "employment tribunal", "EEOC"),
        ("people-hr", "live-consultation", "predetermination", "WARN Act"),
        ("nursing", "error-or-inquest", "duty of candour", "disclosure process"),
        ("social-work", "family-court-matter", "contempt of court", "juvenile and dependency"),
        ("social-work", "family-contacts-you", "Social Work England", "NASW Code of Ethics"),
        ("air-traffic-control", "occurrence-under-investigation", "AAIB", "NTSB"),
        ("air-traffic-control", "hours-and-rostering", "ATS.OR.315", "FAA"),
    ],
)
def test_uk_first_cards_read_in_the_reader_s_country(field, slug, gb, us):
    british, american = words(entry(field, slug, "GB")), words(entry(field, slug, "US"))
    assert gb in british and us not in british, british
    assert us in american and gb not in american, american


@pytest.mark.parametrize("country", COUNTRIES)
def test_no_card_of_any_field_shows_a_placeholder(country):
    for area in LIB.areas:
        for owner in (False, True):
            text = card_text(area.slug, country, owner)
            assert "{" not in text and "}" not in text, (area.slug, country)


def test_step_six_and_the_playbook_hold_the_same_choice_in_every_country():
    """A card's versions share its slug and options, so a choice made on step 6
    (which knows no country) holds in the playbook whichever version it shows."""
    area = LIB.area("nursing")
    answers = {"safety_concern": "regulator-route"}
    for country in ("GB", "US", ""):
        entries = situation_playbook(
            answers, LIB, area.sectors, area.family, Standing(), "nursing", (), country
        )
        chosen = next(e for e in entries if e.slug == "safety-concern")
        assert chosen.approach == "Go to the regulator if the internal route fails"
    step_six = situation_groups(LIB, area.sectors, area.family, Standing(), "nursing")
    slugs = [s.slug for g in step_six for s in g.situations]
    assert len(slugs) == len(set(slugs))


def test_a_country_version_replaces_the_card_only_in_its_countries():
    cards = LIB.sector("healthcare").situations
    versions = [s for s in cards if s.slug == "safety-concern"]
    assert len(versions) == 2 and versions[1].countries == ("US",)
    assert for_country(cards, "US")[2].countries == ("US",)
    for country in ("GB", "UK", "IE", ""):
        kept = [s for s in for_country(cards, country) if s.slug == "safety-concern"]
        assert kept == [versions[0]], country


def test_a_field_term_outranks_the_sectors_and_a_country_outranks_anyone():
    sector = [Term("regulator", (("any", "a board"), ("GB", "a UK body")))]
    field = [Term("regulator", (("any", "my board"), ("US", "my state board")))]
    assert resolve(sector, field, "US") == {"regulator": "my state board"}
    assert resolve(sector, field, "GB") == {"regulator": "my board"}
    assert resolve(sector, (), "UK") == {"regulator": "a UK body"}
    assert resolve(sector, (), "") == {"regulator": "a board"}


def _copy(tmp_path):
    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def _refused(tmp_path, file: str, old: str, new: str, message: str) -> None:
    directory = _copy(tmp_path)
    path = directory / file
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(LibraryError, match=message):
        read_library(directory)


def test_a_placeholder_no_term_fills_is_refused(tmp_path):
    _refused(
        tmp_path,
        "sectors.toml",
        "following its guidance on raising concerns",
        "following {regulators} guidance",
        r"\{regulators\} is not a term",
    )


def test_a_placeholder_in_a_general_or_a_family_card_is_refused(tmp_path):
    _refused(
        tmp_path, "situations.toml", 'title = "', 'title = "{regulator} ', r"\{regulator\} is not"
    )


def test_a_placeholder_in_a_title_is_refused(tmp_path):
    _refused(
        tmp_path,
        "sectors.toml",
        'title = "Photos and video at work"',
        'title = "Photos and video at work ({urgent})"',
        "holds a placeholder",
    )


def test_a_term_no_card_uses_is_refused(tmp_path):
    _refused(
        tmp_path,
        "sectors.toml",
        "[sectors.terms.urgent]",
        '[sectors.terms.unused]\nany = "x"\n\n[sectors.terms.urgent]',
        "terms.unused: no card of the sector uses",
    )


def test_a_sector_term_needs_words_for_anyone_and_iso_codes(tmp_path):
    _refused(
        tmp_path,
        "sectors.toml",
        'any = "the local emergency number"\nGB = "NHS 111',
        'UK = "NHS 111',
        r"urgent: needs words for anyone|urgent.UK: need 'any'",
    )


def test_a_field_term_its_sectors_do_not_use_is_refused(tmp_path):
    _refused(
        tmp_path,
        "expertise/nursing.toml",
        "[terms.regulator]",
        "[terms.registrar]",
        r"expertise/nursing.toml: terms.registrar: no card of the field's sectors uses",
    )


def test_two_versions_of_a_card_for_everyone_are_refused(tmp_path):
    _refused(
        tmp_path,
        "sectors.toml",
        'slug = "safety-concern"\ncountries = ["US"]\n',
        'slug = "safety-concern"\n',
        "versions without countries: one at most",
    )


def test_versions_with_other_options_are_refused(tmp_path):
    _refused(
        tmp_path,
        "sectors.toml",
        'slug = "regulator-route"\nlabel = "Go to the regulator if the internal route fails"\n'
        'detail = "If nothing changes, or you fear retaliation',
        'slug = "board-route"\nlabel = "Go to the regulator if the internal route fails"\n'
        'detail = "If nothing changes, or you fear retaliation',
        "its versions need the same options",
    )


def test_a_card_country_must_be_an_iso_code(tmp_path):
    _refused(
        tmp_path,
        "sectors.toml",
        'slug = "safety-concern"\ncountries = ["US"]',
        'slug = "safety-concern"\ncountries = ["UK"]',
        "need two-letter ISO codes",
    )


def test_drug_safety_and_medical_affairs_read_their_own_place_in_the_cards():
    """Someone in drug safety is not told to send a post to the drug safety team,
    nor medical affairs to leave product posts to medical affairs."""
    safety = words(entry("pharmacovigilance", "adverse-event-online", "US"))
    assert "safety intake, so it is logged like any other report" in safety
    assert "your drug safety team" not in safety
    area = LIB.area("pharmacovigilance")
    groups = situation_groups(LIB, area.sectors, area.family, Standing(), area.slug, (), "US")
    card = next(s for g in groups for s in g.situations if s.slug == "adverse-event-online")
    route = card.option("reply-with-reporting-route").detail
    assert "the FDA's MedWatch site" in route and "Yellow Card" not in route
    medical = words(entry("medical-affairs", "company-medicines", "GB"))
    assert "to medical affairs" not in medical and "approved channels" in medical
    assert "ABPI Code" in medical and "FDA" not in medical
    assert "fair balance" in words(entry("clinical-operations", "company-medicines", "US"))


def test_a_us_pharmacy_owner_reads_no_nhs_route():
    """An owner's cards name the NHS complaints procedure, contract and local
    representative committee in the UK, and a payer, an attorney and Medicare
    in the US."""
    us = card_text("community-pharmacy", "US", owner=True)
    for british in ("NHS", "LFPSE", "representative committee", "commissioner", "GPhC"):
        assert british not in us, british
    assert "your contracts with insurers, PBMs and payers" in us
    gb = card_text("community-pharmacy", "GB", owner=True)
    assert "NHS complaints procedure" in gb and "local representative committee" in gb
