"""The setup week's follows fit where the person lives (wizard/generators/setup.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators.setup import (
    filtered_countries,
    follow_countries,
    follows_for,
    moment_label,
    setup_week,
)
from wizard.library import load_library

FOLLOW = (
    "Electrical Safety First (UK)",
    "NECA and your local apprenticeship training center (US)",
    "electricians who post tidy installs and explain the why",
)


def test_a_uk_reader_follows_the_uk_bodies_without_the_tag():
    assert follows_for(FOLLOW, "GB") == (
        "Electrical Safety First",
        "electricians who post tidy installs and explain the why",
    )


def test_a_us_reader_follows_the_us_bodies():
    assert follows_for(FOLLOW, "US") == (
        "NECA and your local apprenticeship training center",
        "electricians who post tidy installs and explain the why",
    )


def test_anyone_else_sees_every_follow_with_its_country():
    assert follows_for(FOLLOW, "DE") == FOLLOW
    assert follows_for(FOLLOW, "") == FOLLOW


def test_a_list_of_only_other_countries_follows_is_kept_whole():
    only_us = ("NECA (US)",)
    assert follows_for(only_us, "GB") == only_us


def test_no_library_follow_leaves_a_uk_or_us_reader_with_nothing():
    for area in load_library().areas:
        for country in ("GB", "US"):
            assert follows_for(area.follow, country) or not area.follow, area.slug


# --- every field's follows, for each country its tags name ---------------------

LIB = load_library()
# An entry ending on a country the tag does not read would reach every reader.
COUNTRY = r"(?:UK|US|GB|U\.S\.|Ireland|Canada|Australia|England|Scotland|Wales|Britain)"
COUNTRY_AT_END = re.compile(rf"(?:\bin (?:the )?{COUNTRY}|\({COUNTRY})\)?$")


def _setup(role: str, expertise: str, subtopics: list[str], country: str):
    work = {"role": role, "expertise": expertise, "subtopics": "\n".join(subtopics)}
    return setup_week(
        first_post=date(2026, 12, 8),
        role=role,
        expertise=expertise,
        subtopics=subtopics,
        audience="peers",
        area=LIB.field_for(work),
        channels=["linkedin"],
        minutes_a_week=30,
        country=country,
    )


@pytest.mark.parametrize("area", LIB.areas, ids=lambda area: area.slug)
def test_every_field_leaves_each_country_it_names_three_follows_of_its_own(area):
    """A UK or US reader, and an Irish, Canadian or Australian one where the field
    names their bodies, keeps at least three follows after the others' are left out."""
    for country in sorted(filtered_countries(area.follow)):
        kept = follows_for(area.follow, country)
        own = [f for f in area.follow if not follow_countries(f) or country in follow_countries(f)]
        assert len(kept) == len(own) >= 3, (area.slug, country, kept)
        assert not any(follow_countries(f) for f in kept), (area.slug, country)


@pytest.mark.parametrize("area", LIB.areas, ids=lambda area: area.slug)
def test_no_follow_or_moment_ends_on_a_country_its_tag_does_not_read(area):
    """ "registers nutritionists in the UK" or "…, in England" would reach a US
    reader: a country at the end of an entry is a tag the setup week reads."""
    untagged_moments = (moment.name for moment in area.moments if not moment.countries)
    for entry in (*area.follow, *untagged_moments):
        assert follow_countries(entry) or not COUNTRY_AT_END.search(entry), (area.slug, entry)


def test_a_tag_may_name_two_countries_or_be_written_out():
    entries = ("the CIPD and its branches (UK, Ireland)", "NASW, in the US", "the IPU, in Ireland")
    assert follow_countries(entries[0]) == {"GB", "IE"}
    assert follow_countries(entries[2]) == {"IE"}
    assert follows_for(entries, "IE") == ("the CIPD and its branches", "the IPU")
    assert follows_for(entries, "GB") == ("the CIPD and its branches",)
    assert follows_for(entries, "US") == ("NASW",)
    # A reader in a country no tag names reads every entry with its country.
    assert follows_for(entries, "NL") == entries


def test_an_irish_reader_keeps_uk_and_us_bodies_where_the_field_names_no_irish_one():
    """Ireland is filtered only where the field names an Irish body: elsewhere an
    Irish reader keeps every follow, with its country, as before."""
    follow = ("the RCN (UK)", "the ANA (US)", "nurse educators who write about debriefing")
    assert follows_for(follow, "IE") == follow
    assert follows_for((*follow, "the INMO (Ireland)"), "IE") == (
        "nurse educators who write about debriefing",
        "the INMO",
    )


def test_a_british_solicitor_is_not_sent_to_the_aba_nor_a_us_litigator_to_the_gazette():
    gb = _setup("Litigation solicitor", "Commercial litigation", ["disclosure"], "GB")
    us = _setup("Litigation associate", "Commercial litigation", ["e-discovery"], "US")
    assert not any("ABA" in f for f in gb.follow)
    assert any("Law Society Gazette" in f for f in gb.follow)
    assert not any("Law Society" in f or "Civil Justice Council" in f for f in us.follow)
    assert any("ABA Section of Litigation" in f for f in us.follow)
    assert any(m.startswith("London International Disputes Week") for m in gb.moments)
    assert not any(m.startswith(("London International", "CPR")) for m in us.moments)


def test_a_us_teacher_is_not_sent_to_the_chartered_college_nor_a_uk_one_to_iste():
    us = _setup("Middle school teacher", "School teaching", ["formative assessment"], "US")
    gb = _setup("Secondary teacher", "School teaching", ["formative assessment"], "GB")
    assert not any("Chartered College" in f or "Teaching Council" in f for f in us.follow)
    assert any("What Works Clearinghouse" in f for f in us.follow)
    assert not any("ISTE" in f or "AITSL" in f for f in gb.follow)
    assert "the Chartered College of Teaching and its journal Impact" in gb.follow


def test_an_irish_nurse_follows_the_inmo_not_the_rcn_or_the_ana():
    nurse = _setup("Staff nurse", "Nursing", ["preceptorship"], "IE")
    assert "the Irish Nurses and Midwives Organisation (INMO)" in nurse.follow
    assert not any("Royal College of Nursing" in f or "American Nurses" in f for f in nurse.follow)
    assert not any(f.endswith(("(UK)", "(US)", "(Ireland)")) for f in nurse.follow)


def test_hr_follows_split_by_country():
    """A UK HR partner reads the CIPD and Acas, a US one SHRM and the EEOC, an
    Irish one the CIPD and the WRC."""
    gb = _setup("HR business partner", "HR business partnering", ["employee relations"], "GB")
    us = _setup("HR business partner", "HR business partnering", ["employee relations"], "US")
    ie = _setup("HR business partner", "HR business partnering", ["employee relations"], "IE")
    assert any("CIPD" in f for f in gb.follow) and any("Acas" in f for f in gb.follow)
    assert not any("SHRM" in f or "EEOC" in f for f in gb.follow)
    assert any("SHRM" in f for f in us.follow) and not any("CIPD" in f for f in us.follow)
    assert any("Workplace Relations Commission" in f for f in ie.follow)
    assert not any("Acas" in f or "SHRM" in f for f in ie.follow)
    assert any(m.startswith("SHRM Annual Conference") for m in us.moments)
    assert not any(m.startswith("SHRM") for m in gb.moments)


def test_a_us_pharmacist_and_a_uk_one_follow_their_own_bodies():
    us = _setup("Community pharmacist", "Community pharmacy", ["vaccinations"], "US")
    gb = _setup("Community pharmacist", "Community pharmacy", ["vaccinations"], "GB")
    assert not any("Community Pharmacy England" in f or "GPhC" in f for f in us.follow)
    assert any("American Pharmacists Association" in f for f in us.follow)
    assert not any("APhA" in f or "Irish" in f or "Canadian" in f for f in gb.follow)
    assert not any("NHS" in m or "Pharmacy Show" in m for m in us.moments)


def test_a_us_vet_is_not_told_of_bsava_congress_nor_a_uk_one_of_vmx():
    us = _setup("Small animal vet", "Veterinary medicine", ["dentistry"], "US")
    gb = _setup("Small animal vet", "Veterinary medicine", ["dentistry"], "GB")
    assert len(us.follow) >= 3 and not any("RCVS" in f or "BSAVA" in f for f in us.follow)
    assert not any(m.startswith(("BSAVA", "London Vet Show")) for m in us.moments)
    assert not any(m.startswith(("VMX", "Pet Dental")) for m in gb.moments)


def test_the_listening_habit_keeps_a_follows_name_as_written():
    """ "Acas guidance" is a name: the reading habit does not write "acas guidance"."""
    gb = _setup("Employment solicitor", "Employment law", ["unfair dismissal"], "GB")
    assert gb.follow[0] == "Acas guidance and its Codes of Practice"
    assert "— Acas guidance and its Codes of Practice, for a start" in gb.listening


def test_an_irish_architect_follows_the_riai_and_a_us_nurse_skips_uk_conferences():
    architect = _setup("Architect", "Architecture", ["retrofit"], "IE")
    assert any(f.startswith("the RIAI") for f in architect.follow)
    assert not any("RIBA" in f or "AIA" in f for f in architect.follow)
    nurse = _setup("ICU nurse", "Nursing", ["sepsis"], "US")
    assert not any(m.startswith("ASPiH") for m in nurse.moments)
    vet = _setup("Small animal vet", "Veterinary medicine", ["noise fear"], "US")
    assert not any(m.startswith("Fireworks season") for m in vet.moments)


def test_a_moment_with_a_note_in_brackets_takes_its_month_inside_them():
    assert moment_label("ATA Annual Conference (check this year's date)", 10) == (
        "ATA Annual Conference (October; check this year's date)"
    )
    assert moment_label("MedDRA version release (March)", 3) == "MedDRA version release (March)"
    assert moment_label("IStructE Structural Awards", 11) == "IStructE Structural Awards (November)"


@pytest.mark.parametrize("area", load_library().areas, ids=lambda a: a.slug)
def test_no_moment_label_has_two_pairs_of_brackets(area):
    for moment in area.moments:
        label = moment_label(moment.name, moment.month)
        assert not re.search(r"\)\s*\(", label), label
