"""No line that makes every field's plan sound the same.

Practitioners reading real plans found the same two hiring posts in every
field ("What the first 90 days look like for someone who joins my team",
"What I look for when I hire, beyond the job description"), the same "make it
yours" under many ideas ("Which moment in your own work made this point for
you?"), and guarded prompts that slot a bare label into a stock question
("What would you tell a newcomer about ROPA in their first month?").
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache

import pytest

from wizard.generators.hiring import fits, hiring_angles
from wizard.generators.ideas import Material
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
