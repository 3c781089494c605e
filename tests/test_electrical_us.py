"""A US electrician's plan in American practice, a UK electrician's in British.

A master electrician who upgrades panels and fits EV chargers reads the NEC,
GFCI and AFCI protection, load calculations, permits and the AHJ, never a
consumer unit, a three-pin socket, an EICR, Part P or the DNO; a UK
electrician keeps BS 7671, EICR codes and Part P, and never reads the NEC or
a GFCI. The theme titles, which both read, name neither country's devices,
and every theme keeps enough angles for a reader in each country.
"""

from __future__ import annotations

import re

import pytest

from tests.field_plans import field_plan
from tests.test_tone import assert_voice_file_refuses
from wizard.library import load_library
from wizard.library.schema import MIN_ANGLES, MIN_SHARED_ANGLES

US_SPARK = {
    "role": "Master electrician",
    "expertise": "Electrical contracting",
    "subtopics": "panel upgrades\nEV chargers\nGFCI and AFCI",
    "audience": "homeowners",
}
UK_SPARK = {
    "role": "Electrician",
    "expertise": "Electrical contracting",
    "subtopics": "consumer units\nEICRs\nEV chargers",
    "audience": "homeowners and landlords",
}
# Britain's devices, rules, bodies and trade words, which a US electrician
# calls a panel, a receptacle, grounding, a GFCI, a permit and a callback.
BRITISH = re.compile(
    r"consumer units?|three-pin|\bEICRs?\b|Part P|\bDNO\b|BS 7671|\bsockets?\b|\bRCDs?\b|RCBO"
    r"|AFDD|\bZs\b|\bPME\b|earthing|fuse board|call-out|improver|NICEIC|NAPIT|Checkatrade"
    r"|notifiable|notification|tariff|\bregs\b|\bC[123]\b|proving unit|\bMCS\b|\bG9[89]\b"
)
# The US code, devices and bodies a UK electrician never works to.
AMERICAN = re.compile(
    r"\bNEC\b|GFCI|AFCI|\bAHJ\b|NFPA|receptacle|journeyman|rough-in|lockout|grounding|Yelp"
)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def area(library):
    return library.area("electrical-contracting")


@pytest.fixture(scope="module")
def us_plan(library):
    return field_plan(US_SPARK, "US", library=library)


@pytest.fixture(scope="module")
def uk_plan(library):
    return field_plan(UK_SPARK, "GB", library=library)


def words_of(plan) -> str:
    """What a reader sees of the plan's ideas and themes: each idea's hook,
    outline and prompt, and each theme's title."""
    ideas = [" ".join((i.hook, *i.outline, i.make_it_yours)) for i in plan.ideas]
    return "\n".join((*ideas, *(t.title for t in plan.outline)))


def test_a_us_plan_names_no_british_device_rule_or_body(us_plan):
    words = words_of(us_plan)
    assert not BRITISH.findall(words), sorted(set(BRITISH.findall(words)))


def test_a_us_plan_reads_american_practice(us_plan):
    words = words_of(us_plan)
    for term in ("NEC", "GFCI", "AFCI", "load calculation", "permit", "Federal Pacific"):
        assert term in words, term
    angles = {i.angle for i in us_plan.ideas}
    assert {"service-upgrade-100-200-us", "level-1-every-night-us"} <= angles


def test_a_uk_plan_names_no_us_code_or_device(uk_plan):
    words = words_of(uk_plan)
    assert not AMERICAN.findall(words), sorted(set(AMERICAN.findall(words)))
    for term in ("BS 7671", "EICR", "Part P", "consumer unit", "C2"):
        assert term in words, term


def tone_words(plan) -> str:
    """Every example sentence the plan's tone section shows, on both sides."""
    return "\n".join(s for line in plan.tone.lines for s in (line.example, line.counter))


def test_a_us_electrician_s_tone_speaks_the_nec_and_the_panel(us_plan):
    words = tone_words(us_plan)
    assert not BRITISH.findall(words), sorted(set(BRITISH.findall(words)))
    assert not re.search(r"\bfit(ted)?\b|\bboard\b|\bloft\b", words), words
    assert re.search(r"\bNEC\b|\bAHJ\b|inspect", words), words


def test_a_uk_electrician_s_tone_keeps_bs_7671(uk_plan):
    words = tone_words(uk_plan)
    assert not AMERICAN.findall(words), sorted(set(AMERICAN.findall(words)))
    assert "BS 7671" in words or "fitted" in words, words


def test_an_electrician_elsewhere_hears_neither_country_s_code(library):
    plan = field_plan(UK_SPARK, "IE", library=library)
    words = tone_words(plan)
    assert "BS 7671" not in words and not AMERICAN.findall(words), words


# The electrician's US entry in voice.toml, as the file writes it.
US_ENTRY = 'slug = "electrical-contracting"\ncountries = ["US"]'


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (f"{US_ENTRY}\n", US_ENTRY.replace('"US"', '"usa"') + "\n", "country codes"),
        (f"{US_ENTRY}\n", US_ENTRY.replace('"US"', '"GB"') + "\n", "listed twice"),
        (f"{US_ENTRY}\n", f'{US_ENTRY}\nsector = "trades"\n', "one at a time"),
    ],
)
def test_the_voice_file_refuses_a_country_entry_it_cannot_place(
    tmp_path, monkeypatch, old, new, message
):
    assert_voice_file_refuses(tmp_path, monkeypatch, old, new, message)


def test_theme_titles_and_summaries_name_neither_country_s_devices(area):
    for theme in area.themes:
        text = f"{theme.title} {theme.summary}"
        assert not BRITISH.search(text), (theme.slug, BRITISH.findall(text))
        assert not AMERICAN.search(text), (theme.slug, AMERICAN.findall(text))


@pytest.mark.parametrize("country, foreign", [("US", BRITISH), ("GB", AMERICAN)], ids=["US", "GB"])
def test_every_angle_a_country_reads_is_in_its_own_terms(area, country, foreign):
    for theme in area.themes:
        for angle in theme.angles:
            if not angle.holds_in(country):
                continue
            text = " ".join((angle.premise, *angle.points, angle.ask))
            assert not foreign.search(text), (angle.slug, foreign.findall(text))


@pytest.mark.parametrize(
    "country, terms",
    [
        (
            "US",
            (
                "Article 220",
                "Article 625",
                "Article 705",
                "Article 706",
                "GFCI",
                "AFCI",
                "Federal Pacific",
                "Zinsco",
                "Aluminum wiring",
                "NFPA 70E",
                "Rapid shutdown",
                "master license",
                "journeyman",
                "AHJ",
                "permit",
            ),
        ),
        ("GB", ("BS 7671", "Part P", "EICR", "C1", "FI", "NICEIC", "DNO", "G99", "AM2", "JIB")),
    ],
    ids=["US", "GB"],
)
def test_each_country_reads_its_own_rules_devices_and_licenses(area, country, terms):
    read = " ".join(
        " ".join((a.premise, *a.points))
        for theme in area.themes
        for a in theme.angles
        if a.holds_in(country)
    )
    for term in terms:
        assert term in read, term


@pytest.mark.parametrize("country", ["US", "GB"])
def test_every_theme_keeps_enough_angles_in_each_country(area, country):
    for theme in area.themes:
        read = [a for a in theme.angles if a.holds_in(country)]
        assert len(read) >= MIN_ANGLES, (theme.slug, country, len(read))
        shared = [a for a in theme.angles if not a.countries]
        assert len(shared) >= MIN_SHARED_ANGLES, theme.slug


def test_each_country_s_terms_stay_at_home(us_plan, uk_plan):
    """The tone's exact terms and the weeks' comment prompts come from the
    field's concepts, so each reader's are their own country's."""
    assert us_plan.tone.field_terms[0] == "NEC"
    assert not BRITISH.findall(" ".join(us_plan.tone.field_terms))
    assert uk_plan.tone.field_terms[0] == "BS 7671"
    assert not AMERICAN.findall(" ".join(uk_plan.tone.field_terms))
    for plan, foreign in ((us_plan, BRITISH), (uk_plan, AMERICAN)):
        watched = re.findall(r"posts that mention [^.]*", " ".join(repr(w) for w in plan.calendar))
        assert watched and not foreign.findall(" ".join(watched)), watched
