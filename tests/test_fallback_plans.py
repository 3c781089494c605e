"""Plans for fields outside the library, read as their practitioners read
them: two unrelated fields share few premises, no line repeats within a plan,
no premise is nonsense for what its sub-topic is, nobody is sent to a comms
team their workplace does not have, and a US public employee is told neither
of "industrial action" nor of an Act that does not cover them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wizard.generators import topic_kind as kinds
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()

# Dental hygiene, fire safety engineering and school librarianship have field
# guides of their own now; these three keep their own words (step 1's "own"
# choice), so their plans are still the fallback plans under test.
HYGIENIST = {
    "role": "Dental hygienist, family dental practice",
    "expertise": "Dental hygiene",
    "subtopics": "gum disease\npatient anxiety",
    "audience": "patients and other hygienists",
    "field": "own",
}
FIRE = {
    "role": "Fire safety engineer, consultancy",
    "expertise": "Fire safety engineering",
    "subtopics": "fire strategies\nevacuation modelling",
    "audience": "architects and building managers",
    "field": "own",
}
LIBRARIAN = {
    "role": "School librarian, public high school",
    "expertise": "School librarianship",
    "subtopics": "information literacy\nbook challenges",
    "audience": "other librarians and teachers",
    "field": "own",
}
# Fields the library has no guide at all for, in the same shapes: a small
# practice, a consultancy, a US public school.
OPTOMETRIST = {
    "role": "Optometrist, family optometry practice",
    "expertise": "Optometry",
    "subtopics": "glaucoma\ncontact lens hygiene",
    "audience": "patients and other optometrists",
}
ACOUSTICIAN = {
    "role": "Acoustic consultant, consultancy",
    "expertise": "Acoustics",
    "subtopics": "sound insulation\nnoise modelling",
    "audience": "architects and developers",
}
SCHOOL_NURSE = {
    "role": "School nurse, public high school",
    "expertise": "School nursing",
    "subtopics": "health literacy\nvaccine exemption debates",
    "audience": "other school nurses and teachers",
}
FARRIER = {
    "role": "Farrier, runs a small farriery business",
    "expertise": "Farriery",
    "subtopics": "hoof balance\nlaminitis",
    "audience": "horse owners and vets",
}
PEOPLE = {
    "hygienist": (HYGIENIST, "US", 2, ("expert",)),
    "fire": (FIRE, "GB", 3, ("expert", "network")),
    "librarian": (LIBRARIAN, "US", 2, ("expert", "network")),
    "farrier": (FARRIER, "GB", 2, ("expert",)),
    "optometrist": (OPTOMETRIST, "US", 2, ("expert",)),
    "acoustician": (ACOUSTICIAN, "GB", 3, ("expert", "network")),
    "school-nurse": (SCHOOL_NURSE, "US", 2, ("expert", "network")),
}


def plan_of(name, rung=None):
    work, country, default_rung, goals = PEOPLE[name]
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung or default_rung, "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {
            "themes": rows,
            "start_date": "2026-12-07",
            "time_zone": "UTC",
            "country": country,
            "region": "",
        },
        "situations": {},
    }
    return build_plan(answers, LIB, seed=7, today=date(2026, 11, 30))


def shape(title: str, work: dict) -> str:
    """A premise with the person's own words set aside: what template it is."""
    text = title.lower()
    words = [work["expertise"], *work["subtopics"].split("\n"), work["audience"]]
    for phrase in sorted((w.lower() for w in words), key=len, reverse=True):
        text = text.replace(phrase, "{x}")
    return re.sub(r"\s+", " ", text).strip()


def test_these_fields_are_outside_the_library():
    for work, *_ in PEOPLE.values():
        assert LIB.field_for(work) is None, work["expertise"]
    for work in (FARRIER, OPTOMETRIST, ACOUSTICIAN, SCHOOL_NURSE):
        assert LIB.match_expertise(work["expertise"]) is None, work["expertise"]


@pytest.mark.parametrize(
    ("topic", "kind"),
    [
        ("book challenges", kinds.DEBATE),
        ("book bans", kinds.DEBATE),
        ("gum disease", kinds.CONDITION),
        ("laminitis", kinds.CONDITION),
        ("patient anxiety", kinds.EXPERIENCE),
        ("staff morale", kinds.EXPERIENCE),
        ("evacuation modelling", kinds.METHOD),
        ("flood risk modeling", kinds.METHOD),
        ("information literacy", kinds.SKILL),
    ],
)
def test_a_sub_topic_is_read_as_its_own_kind(topic, kind):
    assert kinds.topic_kinds(topic)[-1] == kind


def test_two_unrelated_fields_share_few_premises():
    """Once each person's own words are set aside, two fields share few premises:
    under three in ten on average over every pair, and never more than three in
    five even for two people whose sub-topics are of the same two kinds (a
    school librarian's "information literacy" and "book challenges", a school
    nurse's "health literacy" and "vaccine exemption debates"). The review found
    21 of 22 shared."""
    shapes = {}
    for name, (work, *_) in PEOPLE.items():
        plan = plan_of(name)
        shapes[name] = {shape(i.hook, work) for i in plan.ideas}
    names = list(shapes)
    shares = []
    for n, a in enumerate(names):
        for b in names[n + 1 :]:
            shared = shapes[a] & shapes[b]
            share = len(shared) / min(len(shapes[a]), len(shapes[b]))
            assert share < 0.6, (a, b, sorted(shared))
            shares.append(share)
    assert sum(shares) / len(shares) < 0.3, shares


@pytest.mark.parametrize("name", list(PEOPLE))
def test_no_line_repeats_within_a_plan(name):
    plan = plan_of(name)
    hooks = [i.hook for i in plan.ideas]
    assert len(hooks) == len(set(hooks)), [h for h in hooks if hooks.count(h) > 1]
    asks = [i.make_it_yours for i in plan.ideas if i.make_it_yours]
    assert len(asks) == len(set(asks)), [a for a in asks if asks.count(a) > 1]


# Premises that are nonsense, or risky, for a kind of sub-topic.
NONSENSE = {
    "patient anxiety": (
        "a rule, standard or method for patient anxiety",
        "a hard day with patient anxiety",
        "patient anxiety: a composite case",
        "what changed about patient anxiety",
        "the cause of patient anxiety",
    ),
    "gum disease": (
        "a rule, standard or method for gum disease",
        "how i handle gum disease now",
        "a hard day with gum disease",
        "what changed about gum disease this year",
    ),
    "book challenges": (
        "how i check my work on book challenges",
        "a hard day with book challenges",
        "a mistake with book challenges",
        "the people i work with on book challenges",
        "who relies on my work on book challenges",
        "a small win with book challenges",
    ),
    "evacuation modelling": ("a hard day with evacuation modelling", "a small win with"),
    "glaucoma": ("a rule, standard or method for glaucoma", "how i handle glaucoma now"),
    "vaccine exemption debates": (
        "how i check my work on vaccine exemption debates",
        "a hard day with vaccine exemption debates",
        "a mistake with vaccine exemption debates",
    ),
    "noise modelling": ("a hard day with noise modelling",),
    # A clinician's early mistake is a patient's harm: the pattern in newcomers instead.
    "contact lens hygiene": ("a mistake with contact lens hygiene i made early on",),
    "fire strategies": ("who notices first when it slips", "a small win with"),
}


@pytest.mark.parametrize("name", list(PEOPLE))
def test_no_premise_is_nonsense_or_risky_for_its_kind(name):
    plan = plan_of(name)
    text = " ".join(i.hook for i in plan.ideas).lower()
    for lines in NONSENSE.values():
        for line in lines:
            assert line not in text, (name, line)
    every = " ".join(" ".join(i.outline) for i in plan.ideas).lower()
    assert "what went wrong" not in every
    assert (
        "friends find hardest to believe"
        not in " ".join(i.make_it_yours for i in plan.ideas).lower()
    )


def test_a_book_challenge_is_talked_about_in_general_never_a_live_case():
    plan = plan_of("librarian")
    about = [i for i in plan.ideas if "book challenges" in i.hook.lower()]
    assert about
    points = " ".join(" ".join(i.outline) for i in about).lower()
    assert "published" in points or "policy" in points


def test_a_method_gets_premises_about_what_it_can_tell_you():
    plan = plan_of("fire")
    hooks = [i.hook.lower() for i in plan.ideas if "evacuation modelling" in i.hook.lower()]
    assert any("assum" in h or "input" in h or "can't tell" in h for h in hooks), hooks


def plan_text(plan) -> str:
    parts = [plan.field_note.text if plan.field_note else ""]
    for entry in plan.playbook:
        parts += [entry.summary, entry.approach, entry.detail, *entry.do, *entry.dont]
    return " ".join(parts)


@pytest.mark.parametrize(
    ("name", "who"),
    [
        ("hygienist", "your manager or the practice owner"),
        ("librarian", "your school's leadership"),
        ("optometrist", "your manager or the practice owner"),
        ("school-nurse", "your school's leadership"),
    ],
)
def test_a_small_workplace_has_no_comms_team(name, who):
    text = plan_text(plan_of(name))
    assert "comms team" not in text
    assert "tell comms" not in text
    assert who in text


def test_a_us_public_employee_outside_a_school_is_not_told_the_nlra_covers_them():
    from wizard.generators.playbook import Standing, _in_own_place

    line = (
        "Remember that your own pay and working conditions are yours to talk about: the "
        "National Labor Relations Act protects this for most employees, though supervisors "
        "and managers generally fall outside it"
    )
    public = Standing(public=True)
    assert "fall outside the National Labor Relations Act" in _in_own_place(line, public, "US")
    assert _in_own_place(line, Standing(), "US") == line


def test_a_consultancy_may_still_have_a_comms_team():
    plan = plan_of("fire")
    assert "comms team" in plan.field_note.text


@pytest.mark.parametrize("name", ["librarian", "school-nurse"])
def test_a_us_public_school_employee_reads_neither_industrial_action_nor_the_nlra(name):
    text = plan_text(plan_of(name))
    assert "industrial action" not in text
    assert "National Labor Relations Act protects" not in text
    assert "your state's law, not the National Labor Relations Act, sets" in text
    assert "First Amendment" in text


def test_a_british_reader_still_reads_industrial_action():
    work = {**LIBRARIAN, "role": "School librarian, secondary school"}
    PEOPLE["gb-librarian"] = (work, "GB", 2, ("expert",))
    try:
        text = plan_text(plan_of("gb-librarian"))
    finally:
        del PEOPLE["gb-librarian"]
    assert "industrial action included" in text


@pytest.mark.parametrize(
    ("hook", "subject", "fit"),
    [
        (
            "I once got {topic} badly wrong. Here's what it cost and what I changed.",
            "hoof balance",
            False,
        ),
        ("How I approach {topic}, step by step.", "patient anxiety", False),
        (
            "My checklist for {topic}, refined after a few painful lessons.",
            "book challenges",
            False,
        ),
        (
            "An unpopular opinion about {topic}, from someone close to the work.",
            "book challenges",
            False,
        ),
        ("How I approach {topic}, step by step.", "fire strategies", True),
        ("A common myth about {topic}, and what I've seen instead.", "gum disease", True),
    ],
)
def test_a_stock_opening_fits_its_subject_and_asks_for_no_admission(hook, subject, fit):
    from wizard.generators.stock_fit import stock_fits

    assert stock_fits(hook, subject) is fit


def test_step_six_shows_a_small_practice_its_own_words_too():
    """The choices on the situations step read as the playbook will."""
    from wizard.generators.playbook import person_standing, situation_groups

    groups = situation_groups(
        LIB, ("healthcare",), None, person_standing(OPTOMETRIST), None, ("expert",), "US"
    )
    texts = []
    for group in groups:
        for s in group.situations:
            texts += [s.summary, *s.do, *s.dont]
            for o in s.options:
                texts += [o.label, o.detail, *o.do, *o.dont]
    every = " ".join(texts)
    assert "comms team" not in every
    assert "your manager or the practice owner" in every
