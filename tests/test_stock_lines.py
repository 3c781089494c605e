"""No line that makes every field's plan sound the same.

Practitioners reading real plans found the same two hiring posts in every
field ("What the first 90 days look like for someone who joins my team",
"What I look for when I hire, beyond the job description"), the same "make it
yours" under many ideas ("Which moment in your own work made this point for
you?"), and guarded prompts that slot a bare label into a stock question
("What would you tell a newcomer about ROPA in their first month?").
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache

import pytest

from wizard.generators.asks import line_ask, point_ask
from wizard.generators.fences import asks_too_much, fenced_ask
from wizard.generators.hiring import fits, hiring_angles
from wizard.generators.ideas import FOLLOW_UP_ASK, Material, point_subject
from wizard.generators.plan import Plan, build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()
STOCK_HIRING = (
    "What the first 90 days look like for someone who joins my team",
    "What I look for when I hire, beyond the job description",
)
# People whose goal includes hiring, as practitioners wrote them.
HIRING_PEOPLE = {
    "electrician (GB)": (
        "Electrician, runs a small electrical contracting business",
        "Electrical contracting",
        "EV chargers\nconsumer units",
        "GB",
    ),
    "vet (GB)": (
        "Veterinary surgeon, mixed practice",
        "Veterinary medicine",
        "antimicrobial resistance\nfarm animal health",
        "GB",
    ),
    "hygienist (US)": (
        "Dental hygienist, family dental practice",
        "Dental hygiene",
        "gum disease\npatient anxiety",
        "US",
    ),
    "signalling engineer (GB)": (
        "Signalling design engineer, rail infrastructure",
        "Railway signalling",
        "ETCS\ninterlocking",
        "GB",
    ),
    "ICU nurse (US)": (
        "ICU nurse, academic medical center",
        "Nursing",
        "sepsis\nnurse staffing",
        "US",
    ),
    "treasury manager (US)": (
        "Treasury manager, manufacturing group",
        "Treasury",
        "cash forecasting\nFX hedging",
        "US",
    ),
}


def plan_of(role: str, expertise: str, subtopics: str, country: str, rung: int = 2) -> Plan:
    """The plan the wizard makes for a person who wants to hire, with the themes it ticks."""
    work = {"role": role, "expertise": expertise, "subtopics": subtopics, "audience": "peers"}
    rows = theme_rows(suggest_themes(work, ["expert", "hiring"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": ["expert", "hiring"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


@cache
def field_hiring() -> dict[str, list[str]]:
    """Every field's hiring posts' titles, in the plan Byline makes for it."""
    found = {}
    for area in LIB.areas:
        plan = plan_of(
            f"Senior {area.name.lower()} specialist",
            area.name,
            "\n".join(area.subtopics[:2]),
            "GB",
        )
        found[area.slug] = [i.hook for i in plan.ideas if i.angle.startswith("hiring:")]
    return found


def test_no_two_fields_hiring_posts_share_a_title():
    """Each field's hiring posts are its own: no title is in two fields' plans."""
    fields_of = defaultdict(set)
    for slug, hooks in field_hiring().items():
        assert len(hooks) == 2, (slug, hooks)
        for hook in hooks:
            fields_of[hook].add(slug)
    shared = {hook: sorted(slugs) for hook, slugs in fields_of.items() if len(slugs) > 1}
    assert not shared, shared
    assert not set(fields_of) & set(STOCK_HIRING)


def test_most_fields_hiring_posts_come_from_their_own_guide():
    """A field guide's own angles on the first months or the route in carry most
    fields' hiring posts; the wording in the field's name is the exception."""
    hooks = [h for found in field_hiring().values() for h in found]
    named = [h for h in hooks if h.startswith(("A newcomer's first three months", "Getting into"))]
    assert len(named) <= len(hooks) // 2, len(named)


@pytest.mark.parametrize("name", sorted(HIRING_PEOPLE))
def test_a_hiring_post_never_repeats_another_idea_of_the_plan(name):
    """The angle a hiring post is built from is not also one of the theme's posts."""
    plan = plan_of(*HIRING_PEOPLE[name])
    hiring = [i for i in plan.ideas if i.angle.startswith("hiring:")]
    assert len(hiring) == 2 and not set(i.hook for i in hiring) & set(STOCK_HIRING)
    others = [i for i in plan.ideas if not i.angle.startswith("hiring:")]
    said = {i.hook.lower() for i in others}
    for idea in hiring:
        assert idea.hook.lower() not in said, idea.hook
        assert not any(idea.hook.lower() in o.hook.lower() for o in others), idea.hook


def test_the_practitioners_fields_get_their_own_hiring_posts():
    """The fields the reviewers read: their guide's own career material, in their words."""
    hooks = {
        name: {i.hook for i in plan_of(*person).ideas if i.angle.startswith("hiring:")}
        for name, person in HIRING_PEOPLE.items()
    }
    assert (
        "First week as our apprentice: what we drill until it's automatic"
        in (hooks["electrician (GB)"])
    )
    assert "What VetGDP should give a new graduate in their first year" in hooks["vet (GB)"]
    assert any("RDH" in h for h in hooks["hygienist (US)"])
    assert any("IRSE" in h for h in hooks["signalling engineer (GB)"])


def test_an_angle_fits_a_hiring_post_only_when_it_is_about_people():
    """A product's certification, a student's exam or a partner's onboarding is no
    post about joining the team; a trainee's first weeks and a licence to practise are."""
    assert fits("What should a PM's first 90 days look like?", 1)
    assert fits("First week as our apprentice: what we drill until it's automatic", 1)
    assert fits("RD, RDN and state licensure: what the letters mean", 2)
    assert fits("From engineer to patent agent: what the switch taught me", 2)
    for premise in (
        "ISO 9001 certification is not the goal",
        "Onboarding a partner to our API in two days instead of two months",
        "What dental X-rays found that the conscious exam missed",
        "A claim has arrived: what the employer should do in the first week",
        "Controlled drugs in a small pharmacy: the register, the cabinet and the checks",
        "How do you interview people about sensitive topics?",
    ):
        assert not fits(premise, 1) and not fits(premise, 2), premise


def test_two_hiring_posts_never_take_one_angle_and_skip_what_the_plan_says():
    """The second post takes another angle; an angle the plan already posts is left."""
    first = Material("a", "What our apprentices learn in their first month", (), (), "")
    route = Material(
        "b", "From apprentice to Gas Safe: the route, and where shortcuts fail", (), (), ""
    )
    assert hiring_angles([[first, route]]) == (first, route)
    assert hiring_angles([[first, route]], {first.premise.lower()}) == (route, None)
    assert hiring_angles([[route]]) == (route, None)


@cache
def field_asks() -> list[tuple[str, str, str]]:
    """(field, format, "make it yours") for every idea of every field's plan, at the
    first rung (re-shares) and the fourth (follow-ups, longer pieces)."""
    found = []
    for area in LIB.areas:
        for rung in (1, 4):
            plan = plan_of(
                f"Senior {area.name.lower()} specialist",
                area.name,
                "\n".join(area.subtopics[:2]),
                "GB" if rung == 1 else "US",
                rung,
            )
            found += [(area.slug, i.format_slug, i.make_it_yours) for i in plan.ideas]
    return found


def test_no_make_it_yours_is_one_stock_line_across_many_fields():
    """The old follow-up line is gone, and lines said in five fields or more are a
    small share of all the asks (they were 6.5 % with the stock hiring asks)."""
    asks = field_asks()
    fields_of = defaultdict(set)
    for slug, _, ask in asks:
        fields_of[ask].add(slug)
    assert not any(ask == FOLLOW_UP_ASK for _, _, ask in asks)
    stock = [ask for _, _, ask in asks if len(fields_of[ask]) >= 5]
    assert len(stock) <= len(asks) * 0.03, len(stock)


SLOTTED = (
    re.compile(r"^What would you tell a newcomer about (\S+) in their first month\?$"),
    re.compile(r"^Which one line about (.+) would you want .+ to keep\?$"),
)


def test_no_prompt_slots_a_bare_label_into_a_stock_question():
    """A re-share's ask starts from the idea's premise; a guarded newcomer question
    never takes a lone acronym or word ("ROPA", "CSM-RA")."""
    for slug, fmt, ask in field_asks():
        for pattern in SLOTTED:
            assert not pattern.match(ask), (slug, fmt, ask)


def test_a_follow_up_names_what_its_point_is_about_in_the_field_s_own_cases():
    """ "Which moment in your own work made this point for you?" was every field's."""
    assert point_subject("Sample size depends on control frequency and risk") == "sample size"
    assert point_subject("FHIR terminology operations let every system ask one source") == (
        "FHIR terminology operations"
    )
    for nothing in (
        "The hard part was the long tail of old scripts nobody owned",
        "We kept one annual decision point for pay",
        "The 'we do' stage is where errors surface and get fixed",
        "Polls, chat prompts and breakouts keep attention",
    ):
        assert point_subject(nothing) == "", nothing
    assert point_ask("sample size", "audits") == (
        "Which of your own audits showed you this point about sample size, and what happened next?"
    )
    assert point_ask("", "work").startswith("Which piece of your own work showed you this point")
    guarded = point_ask("sepsis screening", "patients", guarded=True)
    assert "many patients, never one anyone could recognise" in guarded


def test_a_reshare_starts_the_one_line_from_the_idea_s_premise():
    ask = line_ask("Why I tell the DNO about every charger I fit", "your readers", "jobs")
    assert ask == (
        "Start your one line for your readers from “Why I tell the DNO about every charger"
        " I fit”: which of your own jobs is your example?"
    )
    assert "never one anyone could recognise" in line_ask(
        "VaR is a normal bad day", "peers", "cases", True
    )


def test_a_guarded_newcomer_question_takes_a_phrase_never_a_bare_label():
    for label in ("ROPA", "CSM-RA", "DPO"):
        fenced = fenced_ask("Which system was hardest to erase from?", label)
        assert label not in fenced, fenced
        assert not asks_too_much(fenced)
    named = fenced_ask("Which system was hardest to erase from?", "the retention schedule")
    assert (
        named == "What would you tell a newcomer about the retention schedule in their first month?"
    )
