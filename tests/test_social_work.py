"""A social worker's plan, read as a practitioner would: nobody they work
with is ever named (a family's yes doesn't make it fine), the cards speak of
their own country's courts, reviews and rules, and their ideas keep child in
need apart from child protection."""

from __future__ import annotations

import re

import pytest

from tests.test_playbook import playbook, text_of
from wizard.generators.plan import field_sectors
from wizard.generators.playbook import (
    PlaybookEntry,
    field_name,
    person_standing,
    playbook_family,
    playbook_field,
    playbook_sectors,
    situation_playbook,
)
from wizard.library import load_library

CHILDREN = "Children's social worker, local authority"
ADULTS = "Adult social worker, hospital discharge team"
US_WORKER = "Child welfare caseworker, county agency"

# Words that ask for someone's agreement, and words for the people a social
# worker works with: a sentence holding both must say it changes nothing.
AGREEMENT = re.compile(r"\b(ask|asks|approval|approve|permission|consent|agree|agrees|yes)\b")
PEOPLE = re.compile(
    r"\b(person|people|family|families|child|children|adult|adults|parent|parents|young person)\b"
)
NEGATION = re.compile(r"\b(never|not|whatever|whether or not)\b|n't\b")


@pytest.fixture(scope="module")
def library():
    return load_library()


def card(library, role: str, country: str, slug: str, choice: str = "") -> PlaybookEntry:
    """One card of a social worker's playbook, with the approach ``choice``
    when given (as step 6 would store it)."""
    if not choice:
        return playbook(library, "Social work", role, country=country)[slug]
    work = {"expertise": "Social work", "role": role}
    area = library.field_for(work)
    entries = situation_playbook(
        {field_name(slug): choice},
        library,
        playbook_sectors(library, field_sectors(area, work, library), ""),
        playbook_family(library, area, work),
        person_standing(work, False),
        playbook_field(area),
        (),
        country,
    )
    return next(e for e in entries if e.slug == slug)


def sentences(text: str) -> list[str]:
    """A card's text cut at full stops, semicolons and colons."""
    return [s for s in re.split(r"(?<=[.;:])\s+", text) if s.strip()]


@pytest.mark.parametrize("role", [CHILDREN, ADULTS, US_WORKER])
@pytest.mark.parametrize("country", ["GB", "US", ""])
def test_a_social_worker_s_naming_card_never_lets_approval_make_naming_fine(
    library, role, country
):
    """Whatever approach a social worker holds, no line of the naming card
    asks a family, a child or an adult for a yes without saying it changes
    nothing: only colleagues and partner agencies are asked."""
    sector = library.sector("social-care")
    options = next(s for s in library.situations if s.slug == "naming-clients").options
    assert dict(sector.recommend)["naming-clients"] == "anonymize"
    for option in options:
        entry = card(library, role, country, "naming-clients", option.slug)
        text = text_of(entry)
        # Avoid items are negated by their list; everything else must say so itself.
        parts = [entry.title, entry.summary, entry.approach, entry.detail, *entry.do]
        for line in (line for part in parts for line in sentences(part)):
            lowered = line.lower()
            if AGREEMENT.search(lowered) and PEOPLE.search(lowered):
                assert NEGATION.search(lowered), (option.slug, line)
        assert "keep their yes in writing" not in text
        assert "something valuable" not in text
        assert "never named" in text or "never named" in entry.detail or "Name no family" in text


def test_the_naming_card_speaks_of_composites_and_jigsaw_details(library):
    entry = card(library, CHILDREN, "GB", "naming-clients")
    assert entry.approach.startswith("Name no family")
    assert "composite" in " ".join(entry.do)
    assert "whether or not they agree" in entry.summary
    assert any("permission" in d for d in entry.dont)
    assert any("age, a town, a school" in d for d in entry.dont)


def test_other_fields_keep_the_general_naming_card(library):
    """Only social care rewords it: a lawyer's or an engineer's card still asks first."""
    engineer = playbook(library, "Structural engineering", "Structural engineer")
    assert engineer["naming-clients"].title != "Naming families, colleagues and partner agencies"


def test_a_social_worker_is_told_to_think_twice_about_naming_their_employer(library):
    entry = card(library, CHILDREN, "GB", "personal-vs-professional")
    assert any("local authority or agency off your profile" in d for d in entry.do)
    assert "mention your employer in posts" not in entry.detail
    journalist = card(library, CHILDREN, "GB", "journalist-contact")
    assert "small firm" not in text_of(journalist)
    assert any("can't confirm" in d for d in journalist.do)
    criticism = card(library, CHILDREN, "GB", "criticism-of-employer")
    assert "small firm" not in text_of(criticism)
    images = card(library, CHILDREN, "GB", "others-content")
    assert "code" not in " ".join(images.do)
    assert any("even with their consent" in d for d in images.dont)


def test_being_filmed_or_doorstepped_puts_safety_first(library):
    gb = card(library, CHILDREN, "GB", "filmed-or-doorstepped")
    assert "electoral register" in " ".join(gb.do)
    assert any("on camera" in d for d in gb.dont)
    us = card(library, US_WORKER, "US", "filmed-or-doorstepped")
    assert "electoral register" not in text_of(us)


def test_reviews_courts_and_politics_read_in_the_reader_s_country(library):
    """A UK social worker waits for a child safeguarding practice review (once
    a serious case review) and checks for a politically restricted post; a US
    caseworker waits for the state's fatality findings, reads dependency court
    and the Hatch Act, and meets no UK body or word."""
    review = card(library, CHILDREN, "GB", "case-in-the-news")
    assert "serious case review" in " ".join(review.do)
    politics = card(library, CHILDREN, "GB", "political-restriction")
    assert "Local Government and Housing Act 1989" in politics.summary
    assert "pay and working conditions" in " ".join(politics.do)

    book = playbook(library, "Social work", US_WORKER, country="US")
    us_text = " ".join(text_of(e) for e in book.values())
    for uk in ("solicitor", "duty team", "transparency", "safeguarding practice review",
               "electoral register", "Local Government and Housing Act", "Social Work England"):
        assert uk not in us_text, uk
    assert "dependency" in book["family-court-matter"].title
    assert "Hatch Act" in book["political-restriction"].summary
    assert "CAPTA" in " ".join(book["case-in-the-news"].do)
    assert "NASW" in " ".join(book["family-contacts-you"].do)


def angle(library, slug: str):
    return next(
        a for t in library.area("social-work").themes for a in t.angles if a.slug == slug
    )


def test_child_in_need_is_never_paired_with_child_protection(library):
    """Section 17 is help a family can refuse; its angle's question is about
    a child in need plan, never "child protection" at the first visit."""
    s17 = angle(library, "section-17-or-47")
    assert "child in need" in s17.premise.lower() and "say no" in s17.premise
    assert "child protection" not in s17.ask
    assert "child in need plan" in s17.ask


def test_every_angle_s_question_belongs_to_its_own_premise(library):
    """The threshold angle asks about reading a referral, not chronologies,
    and cites the guidance it rests on."""
    threshold = angle(library, "thresholds-are-judgment")
    assert "referral" in threshold.ask and "chronology" not in threshold.ask
    assert "Working Together to Safeguard Children (2023)" in " ".join(threshold.points)


def test_the_reforms_in_england_are_there_and_only_for_uk_readers(library):
    for slug in ("families-first", "multi-agency-child-protection-teams", "agency-rules",
                 "care-leavers-to-twenty-five", "pathway-three-not-default"):
        assert angle(library, slug).countries == ("GB",), slug
    assert angle(library, "family-group-conference").countries == ()


def test_a_us_caseworker_gets_us_child_welfare_angles(library):
    """Prevention money, differential response and ICWA reach US readers
    only; practice educators are named in US words too."""
    for slug in ("us-family-first-prevention", "us-differential-response", "us-icwa-active-efforts",
                 "us-field-instructors"):
        assert angle(library, slug).countries == ("US",), slug
    assert angle(library, "practice-educators").countries == ("GB",)
    assert "Field instructors" in angle(library, "us-field-instructors").premise


def test_children_s_and_adults_workers_share_one_workforce_angle(library):
    """One angle names both sets of figures, so neither worker reads the
    other's statistics as a post of its own; best interests sits with adults."""
    figures = angle(library, "workforce-statistics")
    assert "children's" not in figures.premise
    assert "Skills for Care" in " ".join(figures.points)
    adults = next(t for t in library.area("social-work").themes if t.slug == "adults")
    assert "best-interests-record" in {a.slug for a in adults.angles}


def test_social_work_tone_examples_speak_from_practice_not_a_manager_s_figures(library):
    from wizard.library.voice import load_voice

    examples = load_voice().for_field("social-work", "public").examples
    every = " ".join(sentence for three in examples.values() for sentence in three)
    assert "ASYE" not in every and "all staying" not in every
    assert "child" not in every.replace("children's", "")  # adults' social workers read them too
    formal, middle, _ = examples["formality"]
    assert len(set(formal.split()) ^ set(middle.split())) > 8


def test_step_six_starts_a_social_worker_on_naming_no_family():
    """The form a social worker fills in starts on "Name no family", and on
    checking their post before any party-political activity."""
    from wizard.steps import initial_situations

    start = initial_situations({"work": {"expertise": "Social work", "role": CHILDREN}})
    assert start[field_name("naming-clients")] == "anonymize"
    assert start[field_name("political-restriction")] == "check-then-speak"
