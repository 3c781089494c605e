"""Every field guide carries its own angles for the two hiring posts: what the first
months in the job are like, and what it takes to get in. A guide without one lets
the post fall back to a sentence built around the field's name ("A newcomer's first
three months in X"), which reads like a template to anyone in the field."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pytest

from wizard.generators.hiring import fits
from wizard.generators.plan import Plan, build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()
# The openings of the hiring posts written in the field's name (`ideas._hiring_idea`).
IN_THE_FIELDS_NAME = ("A newcomer's first three months in", "Getting into")
# The two main countries, and a reader who named none (who sees no country's angles).
COUNTRIES = ("GB", "US", "")


def holds_in(angle, country: str) -> bool:
    """Whether a reader in ``country`` sees the angle ('' sees only untagged ones; a
    country's own version of an angle stands in for it there)."""
    return angle.holds_in(country)


@cache
def hiring_plan(slug: str, country: str) -> Plan:
    """The plan the wizard makes for a senior practitioner of the field who wants to
    hire, with the themes it ticks for them."""
    area = LIB.area(slug)
    work = {
        "role": f"Senior {area.name.lower()} specialist",
        "expertise": area.name,
        "subtopics": "\n".join(area.subtopics[:2]),
        "audience": "peers",
    }
    rows = theme_rows(suggest_themes(work, ["expert", "hiring"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": 2, "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": ["expert", "hiring"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


@pytest.mark.parametrize("country", COUNTRIES, ids=lambda c: c or "no country")
def test_every_guide_has_an_angle_for_each_hiring_post(country):
    """In each country, and for a reader who named none, every guide has an angle
    about the first months and another about the route in or hiring."""
    missing = {}
    for area in LIB.areas:
        angles = [a for t in area.themes for a in t.angles if holds_in(a, country)]
        first = {a.slug for a in angles if fits(a.premise, 1)}
        route = {a.slug for a in angles if fits(a.premise, 2)}
        if not first or not route or len(first | route) < 2:
            missing[area.slug] = (sorted(first), sorted(route))
    assert not missing, missing


@pytest.mark.parametrize("country", COUNTRIES, ids=lambda c: c or "no country")
def test_no_guides_hiring_post_falls_back_to_the_fields_name(country):
    """The plan Byline makes for each field takes both hiring posts from the guide's
    own angles, not a sentence built around the field's name."""
    fallen = {}
    for area in LIB.areas:
        plan = hiring_plan(area.slug, country)
        hooks = [i.hook for i in plan.ideas if i.angle.startswith("hiring:")]
        stock = [h for h in hooks if h.startswith(IN_THE_FIELDS_NAME)]
        if len(hooks) != 2 or stock:
            fallen[area.slug] = hooks
    assert not fallen, fallen


# Words that name the other main country's route in: its exams, registers and bodies.
ELSEWHERE = {
    "GB": re.compile(r"\b(US|FAA|NAPLEX|AMCB|ARRT|NREMT|AXP|NCARB|EEOC|state (license|bar))\b"),
    "US": re.compile(
        r"\b(UK|England|GDC|HCPC|NMC|GPhC|SQE|QTS|RIBA|RTPI|Plan of Work|foundation trainee)\b"
    ),
}


@pytest.mark.parametrize("country", sorted(ELSEWHERE))
def test_a_hiring_post_tells_the_route_of_the_readers_own_country(country):
    """Where a guide compares the UK's and the US's routes in for a reader who named
    no country, a reader in either gets their own country's version as the post."""
    told = {}
    for area in LIB.areas:
        hooks = [
            i.hook for i in hiring_plan(area.slug, country).ideas if i.angle.startswith("hiring:")
        ]
        if any(ELSEWHERE[country].search(h) for h in hooks):
            told[area.slug] = hooks
    assert not told, told


@pytest.mark.parametrize(
    "premise, fits_route",
    [
        ("How I moved from internal audit to security GRC", True),
        ("From NAV developer to AL developer", True),
        ("Moving from MT940 to camt.053 statements: what to test before you switch", False),
        ("Moving from SE80 to ABAP Development Tools in Eclipse", False),
        ("From the company core data sheet to local labels without losing control", False),
        ("Deal registration is the program's trust contract", False),
    ],
)
def test_a_move_between_formats_or_tools_is_no_route_into_the_job(premise, fits_route):
    """A person's move between jobs is a route in; a team's move between file
    formats, tools or documents, or a partner's deal registration, is not."""
    assert fits(premise, 2) is fits_route
