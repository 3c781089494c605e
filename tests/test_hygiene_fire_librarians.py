"""Dental hygienists, fire safety engineers and school librarians match their
own field guides, read cards for their own risks in their own country's words
(a state board of dentistry or the GDC; a responsible person or a fire
marshal; a reconsideration policy, FERPA or UK GDPR), and get ideas that name
the field's real standards without another country's law."""

from __future__ import annotations

from datetime import date

import pytest

from tests.field_plans import field_playbook
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library
from wizard.library.voice import load_voice


@pytest.fixture(scope="module")
def library():
    return load_library()


def playbook(library, expertise: str, role: str, country: str = "") -> dict:
    return field_playbook(library, expertise, role, country)


def text(entry) -> str:
    return " ".join(
        [entry.title, entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont]
    )


def premises(library, slug: str, country: str) -> str:
    area = library.area(slug)
    return " ".join(
        " ".join([a.premise, *a.points])
        for t in area.themes
        for a in t.angles
        if a.holds_in(country)
    )


def plan_ideas(library, work: dict, country: str) -> str:
    rows = theme_rows(suggest_themes(work, ["expert", "network"], library))
    answers = {
        "work": work,
        "comfort": {"rung": 3, "channels": ["linkedin"], "time": "1-hour"},
        "goals": {"goals": ["expert", "network"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    plan = build_plan(answers, library, seed=7, today=date(2026, 11, 30))
    return " ".join(" ".join([i.hook, *i.outline, i.make_it_yours]) for i in plan.ideas)


MATCHES = [
    ("Dental hygiene", "Dental hygienist, family dental practice", "dental-hygiene"),
    ("Dental hygienist", "", "dental-hygiene"),
    ("RDH", "Registered dental hygienist", "dental-hygiene"),
    ("Hygienist", "Hygienist at a family dental practice", "dental-hygiene"),
    ("Fire safety engineering", "Fire safety engineer, consultancy", "fire-safety-engineering"),
    ("Fire engineer", "", "fire-safety-engineering"),
    ("Fire protection engineering", "Fire protection engineer", "fire-safety-engineering"),
    ("School librarianship", "School librarian, public high school", "school-librarianship"),
    ("School librarian", "", "school-librarianship"),
    ("Teacher librarian", "Secondary school", "school-librarianship"),
    ("Library media specialist", "Elementary school", "school-librarianship"),
    ("Teaching", "School librarian, public high school", "school-librarianship"),
]


@pytest.mark.parametrize(("expertise", "role", "slug"), MATCHES)
def test_each_new_field_is_found(library, expertise, role, slug):
    area = library.field_for({"expertise": expertise, "role": role})
    assert area is not None and area.slug == slug


NEIGHBOURS = [
    ("Dental nurse", "", None),
    ("Occupational hygienist", "", None),
    ("Librarian", "", None),
    ("Special collections librarian", "", "archives-records"),
    ("Teaching", "English teacher, secondary school", "teaching"),
    ("Structural engineer", "", "structural-engineering"),
    ("Electrical engineer", "", None),
    ("Firefighter", "", None),
]


@pytest.mark.parametrize(("expertise", "role", "slug"), NEIGHBOURS)
def test_neighbouring_jobs_keep_their_own_match(library, expertise, role, slug):
    area = library.field_for({"expertise": expertise, "role": role})
    assert (area.slug if area else None) == slug


def test_a_us_hygienist_reads_the_state_board_a_dentist_and_no_mouths(library):
    book = playbook(library, "Dental hygiene", "Dental hygienist, family dental practice", "US")
    photos = text(book["photos-at-work"])
    assert "your state board of dentistry" in photos and "radiographs" in photos
    advice = text(book["clinical-advice-online"])
    assert "dentist" in advice and "pharmacist" not in advice and "911" in advice
    assert "HIPAA" in text(book["patient-story"])


def test_a_us_hygienist_s_safety_concern_goes_to_osha_not_the_joint_commission(library):
    concern = text(playbook(library, "Dental hygiene", "Dental hygienist", "US")["safety-concern"])
    assert "OSHA" in concern and "Joint Commission" not in concern
    nurse = text(playbook(library, "Nursing", "Staff nurse", "US")["safety-concern"])
    assert "The Joint Commission" in nurse


def test_only_a_hygienist_is_offered_the_brand_card(library):
    book = playbook(library, "Dental hygiene", "Dental hygienist", "US")
    brand = book["dental-brand-ambassador"]
    assert brand.approach == "Decline, and keep to the evidence"
    assert any("discount code" in line for line in brand.dont)
    assert "dental-brand-ambassador" not in playbook(library, "Nursing", "Staff nurse", "US")
    assert "kit-and-brands" not in book


def test_a_uk_hygienist_reads_the_gdc_and_nhs_111(library):
    book = playbook(library, "Dental hygiene", "Dental hygienist", "GB")
    assert "the GDC" in text(book["photos-at-work"])
    advice = text(book["clinical-advice-online"])
    assert "NHS 111" in advice and "their dentist" in advice
    assert "GMC, NMC" not in " ".join(text(e) for e in book.values())


def test_hygienist_ideas_name_the_field_s_own_standards(library):
    us = premises(library, "dental-hygiene", "US")
    for term in (
        "2017 classification",
        "bleeding on probing",
        "D4910",
        "HIPAA",
        "state practice act",
    ):
        assert term.lower() in us.lower(), term
    gb = premises(library, "dental-hygiene", "GB")
    assert "direct access" in gb and "Scope of Practice" in gb and "EFP S3 guideline" in gb
    assert "D4910" not in gb and "state board" not in gb
    assert "GDC" not in us


def test_a_uk_hygienist_is_never_told_about_hipaa(library):
    gb = premises(library, "dental-hygiene", "GB")
    assert "HIPAA" not in gb and "UK GDPR" in gb


def test_a_us_fire_engineer_reads_defend_in_place_not_stay_put(library):
    us = premises(library, "fire-safety-engineering", "US")
    assert "Defend in place" in us and "Stay put works only" not in us
    assert "Stay put works only" in premises(library, "fire-safety-engineering", "GB")


def test_a_uk_fire_engineer_reads_the_fire_cards_in_uk_words(library):
    book = playbook(library, "Fire safety engineering", "Fire safety engineer, consultancy", "GB")
    for slug in (
        "is-my-building-safe",
        "project-with-the-regulator",
        "model-outputs",
        "failure-in-the-news",
        "unsafe-structure",
    ):
        assert slug in book, slug
    safe = text(book["is-my-building-safe"])
    assert "responsible person" in safe and "fire and rescue service" in safe
    assert book["is-my-building-safe"].approach.startswith("Explain the principle")
    # The environment family's cards on a client's ground and land are not a fire engineer's.
    for slug in ("client-site-results", "someones-own-land", "pollution-in-the-news"):
        assert slug not in book, slug


def test_a_us_fire_engineer_reads_the_fire_marshal(library):
    book = playbook(library, "Fire protection engineering", "Fire protection engineer", "US")
    assert "fire marshal" in text(book["is-my-building-safe"])
    assert "responsible person" not in text(book["is-my-building-safe"])


def test_only_fire_engineers_get_the_fire_cards(library):
    book = playbook(library, "Structural engineering", "Structural engineer", "GB")
    for slug in ("is-my-building-safe", "project-with-the-regulator", "model-outputs"):
        assert slug not in book, slug


def test_fire_ideas_follow_the_reader_s_country(library):
    gb = premises(library, "fire-safety-engineering", "GB")
    for term in (
        "Pre-movement time",
        "Gateway 2",
        "Regulation 38",
        "second staircase",
        "BS 9999",
        "Fire Safety (England) Regulations 2022",
        "PD 7974-6",
    ):
        assert term.lower() in gb.lower(), term
    assert "AHJ" not in gb
    us = premises(library, "fire-safety-engineering", "US")
    assert "AHJ" in us and "NFPA 72" in us
    for term in ("Gateway 2", "Regulation 38", "golden thread", "BS 5839"):
        assert term not in us, term


def test_a_fire_engineer_s_plan_names_pre_movement_time(library):
    work = {
        "role": "Fire safety engineer, consultancy",
        "expertise": "Fire safety engineering",
        "subtopics": "fire strategies\nevacuation modelling",
        "audience": "architects and building managers",
    }
    ideas = plan_ideas(library, work, "GB")
    assert "pre-movement" in ideas.lower()
    assert "AHJ" not in ideas


def test_a_us_school_librarian_reads_the_challenge_and_privacy_cards(library):
    book = playbook(library, "School librarianship", "School librarian, public high school", "US")
    for slug in (
        "challenge-in-your-district",
        "named-by-a-campaign",
        "what-a-student-borrowed",
        "students-find-account",
        "students-in-posts",
    ):
        assert slug in book, slug
    challenge = text(book["challenge-in-your-district"])
    assert "your district's reconsideration policy" in challenge
    assert book["challenge-in-your-district"].approach.startswith("Say nothing")
    borrowed = text(book["what-a-student-borrowed"])
    assert "FERPA" in borrowed and "library records law" in borrowed
    assert "ALA Office for Intellectual Freedom" in text(book["named-by-a-campaign"])


def test_a_uk_school_librarian_reads_uk_gdpr_and_cilip(library):
    book = playbook(library, "School librarianship", "School librarian, secondary school", "GB")
    borrowed = text(book["what-a-student-borrowed"])
    assert "UK GDPR" in borrowed and "FERPA" not in borrowed
    assert "CILIP" in text(book["named-by-a-campaign"])


def test_teachers_do_not_get_the_librarian_cards(library):
    book = playbook(library, "Teaching", "English teacher, secondary school", "US")
    for slug in ("challenge-in-your-district", "named-by-a-campaign", "what-a-student-borrowed"):
        assert slug not in book, slug


def test_librarian_ideas_keep_challenges_general(library):
    us = premises(library, "school-librarianship", "US")
    for term in ("lateral reading", "SIFT", "reconsideration", "Shared Foundations", "Pickering"):
        assert term in us, term
    assert "never a case from my own district" in us
    gb = premises(library, "school-librarianship", "GB")
    assert "UK GDPR" in gb and "Pickering" not in gb and "FERPA" not in gb


@pytest.mark.parametrize(
    ("slug", "family", "word"),
    [
        ("dental-hygiene", "life-sciences", "probing"),
        ("fire-safety-engineering", "environment", "Gateway 2"),
        ("school-librarianship", "public", "reconsideration"),
    ],
)
def test_each_new_field_has_its_own_tone_examples(slug, family, word):
    own = load_voice().for_field(slug, family)
    sentences = " ".join(s for three in own.examples.values() for s in three)
    assert word in sentences
    assert own.avoid != load_voice().family(family).avoid


# Review r21: what a practitioner of each field found wrong in their plans.


def test_a_us_librarian_follows_policy_and_law_on_who_may_see_borrowing(library):
    """FERPA generally gives parents of a minor access to education records, so
    the card never tells a librarian to refuse a parent: it sends them to the
    district's policy and the state's law, and keeps the question out of public."""
    book = playbook(library, "School librarianship", "School librarian, public high school", "US")
    borrowed = text(book["what-a-student-borrowed"])
    assert "can't say" not in borrowed
    assert "your district's policy and your state's law" in borrowed
    assert "FERPA generally gives parents of a minor access" in borrowed
    assert any("who may see" in line for line in book["what-a-student-borrowed"].dont)
    pulled = text(book["book-removed-outside-policy"])
    assert "which policy the removal followed" in pulled
    assert "your district's reconsideration policy" in pulled
    us = premises(library, "school-librarianship", "US")
    assert "will never tell you" not in us
    assert "FERPA generally gives parents of a minor access" in us
    gb = text(playbook(library, "School librarianship", "School librarian", "GB")[
        "what-a-student-borrowed"
    ])
    assert "data protection" in gb and "FERPA" not in gb


def test_a_school_librarian_s_plan_does_not_open_on_book_challenges(library):
    work = {
        "role": "School librarian, public high school",
        "expertise": "School librarianship",
        "subtopics": "information literacy\nbook challenges",
        "audience": "other librarians and teachers",
    }
    rows = [r for r in theme_rows(suggest_themes(work, ["expert", "network"], library))]
    ticked = [r["title"] for r in rows if r.get("include")]
    assert ticked[0].startswith("Information literacy")
    assert any(t.startswith("Book challenges") for t in ticked)


def test_a_us_school_librarian_reads_school_words_not_college_or_uk_ones(library):
    book = playbook(library, "School librarianship", "School librarian, public high school", "US")
    everything = " ".join(text(e) for e in book.values() if e.slug != "criticism-of-employer")
    assert "school or college" not in everything
    assert "grades or marks" not in everything and "team that handles complaints" not in everything
    assert "public-complaint" not in book
    assert "your principal, and your principal" not in everything
    us = premises(library, "school-librarianship", "US")
    assert "reading for pleasure" not in us.lower()
    assert "room with books" not in us and "thinks we shelve books" not in us
    area = library.area("school-librarianship")
    assert "Reading for pleasure" not in [t.title for t in area.themes]
    voice = load_voice().for_field("school-librarianship", "public")
    assert "names of the people your service deals with" not in voice.avoid
    tone = " ".join(s for three in voice.examples.values() for s in three)
    assert "stays on the shelf" not in tone


def test_a_us_hygienist_reads_a_practice_s_routes_not_a_hospital_s(library):
    book = playbook(library, "Dental hygiene", "Dental hygienist, family dental practice", "US")
    everything = " ".join(text(e) for e in book.values())
    for hospital in (
        "charge nurse",
        "person in charge of the shift",
        "compliance hotline",
        "mass casualty",
        "fluids",
        "the hospital, the health system",
        "risk management",
    ):
        assert hospital not in everything, hospital
    assert "dentist-owner" in text(book["safety-concern"])
    # A nurse keeps the hospital's words.
    nurse = text(playbook(library, "Nursing", "Staff nurse", "US")["safety-concern"])
    assert "charge nurse" in nurse and "compliance hotline" in nurse


def test_a_hygienist_has_cards_for_online_reviews_and_fluoride(library):
    book = playbook(library, "Dental hygiene", "Dental hygienist, family dental practice", "US")
    review = text(book["dental-online-review"])
    assert "Google or Yelp" in review and "Office for Civil Rights" in review
    assert book["dental-online-review"].approach.startswith("Don't reply")
    fluoride = text(book["fluoride-debate"])
    assert "water fluoridation" in fluoride and "Cochrane" in fluoride
    assert "party" in fluoride
    nurse = playbook(library, "Nursing", "Staff nurse", "US")
    assert "dental-online-review" not in nurse and "fluoride-debate" not in nurse


def test_a_us_hygienist_reads_us_words_and_current_codes(library):
    us = premises(library, "dental-hygiene", "US")
    for uk in ("care homes", "ask, advise, act", "since you qualified", "diabetes teams"):
        assert uk not in us, uk
    assert "1-800-QUIT-NOW" in us and "nursing homes" in us
    assert "D4346" in us and "The dentist makes the diagnosis" in us
    assert "4 mm or more, especially with bleeding" in us
    assert "not shown to cause it" in us
    gb = premises(library, "dental-hygiene", "GB")
    assert "care homes" in gb and "D4346" not in gb
    area = library.area("dental-hygiene")
    asks = " ".join(a.ask or "" for t in area.themes for a in t.angles if a.holds_in("US"))
    assert "patient list" not in asks and "qualified" not in asks


def test_tone_examples_keep_to_the_playbook():
    voice = load_voice()
    hygiene = voice.for_field("dental-hygiene", "life-sciences", ["healthcare"])
    sentences = " ".join(s for three in hygiene.examples.values() for s in three)
    assert "Re-evaluation: most 5 mm sites" not in sentences
    assert "flossing lecture" not in sentences
    assert "audit" not in voice.evidence_for("dental-hygiene", "life-sciences", ["healthcare"])
    fire = voice.for_field("fire-safety-engineering", "environment", ["structures"])
    fire_sentences = " ".join(s for three in fire.examples.values() for s in three)
    assert "Our second staircase scheme" not in fire_sentences
    assert "Gateway 2 approved" not in fire_sentences
    assert not any("screening value" in w for w in fire.avoid)
    assert "fire-proof" in fire.avoid


def test_a_uk_fire_engineer_reads_fire_cards_not_structural_ones(library):
    book = playbook(library, "Fire safety engineering", "Fire safety engineer, consultancy", "GB")
    assert "structure-advice" not in book
    everything = " ".join(text(e) for e in book.values())
    for structural in ("RAAC", "crack", "chartered structural engineer", "Size a member"):
        assert structural not in everything, structural
    walls = text(book["external-walls-question"])
    assert "EWS1" in walls and "PAS 9980" in walls and "accountable person" in walls
    grenfell = text(book["grenfell-and-the-inquiry"])
    assert "14 June" in grenfell and "market" in grenfell
    assert "mandatory occurrence reporting" in text(book["unsafe-structure"])
    assert "cladding remediation" in book["political-topics"].detail
    # A structural engineer keeps the structural cards and words.
    structural = playbook(library, "Structural engineering", "Associate structural engineer", "GB")
    assert "structure-advice" in structural and "external-walls-question" not in structural
    assert "RAAC" in text(structural["failure-in-the-news"])


def test_a_uk_fire_engineer_s_ideas_name_uk_standards_not_us_codes(library):
    gb = premises(library, "fire-safety-engineering", "GB")
    assert "IBC" not in gb and "NFPA" not in gb
    for standard in ("PD 7974-6 pre-movement", "ISO 20414", "SFPE Handbook", "BS 9991"):
        assert standard in gb, standard
    assert "18 m or more" in gb
    assert "Fire Safety (England) Regulations 2022" in gb
    us = premises(library, "fire-safety-engineering", "US")
    assert "Approved Document B" not in us and "IBC" in us
