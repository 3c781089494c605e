"""Hiring posts, comment prompts and guarded asks, as a practitioner reads them.

A UX designer who chose "collaboration" and "value" read a stock "A newcomer's
first three months in UX design" though the guide's own "A junior designer's
first month" sat in the theme they chose that did not host the hiring posts (it
went out as that theme's ordinary post first); a drug safety physician was asked
about "a moment from your own cases" though their cases are patients' reports;
and a UK patent attorney read of the USPTO exam in a post about the route in.
"""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import pytest

from wizard.generators.ideas import (
    IdeaContext,
    comment_parts,
    comment_point,
    hiring_pools,
    material,
    opens_with,
)
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.generators.triggers import said_once, term_phrase
from wizard.library import load_library

LIB = load_library()
# The openings of the hiring posts written in the field's name (`ideas._hiring_idea`).
IN_THE_FIELDS_NAME = ("A newcomer's first three months in", "Getting into")


def plan_with(
    slug: str, themes: list[str], country: str = "GB", goals=("expert", "hiring"), rung: int = 2
):
    """The plan for a senior practitioner of the field who ticked ``themes``."""
    area = LIB.area(slug)
    work = {
        "role": f"Senior {area.name.lower()} specialist",
        "expertise": area.name,
        "subtopics": "\n".join(area.subtopics[:2]),
        "audience": "peers",
    }
    titles = {t.slug: t.title for t in area.themes}
    rows = [
        {"include": True, "title": titles[t], "weeks": 2, "order": n + 1, "key": f"area:{slug}:{t}"}
        for n, t in enumerate(themes)
    ]
    answers = {
        "work": work,
        "comfort": {"rung": rung, "channels": ["linkedin"], "time": "30-min"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": country},
        "situations": {},
    }
    return build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))


@pytest.mark.parametrize(
    ("field", "themes", "premise"),
    [
        # The first-months angle sits in "collaboration", which does not host the posts.
        ("ux-design", ["collaboration", "value"], "A junior designer's first month"),
        ("ux-design", ["value", "collaboration"], "A junior designer's first month"),
        # The route in sits in "practice", the first months in "new-costs".
        ("finops", ["new-costs", "practice"], ""),
    ],
)
def test_a_hiring_angle_in_a_chosen_theme_that_does_not_host_is_the_hiring_post(
    field, themes, premise
):
    plan = plan_with(field, themes)
    hires = [i for i in plan.ideas if i.angle.startswith("hiring:")]
    hooks = [i.hook for i in hires]
    assert len(hooks) == 2 and not [h for h in hooks if h.startswith(IN_THE_FIELDS_NAME)], hooks
    assert not premise or any(h.startswith(premise) for h in hooks), hooks
    # Nor is the angle the hiring post takes also one of its theme's ordinary posts.
    ordinary = [i.hook for i in plan.ideas if not i.angle.startswith("hiring:")]
    assert not set(hooks) & set(ordinary)


def test_a_drug_safety_physician_is_asked_across_many_cases():
    """Case reports are patients' data: no "make it yours" asks for a moment from
    the physician's own cases, as a nurse's never asks for one patient."""
    work = {
        "role": "Drug safety physician",
        "expertise": "Pharmacovigilance",
        "subtopics": "signal detection\ncase processing",
        "audience": "peers",
    }
    rows = theme_rows(suggest_themes(work, ["expert"], LIB))
    answers = {
        "work": work,
        "comfort": {"rung": 3, "channels": ["linkedin"], "time": "2-hours"},
        "goals": {"goals": ["expert"]},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-12-07", "country": "GB"},
        "situations": {},
    }
    plan = build_plan(answers, LIB, seed=3, today=date(2026, 11, 30))
    asks = [i.make_it_yours for i in plan.ideas]
    own = [a for a in asks if "your own cases" in a or "from your own" in a]
    assert not own, own
    assert LIB.sector("life-sciences").guarded


@pytest.mark.parametrize(
    ("field", "theme", "country", "said", "unsaid"),
    [
        ("intellectual-property", "ip-practice", "GB", "patent attorney", "USPTO|patent agent"),
        ("intellectual-property", "ip-practice", "US", "patent agent", "IPReg|CIPA"),
        ("disputes-litigation", "us-ediscovery", "GB", "disclosure dispute", "discovery dispute"),
        ("disputes-litigation", "us-ediscovery", "US", "discovery dispute", "disclosure dispute"),
    ],
)
def test_a_one_country_route_in_reaches_only_that_country(field, theme, country, said, unsaid):
    """The US route (a patent agent's USPTO exam, discovery as a junior associate)
    reaches US readers; a UK reader gets the UK's (a patent attorney on the IPReg
    register, disclosure under CPR Part 31 or PD 57AD)."""
    area = LIB.area(field)
    angles = next(t for t in area.themes if t.slug == theme).angles
    # The story of the move in (the engineer's, the lost dispute's), in each version.
    story = re.compile(r"^From engineer to|^The \w+ dispute I lost")
    versions = [a for a in angles if a.holds_in(country) and story.search(a.premise)]
    assert [said in a.premise for a in versions] == [True], [a.premise for a in versions]
    text = " ".join((versions[0].premise, *versions[0].points))
    assert not re.search(unsaid, text), text


@pytest.mark.parametrize(
    ("term", "premise", "reads"),
    [
        # The stage every dismissal case has: investigations, not "on investigation".
        (
            "investigation",
            "Most dismissals I see challenged are lost or won in the investigation",
            "investigations",
        ),
        (
            "investigation",
            "How I plan a workplace investigation before the first interview",
            "an investigation",
        ),
        (
            "AI addendum",
            "Why I wrote an AI addendum instead of rewriting the MSA",
            "an AI addendum",
        ),
        ("MSA", "Clickwrap or signed MSA: where I draw the line", "an MSA"),
        ("MSA", "Why I wrote an AI addendum instead of rewriting the MSA", "the MSA"),
        (
            "battle of the forms",
            "Battle of the forms: what happens when both sides insist on their own terms",
            "the battle of the forms",
        ),
        # The article is the naming convention's, not the acronym's.
        ("UTM", "A UTM naming convention saves every later report", "UTM"),
        ("RCD", "An RCD trips on leakage", "an RCD"),
    ],
)
def test_a_comment_term_reads_with_the_article_or_plural_english_needs(term, premise, reads):
    assert term_phrase(term, premise) == reads


def test_a_contract_lawyers_comment_prompts_name_their_terms_as_english_does():
    """'If your feed brings up AI addendum', 'a post about MSA' and 'battle of the
    forms' were no English; each takes its article."""
    hooks = [
        i.hook
        for rung in (1, 3)
        for i in plan_with("legal", [t.slug for t in LIB.area("legal").themes[:5]], rung=rung).ideas
        if i.format_slug == "thoughtful-comment"
    ]
    bare = re.compile(r"(about|on|up) (AI addendum|MSA|battle of the forms|investigation):")
    assert hooks and not [h for h in hooks if bare.search(h)], hooks


def test_a_comment_point_does_not_open_with_the_term_its_prompt_names():
    """ "Under a post about trunk-based development: trunk-based development is a
    prerequisite…" said the term twice; another claim of the angle that names no
    other concept makes the point, and one that names another concept never does."""
    found = next(
        a
        for t in LIB.area("devops-platform-engineering").themes
        for a in t.angles
        if a.slug == "trunk-based"
    )
    angle = material(found)
    point = comment_point(angle, "trunk-based development", ["feature flag"])
    assert point and not opens_with(point, "trunk-based development"), point
    # Without the field's concepts to keep off, the claim on the term stands.
    assert opens_with(comment_point(angle, "trunk-based development"), "trunk-based")
    # Where the other claims are about other terms, the claim on the term stands.
    kept = comment_point(angle, "trunk-based development", ["long-lived branches", "main"])
    assert opens_with(kept, "trunk-based development"), kept


def test_fewer_comment_prompts_repeat_their_term_after_the_colon():
    """Across a DevOps engineer's and an application security engineer's plans, no
    comment prompt's point opens with the term its frame has just named where the
    angle has another claim to make."""
    doubled = []
    for field in ("devops-platform-engineering", "application-security"):
        themes = [t.slug for t in LIB.area(field).themes[:4]]
        for rung in (1, 3):
            for idea in plan_with(field, themes, goals=("expert",), rung=rung).ideas:
                parts = comment_parts(idea.hook)
                if parts and opens_with(parts[2], parts[1]):
                    doubled.append(idea.hook)
    assert not doubled, doubled


def test_a_typed_templates_angle_is_never_a_hiring_post():
    """Where a template theme ("What working in … is like") hosts the hiring posts,
    they still come from the field guide's angles, not the template's own."""
    template = SimpleNamespace(
        key="template:working-in:scrum",
        angles=[SimpleNamespace(slug="t", premise="How I got into scrum", points=("x",))],
    )
    guide = SimpleNamespace(
        key="area:agile-coaching:coaching", angles=LIB.area("agile-coaching").themes[0].angles
    )
    ctx = IdeaContext(library=LIB, seed=1, rung=2, channels=("linkedin",), concepts=("Scrum",))
    pools = hiring_pools([template, guide], 0, ctx)
    assert "t" not in {a.slug for pool in pools for a in pool}
    assert pools[2]  # the guide's chosen theme still offers its angles


@pytest.mark.parametrize(
    ("point", "term", "said"),
    [
        (
            "Minimum required contributions fell for many plans",
            "minimum required contributions",
            "they fell for many plans",
        ),
        (
            "Trunk-based development is a prerequisite",
            "trunk-based development",
            "it is a prerequisite",
        ),
        ("The PBGC premiums have risen", "PBGC premiums", "they have risen"),
        # No pronoun agrees with both the term as named and the point's verb.
        ("Quotas are now monitored", "the quota", None),
        # Not plainly the subject, or no verb to tell: the point stays as written.
        ("PEPs need enhanced due diligence", "a PEP", None),
        (
            "Minimum required contributions of small plans fell",
            "minimum required contributions",
            None,
        ),
    ],
)
def test_a_comment_point_with_no_other_claim_says_its_term_once(point, term, said):
    """ "In a thread on minimum required contributions: minimum required contributions
    fell…" said the term twice where the angle had no other claim to make: a pronoun
    takes its place where the term is plainly the point's subject."""
    assert said_once(point, term) == (said or point)
