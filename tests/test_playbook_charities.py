"""A charity's public affairs manager in public policy reads a campaigner's
playbook, not a civil servant's: campaign on policy, never for a party, the
rules before an election, case studies with consent and committee evidence
kept back until the committee publishes it. A civil servant in the same field
keeps the civil service's neutrality cards."""

from __future__ import annotations

import pytest

from tests.test_playbook import playbook, text_of
from wizard.generators.plan import field_sectors
from wizard.library import load_library

CIVIL_SERVICE_CARDS = {"political-debate", "procurement-or-tender", "official-information"}
CAMPAIGN_CARDS = {"election-period-campaigning", "journalist-case-study", "own-case-in-comments"}


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.mark.parametrize(
    "role",
    [
        "Public affairs manager at a housing charity",
        "Policy and campaigns manager, national charity",
        "Senior researcher at a think tank",
        "Head of policy at a trade association",
    ],
)
def test_people_who_influence_policy_from_outside_read_campaigners_cards(library, role):
    book = playbook(library, "Public policy", role, country="GB")
    assert set(book) >= CAMPAIGN_CARDS
    assert not CIVIL_SERVICE_CARDS & set(book)
    assert "public-complaint" not in book
    political = book["political-topics"]
    assert political.approach == "Speak on the policy, never on the party"
    words = text_of(political)
    assert "never for or against a party" in words
    assert "Like or share campaign posts" not in words
    assert "Comment on policy still under consultation" not in words


def test_a_civil_servant_in_the_same_field_keeps_the_neutrality_cards(library):
    for role in (
        "Policy adviser in a ministry",
        "Public affairs officer in a government department",
    ):
        book = playbook(library, "Public policy", role, country="GB")
        assert {"political-debate", "procurement-or-tender"} <= set(book)
        assert not CAMPAIGN_CARDS & set(book)
        assert book["political-topics"].approach == "Stay out of it in public"


def test_committee_evidence_card_is_for_uk_readers_only(library):
    role = "Public affairs manager at a housing charity"
    assert "evidence-before-committee" in playbook(library, "Public policy", role, country="GB")
    assert "evidence-before-committee" not in playbook(library, "Public policy", role, country="US")


def test_only_the_role_moves_the_sector_and_only_a_field_s_own_sector(library):
    area = library.area("public-policy")
    charity = {"expertise": "Public policy", "role": "Policy officer", "subtopics": "charity law"}
    assert field_sectors(area, charity, library) == ("public-sector",)
    nurse = {"expertise": "Nursing", "role": "Nurse at a hospice charity"}
    assert "charities-campaigning" not in field_sectors(library.field_for(nurse), nurse, library)


def test_the_case_study_card_asks_for_consent_and_no_identifying_details(library):
    card = playbook(library, "Public policy", "Public affairs manager at a housing charity")[
        "journalist-case-study"
    ]
    words = text_of(card)
    assert "informed consent" in words
    assert "identifies them" in words
    assert "withdraw" in words


def test_a_us_reader_of_public_policy_gets_us_rulemaking_and_a_uk_reader_does_not(library):
    area = library.area("public-policy")
    angles = {a.slug: a for t in area.themes for a in t.angles}
    assert angles["notice-comment"].holds_in("US")
    assert not angles["notice-comment"].holds_in("GB")
    assert angles["committee-publishes-first"].holds_in("UK")
    assert not angles["committee-publishes-first"].holds_in("US")


def test_someone_outside_the_library_s_fields_at_a_charity_gets_its_general_cards(library):
    work = {"expertise": "Charity fundraising", "role": "Fundraiser at a charity"}
    area = library.field_for(work)
    assert area is None
    assert "charities-campaigning" in field_sectors(area, work, library)
    book = playbook(library, "Charity fundraising", "Fundraiser at a charity", country="GB")
    assert "journalist-case-study" in book
    assert "evidence-before-committee" not in book


def test_a_charity_s_policy_people_speak_to_journalists_on_their_own_areas(library):
    """Journalists are a campaigner's audience: they speak on their areas within
    what the press team agreed, link published briefings and send case-study
    requests through consent; criticism of the organization goes to comms, and
    no card speaks of a small firm, a site's security or code."""
    book = playbook(
        library, "Public policy", "Public affairs manager at a housing charity", country="GB"
    )
    press = book["journalist-contact"]
    assert press.approach == "Speak on your own areas, as agreed with the press team"
    assert any("case-study process" in item for item in press.do)
    assert any("published" in item for item in press.do)
    criticism = book["criticism-of-employer"]
    assert criticism.title == "Someone criticizes your organization in public"
    assert criticism.approach == "Don't reply; pass it to comms"
    text = " ".join(text_of(card) for card in book.values())
    for filler in (
        "small firm",
        "kept safe or secure",
        "images, code and slides",
        "big things coming",
        "plans, results",
    ):
        assert filler not in text, filler
    pay = [card.slug for card in book.values() if "pay and working conditions" in text_of(card)]
    assert pay == ["confidential-information"]
    # A civil servant in the same field still passes a journalist to the press office.
    official = playbook(library, "Public policy", "Policy adviser in a government department")
    assert official["journalist-contact"].approach.startswith("Thank them and pass it")


def test_a_housing_charity_s_plan_is_about_parliament_and_housing_not_appraisal(library):
    """Its first four themes are the charity's work (no business-case appraisal),
    in Parliament's words rather than a US legislature's, and the housing theme
    has the week-to-week subjects a caseworker asks about."""
    from wizard.generators.themes import suggest_themes

    work = {
        "expertise": "Public policy",
        "role": "Public affairs manager at a housing charity",
        "subtopics": "social housing\nselect committees",
    }
    first_four = [t.key.rsplit(":", 1)[-1] for t in suggest_themes(work, ["expert"], library)[:4]]
    assert set(first_four) == {
        "social-housing",
        "select-committees",
        "bills-and-briefings",
        "people-and-data",
    }
    area = library.area("public-policy")
    words = " ".join(
        " ".join(
            (t.title, t.summary, *(a.premise for a in t.angles), *(a.ask or "" for a in t.angles))
        )
        for t in area.themes
    )
    assert "legislator" not in words
    housing = {a.slug for t in area.themes if t.slug == "social-housing" for a in t.angles}
    assert {"temporary-accommodation", "decent-homes-standard", "rent-settlement"} <= housing
