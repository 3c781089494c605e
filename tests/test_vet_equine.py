"""An equine vet reads equine practice, in the follows, moments, tone and themes.

A vet who names horses gets the lameness workup and the pre-purchase exam, and
antimicrobial stewardship as it is practised on horses (the foot abscess, the
passport, detection times), follows BEVA and their country's racing regulator,
and hears a trot-up in the tone examples: never a cat's teeth, a calf pen, the
feline practitioners or fireworks season. A small animal vet, and a vet who
names no setting, keep what they had.
"""

from __future__ import annotations

import pytest

from tests.field_plans import field_plan
from tests.test_nursing_guidance import idea_text, strings
from wizard.library import load_library

EQUINE_VET = {
    "role": "Veterinary surgeon",
    "expertise": "Veterinary medicine",
    "subtopics": "equine lameness\nantimicrobial stewardship",
    "audience": "other vets",
}
SMALL_ANIMAL_VET = {
    "role": "Veterinary surgeon",
    "expertise": "Veterinary medicine",
    "subtopics": "small animal practice",
    "audience": "other vets",
}
ANY_VET = {"role": "Veterinary surgeon", "expertise": "Veterinary medicine"}


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def ie_equine(library):
    return field_plan(EQUINE_VET, "IE", every=False, weeks=2, library=library)


@pytest.fixture(scope="module")
def us_equine(library):
    return field_plan(EQUINE_VET, "US", every=False, weeks=2, library=library)


@pytest.fixture(scope="module")
def gb_small(library):
    return field_plan(SMALL_ANIMAL_VET, "GB", every=False, weeks=2, library=library)


def test_an_equine_vet_s_themes_are_lameness_and_stewardship_in_horses(ie_equine):
    titles = [t.title for t in ie_equine.outline]
    assert "Equine lameness and the pre-purchase exam" in titles, titles
    assert "Antimicrobial stewardship and medicines in horses" in titles, titles
    ideas = idea_text(ie_equine)
    for found in ("flexion test", "pre-purchase examination", "foot abscess", "detection time"):
        assert found in ideas.lower(), found


def test_an_equine_vet_gets_no_farm_or_pet_post(ie_equine):
    posts = " ".join(s for i in ie_equine.ideas for s in (i.hook, *i.outline)).lower()
    for elsewhere in ("lame cows", "dry cow", "calf", "tooth resorption", "neuter", "the pet "):
        assert elsewhere not in posts, elsewhere


def test_an_equine_vet_hears_horses_in_the_tone_examples(ie_equine):
    tone = " ".join(strings(ie_equine.tone))
    assert "nerve block" in tone and "lunge" in tone
    for elsewhere in ("resorption", "whole pen", "brushing", "neuter"):
        assert elsewhere not in tone, elsewhere


def test_an_irish_equine_vet_follows_equine_and_irish_bodies(ie_equine):
    follows = " ".join(ie_equine.setup.follow)
    for body in ("BEVA", "IHRB", "Veterinary Council of Ireland"):
        assert body in follows, body
    for elsewhere in ("AAFP", "Fear Free", "WSAVA", "BSAVA", "AAEP", "British Horseracing"):
        assert elsewhere not in follows, elsewhere
    moments = " ".join(ie_equine.setup.moments)
    assert "Dublin Horse Show" in moments and "BEVA Congress" in moments
    assert "Fireworks" not in moments


def test_a_us_equine_vet_follows_us_equine_bodies(us_equine):
    follows = " ".join(us_equine.setup.follow)
    assert "AAEP" in follows and "BEVA" in follows
    assert "IHRB" not in follows and "British Horseracing" not in follows
    moments = " ".join(us_equine.setup.moments)
    assert "AAEP Annual Convention" in moments
    assert "Dublin Horse Show" not in moments and "Pet Dental" not in moments
    ideas = idea_text(us_equine)
    assert "FEI Clean Sport" in ideas or "nerve block" in ideas
    assert "NVPS" not in ideas and "IHRB" not in ideas


def test_a_small_animal_vet_keeps_small_animal_follows_and_moments(gb_small):
    follows = " ".join(gb_small.setup.follow)
    assert "BSAVA" in follows and "BEVA" not in follows
    moments = " ".join(gb_small.setup.moments)
    assert "Fireworks" in moments and "BSAVA Congress" in moments
    assert "BEVA Congress" not in moments
    titles = [t.title for t in gb_small.outline]
    assert not any("horse" in t.lower() or "equine" in t.lower() for t in titles), titles


def test_a_vet_who_names_no_setting_keeps_every_moment(library):
    plan = field_plan(ANY_VET, "GB", every=False, weeks=1, library=library)
    moments = " ".join(plan.setup.moments)
    assert "Fireworks" in moments and "BEVA Congress" in moments


def test_stewardship_for_an_equine_vet_is_no_pet_owner_s_talk(ie_equine):
    stewardship = [i for i in ie_equine.ideas if "horses" in i.theme and "Antimicrobial" in i.theme]
    assert len(stewardship) >= 4
    text = " ".join(s for i in stewardship for s in strings(i))
    assert "from the pet to the family" not in text
    assert "Regulation (EU) 2019/6" in text or "NVPS" in text


def test_spare_posts_never_come_from_another_setting_s_theme(library):
    """An equine vet's spare posts (the angles of themes they did not choose) leave
    out the themes written for farms and for pets; a vet who names no setting
    keeps them."""
    from wizard.generators.plan import _names_setting, _spare_angles

    area = library.area("veterinary-medicine")
    equine = {p.premise for p in _spare_angles(area, [], "IE", _names_setting(EQUINE_VET))}
    anyone = {p.premise for p in _spare_angles(area, [], "IE", _names_setting(ANY_VET))}
    farm = {a.premise for a in area.theme("lameness-and-parasites").angles}
    assert farm <= anyone
    assert not farm & equine
    assert {a.premise for a in area.theme("equine-lameness").angles} <= equine


def test_an_equine_vet_s_cards_speak_of_yards_and_horses(library):
    from tests.test_playbook import playbook, text_of

    book = playbook(library, "Veterinary medicine", "Equine vet", country="IE")
    notifiable = text_of(book["notifiable-disease-suspected"])
    assert "equine infectious anemia" in notifiable and "yard" in notifiable
    assert "badger cull" not in notifiable
    assert "Department of Agriculture" in notifiable


def test_a_comment_under_a_post_about_the_passport_takes_its_article():
    """A prompt "Under a post about food chain declaration" read it as a mass noun: a
    declaration is countable, so the prompt says "the food chain declaration"."""
    from wizard.generators.ideas import with_claim_article
    from wizard.generators.triggers import mass_noun

    assert not mass_noun("food chain declaration")
    point = "A horse counts as food-producing unless the food chain declaration says otherwise"
    assert with_claim_article("food chain declaration", point) == "the food chain declaration"
