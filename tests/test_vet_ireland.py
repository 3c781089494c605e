"""An Irish vet reads Ireland's rules, and a vet's country never reads another's.

Ireland is not the United Kingdom: its vets answer to the Veterinary Council of
Ireland under the Veterinary Practice Act 2005, prescribe under Regulation (EU)
2019/6 through the NVPS, and their nurses' title is already protected. A plan
for an Irish vet names none of the UK's regulator, rules or schemes (the RCVS,
the VMR and the VMD, Schedule 3, 1CPD, the Practice Standards Scheme, the CMA,
Vetlife), and never argues for a protected title Ireland already has.
"""

from __future__ import annotations

import re

import pytest

from tests.field_plans import field_plan
from tests.test_nursing_guidance import strings
from tests.test_playbook import playbook, text_of
from wizard.generators.setup import follows_for
from wizard.library import load_library

VET = {
    "role": "Veterinary surgeon, small animal practice",
    "expertise": "Veterinary medicine",
    "subtopics": "antibiotic prescribing in pets\nremote prescribing",
    "audience": "other vets in first-opinion practice",
}
# The UK's own veterinary law, regulator and schemes, as a plan would name them.
UK_ONLY = (
    "RCVS",
    "Veterinary Medicines Regulations",
    "VMR",
    "VMD",
    "Schedule 3",
    "1CPD",
    "Practice Standards Scheme",
    "CMA",
    "Vetlife",
    "Mind Matters",
    "VetGDP",
    "'under care'",
)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def ie_vet(library):
    return field_plan(VET, "IE", every=True, weeks=3, library=library)


@pytest.fixture(scope="module")
def gb_vet(library):
    return field_plan(VET, "GB", every=True, weeks=3, library=library)


def named(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def test_an_irish_vet_s_plan_names_no_uk_rule_or_body(ie_vet):
    text = " ".join(strings(ie_vet))
    leaked = [name for name in UK_ONLY if named(text, name)]
    assert not leaked, leaked


def test_an_irish_vet_reads_ireland_s_rules(ie_vet):
    text = " ".join(strings(ie_vet))
    for name in ("VCI", "Regulation (EU) 2019/6", "NVPS"):
        assert named(text, name), name


def test_a_uk_vet_keeps_the_uk_rules(gb_vet):
    text = " ".join(strings(gb_vet))
    for name in ("RCVS", "Veterinary Medicines Regulations", "Schedule 3", "1CPD"):
        assert named(text, name), name
    for name in ("VCI", "NVPS", "Regulation (EU) 2019/6"):
        assert not named(text, name), name


def test_an_irish_vet_is_never_asked_to_campaign_for_a_title_ireland_protects(ie_vet, gb_vet):
    text = " ".join(strings(ie_vet))
    assert "should be protected in law" not in text
    assert "Veterinary Practice Act 2005" in text
    assert "should be protected in law" in " ".join(strings(gb_vet))


def test_an_irish_vet_follows_irish_bodies_and_no_uk_ones(library):
    area = library.area("veterinary-medicine")
    follows = follows_for(area.follow, "IE")
    assert any("Veterinary Council of Ireland" in f for f in follows), follows
    assert not any(named(f, "RCVS") or named(f, "BVA") or "Vetlife" in f for f in follows)
    assert not any("(UK)" in f or "(Ireland)" in f for f in follows), follows


def test_an_irish_vet_s_tone_names_no_uk_rules(ie_vet):
    tone = " ".join(strings(ie_vet.tone))
    for name in ("Veterinary Medicines Regulations", "VMR", "VMD"):
        assert not named(tone, name), name


def test_an_irish_vet_s_playbook_sends_them_to_irish_support(library):
    book = playbook(library, "Veterinary medicine", "Veterinary surgeon", country="IE")
    everything = " ".join(text_of(e) for e in book.values())
    assert "CMA" not in everything and "Vetlife" not in everything and "RCVS" not in everything
    assert "Vet Support Ireland" in everything


def test_no_plan_reads_an_angle_tagged_for_a_country_it_is_not_in(library):
    """An angle, moment or card tagged for one country reaches no reader elsewhere:
    Ireland is never folded into Great Britain, nor Great Britain into Ireland."""
    for area in library.areas:
        for theme in area.themes:
            for angle in theme.angles:
                for country in ("IE", "GB", "US"):
                    if angle.countries and country not in angle.countries:
                        assert not angle.holds_in(country), (area.slug, angle.slug, country)
        for moment in area.moments:
            if moment.countries and "IE" not in moment.countries:
                assert not moment.holds_in("IE"), (area.slug, moment.name)


def test_an_irish_vet_s_profile_leaves_a_gap_for_their_own_credential(library):
    plan = field_plan(VET, "IE", every=False, weeks=1, library=library)
    assert "[MVB]" in plan.setup.profile_line, plan.setup.profile_line
    assert "MRCVS" not in plan.setup.profile_line
    gb = field_plan(VET, "GB", every=False, weeks=1, library=library)
    assert "[MRCVS]" in gb.setup.profile_line, gb.setup.profile_line
