"""Nutrition and dietetics: who Byline places in the field and its sector, and
what their plan holds.

A dietitian (the protected title, HCPC-registered in the UK; an RDN in the US)
reads healthcare's cards and the nutrition sector's: diet questions from
strangers, products and sponsors, weight and eating disorders, a famous
person's diet in the news. A sports nutritionist, who has clients rather than
patients, reads the nutrition cards in place of healthcare's; a nutrition
scientist is no dietitian, and Byline says it does not know their field while
still giving them the nutrition cards.
"""

from __future__ import annotations

import pytest

from tests.field_plans import field_plan
from tests.test_playbook import playbook, text_of
from wizard.generators.plan import field_sectors
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

NUTRITION_CARDS = {
    "diet-question-online",
    "products-and-sponsors",
    "weight-and-bodies",
    "famous-diet-in-news",
}
UK_DIETITIAN = (
    "Registered dietitian, NHS community team",
    "malnutrition in older adults\ntube feeding",
)
US_DIETITIAN = (
    "Registered dietitian nutritionist, outpatient diabetes clinic",
    "type 2 diabetes\nGLP-1 medicines",
)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.mark.parametrize(
    "typed",
    [
        "Dietetics",
        "Dietitian",
        "Dietician",
        "Registered dietitian nutritionist",
        "RDN",
        "Nutrition and dietetics",
        "Paediatric dietitian",
    ],
)
def test_a_dietitian_matches_nutrition_and_dietetics(library, typed):
    area = library.match_expertise(typed)
    assert area is not None and area.slug == "dietetics", typed


def test_a_dietitian_reads_healthcare_and_nutrition_cards(library):
    role, _ = UK_DIETITIAN
    work = {"expertise": "Dietetics", "role": role}
    assert field_sectors(library.field_for(work), work, library) == ("healthcare", "nutrition")
    book = playbook(library, "Dietetics", role, country="GB")
    assert set(book) >= NUTRITION_CARDS
    assert {"patient-story", "clinical-advice-online"} <= set(book)
    words = " ".join(text_of(e) for e in book.values())
    assert "the HCPC" in words
    assert "GMC, NMC" not in words  # their own regulator, not every UK body
    assert "Beat" in words and "ANAD" not in words
    assert "{" not in words
    photos = text_of(book["photos-at-work"])
    assert "feed boxes" in photos
    assert "dashcam" not in photos and "road traffic collision" not in photos


def test_a_us_dietitian_reads_the_academy_code_and_us_helplines(library):
    role, _ = US_DIETITIAN
    book = playbook(library, "Dietetics", role, country="US")
    assert set(book) >= NUTRITION_CARDS
    sponsors = text_of(book["products-and-sponsors"])
    assert "CDR Code of Ethics" in sponsors
    assert "FTC" in sponsors
    assert "CAP Code" not in sponsors and "HCPC" not in sponsors
    assert "ANAD" in text_of(book["diet-question-online"])
    assert "Beat" not in text_of(book["weight-and-bodies"])


def test_a_sports_nutritionist_lands_in_the_field_with_nutrition_cards_not_patients(library):
    work = {"expertise": "Sports nutrition", "role": "Sports nutritionist at a rugby club"}
    area = library.field_for(work)
    assert area is not None and area.slug == "dietetics"
    assert field_sectors(area, work, library) == ("nutrition",)
    book = playbook(library, work["expertise"], work["role"], country="GB")
    assert set(book) >= NUTRITION_CARDS
    assert "patient-story" not in book and "clinical-advice-online" not in book
    assert "running-or-blinded-study" not in book and "sites-and-inspections" not in book
    # Nutritionists are not HCPC-registered: their code names the AfN beside it.
    assert "Association for Nutrition" in text_of(book["products-and-sponsors"])


def test_a_nutrition_scientist_is_no_dietitian_but_reads_the_nutrition_cards(library):
    work = {"expertise": "Nutrition science", "role": "Nutrition scientist, university"}
    assert library.field_for(work) is None
    assert field_sectors(None, work, library) == ("nutrition",)
    book = playbook(library, work["expertise"], work["role"], country="GB")
    assert set(book) >= NUTRITION_CARDS


def test_livestock_and_food_science_are_not_dietetics(library):
    for typed in ("Animal nutritionist", "Livestock nutrition", "Food science", "Health coach"):
        assert library.match_expertise(typed) is None, typed


def plan_for(library, person, country):
    role, subtopics = person
    work = {
        "role": role,
        "expertise": "Dietetics",
        "subtopics": subtopics,
        "audience": "other dietitians and nurses",
    }
    return field_plan(work, country, every=False, weeks=2, library=library)


def first_theme(library, person) -> str:
    role, subtopics = person
    work = {"role": role, "expertise": "Dietetics", "subtopics": subtopics}
    return theme_rows(suggest_themes(work, ["expert"], library))[0]["title"]


def test_each_dietitian_gets_the_themes_of_their_own_work_first(library):
    assert first_theme(library, UK_DIETITIAN).startswith("Malnutrition in older adults")
    assert first_theme(library, US_DIETITIAN).startswith("Diabetes")
    sports = ("Sports nutritionist at a rugby club", "energy availability\nsupplements")
    assert first_theme(library, sports).startswith("Sports nutrition")
    uk = plan_for(library, UK_DIETITIAN, "GB")
    assert uk.outline[0].title.startswith("Malnutrition in older adults")


def test_country_tagged_ideas_reach_only_their_country(library):
    uk = " ".join(
        " ".join((i.hook, *i.outline)) for i in plan_for(library, UK_DIETITIAN, "GB").ideas
    )
    us = " ".join(
        " ".join((i.hook, *i.outline)) for i in plan_for(library, US_DIETITIAN, "US").ideas
    )
    assert "aspirate pH" in uk or "MUST" in uk
    assert "Medicare Part B" not in uk
    assert "Never Event" not in us and "HCPC" not in us and "NICE NG97" not in us
    # A US reader's malnutrition ideas are long-term care's, not a UK care home's ONS.
    assert "MUST score" not in us and "prescription for ONS" not in us


def test_the_field_says_which_title_is_protected(library):
    angles = {a.slug: a for t in library.area("dietetics").themes for a in t.angles}
    uk = angles["protected-title-uk"]
    assert uk.countries == ("GB",)
    assert "HCPC" in " ".join(uk.points) and "voluntary register" in " ".join(uk.points)
    assert angles["rdn-licensure-us"].countries == ("US",)
