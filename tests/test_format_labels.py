"""An idea's format label agrees with what the idea is: a "Myth:" title sits only
under a "Myth vs fact" label, a "Myth vs fact" idea states the belief it corrects,
a poll asks, a short story tells one, and "Today I learned" is offered only to
someone learning the work, never to a practitioner about the core of their own field.

These read plans over many people (library fields and fields outside it, GB and
US, rungs 1 to 4) rather than pin the library's text.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.test_ideas import LIB, TODAY, UNKNOWN_FIELDS, area_fields
from wizard.generators.ideas import (
    ASKS_PEERS,
    MYTH_SAID,
    SHORT_MYTH,
    SHORT_STORY,
    IdeaContext,
    Material,
    angle_fit,
    choose_format,
    learns_in_public,
    step_up_format,
)
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows

MYTH_LABEL = "Myth vs fact"


def plan_of(
    role: str,
    expertise: str,
    topics: list[str],
    rung: int,
    country: str,
    goals: tuple[str, ...] = ("expert", "network"),
):
    """A plan for a person who typed ``role`` in ``expertise``, living in ``country``."""
    work = {
        "role": role,
        "expertise": expertise,
        "subtopics": "\n".join(topics),
        "audience": "other people in the field",
    }
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    answers = {
        "work": work,
        "comfort": {
            "rung": rung,
            "channels": ["linkedin"],
            "time": "30-min" if rung < 3 else "1-hour",
        },
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=TODAY)


PEOPLE = [
    ("Senior supply chain planner, consumer goods manufacturer", "Supply chain planning",
     ["demand forecasting", "S&OP"], "US"),
    ("Senior hydrogeologist, environmental consultancy", "Hydrogeology",
     ["groundwater contamination", "PFAS"], "GB"),
    ("Clinical research associate, contract research organisation", "Clinical operations",
     ["site monitoring", "risk-based monitoring"], "GB"),
    ("ICU nurse, academic medical center", "Nursing", ["sepsis", "nurse staffing"], "US"),
    ("Veterinary surgeon, mixed practice", "Veterinary medicine",
     ["antimicrobial resistance", "farm animal health"], "GB"),
    ("Employment solicitor, regional law firm", "Employment law",
     ["unfair dismissal", "settlement agreements"], "GB"),
    ("Credit analyst, commercial bank", "Commercial credit analysis",
     ["cash flow lending", "covenants"], "US"),
    ("Signalling design engineer, rail infrastructure", "Railway signalling",
     ["ETCS", "interlocking"], "GB"),
    ("Registered dietitian, hospital", "Dietetics", ["malnutrition", "tube feeding"], "US"),
    ("Senior social worker, children's services", "Social work",
     ["child protection", "case recording"], "GB"),
    ("Penetration tester, security consultancy", "Penetration testing",
     ["web application testing", "Active Directory"], "GB"),
    ("Operations lead", "Beekeeping equipment logistics", ["hive transport"], "GB"),
]  # fmt: skip
FIELDS = [a.name for a in area_fields(12)] + UNKNOWN_FIELDS[:3]


def label_errors(plan) -> list[tuple[str, str]]:
    """The ideas whose label contradicts their title, as (label, title)."""
    errors = []
    for idea in plan.ideas:
        hook, label = idea.hook, idea.format_name
        myth_title = re.match(r"myth\b", hook, re.IGNORECASE)
        if myth_title and not label.startswith(MYTH_LABEL):
            errors.append((label, hook))  # "Myth:" under another label
        # (A format's own stock title names its myth in its own words.)
        stock = idea.angle.startswith("tpl:")
        if (
            label.startswith(MYTH_LABEL)
            and not stock
            and not (myth_title or MYTH_SAID.search(hook))
        ):
            errors.append((label, hook))  # a myth label over no belief
        if label == SHORT_MYTH[0] and not myth_title:
            errors.append((label, hook))
        if label == SHORT_STORY[0] and re.match(r"what (I|we) need\b", hook, re.IGNORECASE):
            errors.append((label, hook))  # what someone needs is a list, not a story
    return errors


@pytest.mark.parametrize("rung", [1, 2, 3, 4])
def test_no_label_contradicts_its_title_for_practitioners(rung):
    """Every idea of a dozen practitioners' plans, GB and US: a "Myth:" title is
    labelled "Myth vs fact" (as a short post below that format's rung), and every
    "Myth vs fact" idea states the belief it corrects."""
    for role, expertise, topics, country in PEOPLE:
        plan = plan_of(role, expertise, topics, rung, country)
        assert not label_errors(plan), (role, rung, label_errors(plan))


@pytest.mark.parametrize("country", ["GB", "US"])
@pytest.mark.parametrize("rung", [1, 2, 3, 4])
def test_no_label_contradicts_its_title_across_fields(rung, country):
    """The same over library fields of every family and fields outside the library."""
    for name in FIELDS:
        plan = plan_of("Specialist", name, [], rung, country)
        assert not label_errors(plan), (name, rung, country, label_errors(plan))


def test_a_myth_below_the_myth_format_keeps_its_label():
    """A second-rung hydrogeologist's "Myth: groundwater flooding is just river
    flooding…" was "A short observation from your field"; it is a myth and its fact,
    told in a short post."""
    plan = plan_of(*PEOPLE[1][:3], 2, "GB")
    myths = [i for i in plan.ideas if i.hook.startswith("Myth: groundwater flooding")]
    assert myths, [i.hook for i in plan.ideas]
    assert myths[0].format_name == SHORT_MYTH[0]
    assert myths[0].format_slug == "field-observation"  # the filter's short posts
    assert myths[0].minutes == SHORT_MYTH[1]


def test_a_distinction_is_no_myth():
    """ "Case fill, OTIF and your safety stock service level are three different
    numbers" states no belief: it was labelled "Myth vs fact" (no other label read
    right, and the fallback took the myth's). The supply chain angle now names its
    myth, and takes the label."""
    distinction = Material(
        "c",
        "Case fill, OTIF and your safety stock service level are three different numbers",
        ("Case fill is the share of ordered cases delivered",),
        ("explainer", "myth"),
        "",
    )
    for rung in (3, 4):
        ctx = IdeaContext(library=LIB, seed=1, rung=rung, channels=["linkedin"], post_minutes=50)
        chosen = choose_format(distinction, ctx, Counter(), rung)
        assert chosen is None or chosen.slug != "myth-vs-fact", rung
    plan = plan_of(*PEOPLE[0][:3], 3, "US")
    myth = [i for i in plan.ideas if i.angle.endswith("fill-rate-service-level-are-not")]
    assert [i.format_slug for i in myth if i.format_slug != "thoughtful-comment"] == [
        "myth-vs-fact"
    ], [(i.hook, i.format_slug) for i in myth]


def test_today_i_learned_is_a_learners_post():
    """ "Today I learned" is for someone early in the work or learning in public; a
    senior supply chain planner posting "TIL: the post-promo dip" undercuts them."""
    assert not learns_in_public("Senior supply chain planner", ["expert", "hiring"])
    assert not learns_in_public("Senior supply chain planner", ["learning"])
    assert not learns_in_public("Veterinary surgeon, mixed practice", ["expert"])
    assert not learns_in_public("Lead", ["expert", "learning"])
    assert learns_in_public("Trainee solicitor", ["expert"])
    assert learns_in_public("Graduate engineer, highways", ["expert"])
    assert learns_in_public("Nursing student", [])
    assert learns_in_public("Foundation doctor, acute medicine", ["expert"])
    assert learns_in_public("Resident physician, internal medicine (PGY-1)", ["expert"])
    # A resident engineer runs a site; electroconvulsive therapy is no early career.
    assert not learns_in_public("Resident engineer, highways scheme", ["expert"])
    assert not learns_in_public("ECT nurse", ["expert"])
    assert not learns_in_public("Placement coordinator, social work", ["expert"])
    assert learns_in_public("", ["learning"])
    for rung in (1, 2, 3, 4):
        for role, expertise, topics, country in PEOPLE:
            plan = plan_of(role, expertise, topics, rung, country)
            tils = [i.hook for i in plan.ideas if i.format_slug == "today-i-learned"]
            assert not tils, (role, rung, tils)


def test_a_learner_still_gets_today_i_learned_where_it_reads():
    """A trainee's plan still offers the label, before a fact learned
    ("Over 40? A severance release needs 21 days to consider and 7 to revoke")."""
    plan = plan_of("Trainee solicitor", "Employment law", ["unfair dismissal"], 2, "US")
    tils = [i for i in plan.ideas if i.format_slug == "today-i-learned"]
    assert tils, [i.format_slug for i in plan.ideas]
    assert not any(re.search(r"\b(I|my|me)\b", i.hook) for i in tils)


def test_choosing_and_stepping_up_ask_one_fit_test():
    """The step up and the rung's own choice weigh a format by the same test: one
    that does not fit the angle for the person is neither chosen nor a step up."""
    ctx = IdeaContext(library=LIB, seed=1, rung=2, channels=["linkedin"], post_minutes=30)
    formats = ctx.formats
    myth = Material("m", "Myth: a clean monitoring visit means a clean site", ("p",), ("myth",), "")
    plain = Material(
        "c", "Case fill, OTIF and your safety stock service level are three different numbers",
        ("p",), ("explainer", "myth"), "",
    )  # fmt: skip
    assert step_up_format(myth, ctx, formats, 3).slug == "myth-vs-fact"
    assert angle_fit(myth, ctx).fits(formats["myth-vs-fact"])
    assert step_up_format(plain, ctx, formats, 3) is None
    assert not angle_fit(plain, ctx).fits(formats["myth-vs-fact"])
    chosen = choose_format(plain, ctx, Counter(), 3)
    assert chosen is None or chosen.slug != "myth-vs-fact"
    # "Today I learned" from a learner only, whichever choice asks.
    fact = Material("f", "Promo uplift is half the promotion forecast", ("p",), ("explainer",), "")
    assert not angle_fit(fact, ctx).voiced(formats["today-i-learned"])
    learner = IdeaContext(
        library=LIB, seed=1, rung=2, channels=["linkedin"], post_minutes=30, learner=True
    )
    assert angle_fit(fact, learner).fits(formats["today-i-learned"])


@pytest.mark.parametrize("rung", [1, 3])
def test_a_poll_label_sits_only_on_a_question(rung):
    """ "A question or poll to your network" asks: its title is a question, or the
    questions put to peers. "The Tester in Charge should be able to say no…" and
    "The question about X I hear most often, answered" were polls; they are posts."""
    people = [(*p[:3], p[3]) for p in PEOPLE] + [("Specialist", name, [], "GB") for name in FIELDS]
    for role, expertise, topics, country in people:
        plan = plan_of(role, expertise, topics, rung, country)
        for idea in plan.ideas:
            if idea.format_slug == "question-or-poll":
                hook = idea.hook.rstrip()
                assert hook.endswith("?") or ASKS_PEERS.match(hook), (expertise, hook)
