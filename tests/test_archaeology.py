"""Archaeologists have a field guide: a commercial archaeologist in the UK reads
the planning system's archaeology (the brief, the WSI, the HER, CIfA) and a CRM
archaeologist in the US reads Section 106, the SHPO and NAGPRA, each without the
other country's bodies; a museum conservator still finds their own guide. Their
playbook opens on looters, results before sign-off, human remains, finds the law
protects and site safety, and ideas on remains or treasure carry the fence."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_calendar_opening import answers
from tests.test_country_words import plan_text
from wizard.generators.plan import build_plan
from wizard.library import load_library

LIB = load_library()
FIELD = "archaeology"

UK = {
    "role": "Archaeologist",
    "expertise": "commercial archaeology",
    "subtopics": "watching briefs\npost-excavation",
}
US = {
    "role": "CRM archaeologist",
    "expertise": "cultural resource management",
    "subtopics": "Section 106\nhuman remains",
}
UK_BODIES = (
    "CIfA",
    "written scheme of investigation",
    "Historic England",
    "Treasure Act",
    "Diggers' Forum",
)
US_BODIES = ("Section 106", "SHPO", "NAGPRA", "Register of Professional Archaeologists", "ACRA")


@pytest.mark.parametrize(
    "typed",
    [
        "Archaeologist",
        "Commercial archaeology",
        "Field archaeologist",
        "CRM archaeologist",
        "Cultural resource management",
        "Heritage consultant",
        "Finds specialist",
        "Osteoarchaeologist",
    ],
)
def test_archaeologists_find_the_guide(typed):
    area = LIB.match_expertise(typed)
    assert area is not None and area.slug == FIELD, typed


@pytest.mark.parametrize("typed", ["Heritage conservation", "Conservator", "Objects conservator"])
def test_conservators_keep_their_own_guide(typed):
    area = LIB.match_expertise(typed)
    assert area is not None and area.slug == "heritage-conservation", typed


def test_heritage_alone_names_no_field():
    """'Heritage' is an archaeologist's consultancy, a conservator's museum or a
    historic buildings officer's council: the word alone picks none of them."""
    assert LIB.match_expertise("Heritage") is None


@pytest.fixture(scope="module")
def plans():
    return {
        "GB": plan_text(UK, "GB", 5, ("expert", "speaking")),
        "US": plan_text(US, "US", 3, ("expert", "hiring")),
    }


def test_a_uk_plan_names_the_uk_process_and_no_us_body(plans):
    text = plans["GB"]
    for name in ("WSI", "CIfA", "watching brief"):
        assert name in text, name
    for name in US_BODIES:
        assert name not in text, name


def test_a_us_plan_names_section_106_and_no_uk_body(plans):
    text = plans["US"]
    for name in ("Section 106", "SHPO"):
        assert name in text, name
    for name in UK_BODIES + ("WSI", "watching brief"):
        assert name not in text, name


def test_the_about_says_what_the_work_is_for_with_each_countrys_credentials(plans):
    """The About says what the work is for, not a template with the field's name
    slotted in, and leaves a gap for the reader's own country's grades."""
    for country in ("GB", "US"):
        assert (
            "My work is recording the archaeology in the ground before development"
            in plans[country]
        )
    assert "[PCIfA, ACIfA or MCIfA]" in plans["GB"] and "[RPA]" not in plans["GB"]
    assert "[RPA]" in plans["US"] and "PCIfA" not in plans["US"]


FENCE = "No live site's location or anything that helps looters"
CARDS = [
    "live-site-location",
    "results-before-sign-off",
    "human-remains-on-camera",
    "treasure-or-protected-find",
    "site-photos-and-safety",
]


def plan_for(work, rung, country, goals):
    return build_plan(answers(work, rung, country, goals), LIB, seed=1, today=date(2026, 11, 30))


@pytest.fixture(scope="module")
def built():
    return {
        "GB": plan_for(UK, 5, "GB", ("expert", "speaking")),
        "US": plan_for(US, 3, "US", ("expert", "hiring")),
    }


@pytest.mark.parametrize("country", ["GB", "US"])
def test_the_playbook_opens_on_the_fields_own_hazards(built, country):
    """Looters, results before sign-off, human remains, protected finds and site
    safety come first; the family's cards on boreholes and contaminated land,
    which these replace or which never meet an archaeologist, are left out."""
    slugs = [card.slug for card in built[country].playbook]
    assert slugs[: len(CARDS)] == CARDS, slugs
    for other in ("client-site-results", "someones-own-land", "pollution-in-the-news"):
        assert other not in slugs, other


def card_text(plan, slug):
    card = next(c for c in plan.playbook if c.slug == slug)
    return " ".join([card.summary, *card.do, *card.dont])


def test_each_country_reads_its_own_law_on_finds_and_remains(built):
    uk, us = built["GB"], built["US"]
    assert "Ministry of Justice burial licence" in card_text(uk, "human-remains-on-camera")
    assert "NAGPRA" in card_text(us, "human-remains-on-camera")
    assert "coroner" in card_text(uk, "treasure-or-protected-find")
    assert "SHPO" in card_text(us, "treasure-or-protected-find")
    assert "nighthawking" in card_text(uk, "live-site-location")
    us_location = card_text(us, "live-site-location")
    assert "ARPA" in us_location and "nighthawking" not in us_location and "HER" not in us_location
    for slug in CARDS:
        for name in ("NAGPRA", "SHPO", "ARPA"):
            assert name not in card_text(uk, slug), (slug, name)
        for name in ("Treasure Act", "coroner", "HER entry", "Ministry of Justice"):
            assert name not in card_text(us, slug), (slug, name)


@pytest.mark.parametrize("country", ["GB", "US"])
def test_ideas_on_remains_treasure_or_looting_carry_the_fence(built, country):
    ideas = [i for t in built[country].outline for i in t.ideas]
    touching = [
        i
        for i in ideas
        if any(w in i.hook.lower() for w in ("human remains", "burial", "treasure", "nagpra"))
    ]
    assert touching, [i.hook for i in ideas]
    for idea in touching:
        assert FENCE in idea.caution, idea.hook


def test_the_tone_speaks_of_trenches_not_groundwater(plans):
    """The environment family's examples are a hydrogeologist's (aquifers, the
    ground investigation); an archaeologist's are their own."""
    for country in ("GB", "US"):
        for word in ("aquifer", "ground investigation", "groundwater"):
            assert word not in plans[country], (country, word)
    assert "the only feature on site with a clearly recorded fill" in plans["GB"]


def test_a_uk_reader_sees_the_hers_and_oasis_in_the_grey_literature_post(plans):
    """The grey literature post names where a UK report is found; a reader
    elsewhere reads no UK body in it."""
    area = LIB.area(FIELD)
    theme = next(t for t in area.themes if t.slug == "post-excavation")
    base = next(a for a in theme.angles if a.slug == "grey-literature-backlog")
    uk = next(a for a in theme.angles if a.slug == "grey-literature-backlog-gb")
    assert "OASIS" in " ".join(uk.points) and uk.countries == ("GB",)
    assert not any(name in " ".join(base.points) for name in ("HER", "OASIS"))
    assert "findable through the HER and OASIS" in plans["GB"]


def test_a_uk_reader_is_sent_to_the_fields_employers_and_jobs_boards(plans):
    """FAME and BAJR are where UK fieldwork's employers and jobs are; a US reader
    is sent to neither."""
    for name in ("FAME, the Federation of Archaeological Managers and Employers", "BAJR"):
        assert name in plans["GB"] and name not in plans["US"], name
