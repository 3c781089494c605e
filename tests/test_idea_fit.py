"""Each idea's parts agree with each other: a comment prompt watches for what its
angle names and makes its point, a re-share's take is a claim, a label fits its idea
and its time, and the hiring goal's posts sit with the field's people.

These read the library over many fields and rungs rather than pin its text.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.test_ideas import LIB, UNKNOWN_FIELDS, area_fields, plan_for
from wizard.generators.effort import THREAD_MINUTES, spoken_time
from wizard.generators.ideas import (
    DANGLING_ASK,
    EXPLAINER_RESHARE,
    HIRING_FENCE,
    MYTH_SAID,
    Material,
    comment_parts,
    mentions,
    one_line_claim,
    premise_terms,
    term_phrase,
    told_story,
)

PREMISES: dict[str, list[str]] = {}
for _area in LIB.areas:
    for _theme in _area.themes:
        for _angle in _theme.angles:
            PREMISES.setdefault(_angle.slug, []).append(_angle.premise)
FIELDS = [a.name for a in area_fields(16)] + UNKNOWN_FIELDS[:4] + ["Customer success"]


def singular(term: str) -> str:
    return re.sub(r"(ies|es|s)$", lambda m: "y" if m.group(1) == "ies" else "", term)


@pytest.mark.parametrize("rung", [1, 2])
@pytest.mark.parametrize("name", FIELDS)
def test_comment_prompts_watch_for_what_their_point_names(name, rung):
    plan = plan_for(name, [], rung=rung, goals=("network", "expert"))
    for theme in plan.outline:
        triggers = Counter()
        for idea in theme.ideas:
            if idea.format_slug != "thoughtful-comment":
                continue
            found = comment_parts(idea.hook)
            assert found, idea.hook
            term, point = found[1], found[2]
            triggers[singular(term.lower())] += 1  # "health score" and "health scores" are one
            # The term is what the angle's premise names (a plural of a term it names
            # once counts), and the point is the angle's own.
            premises = PREMISES.get(idea.angle.split(":", 1)[-1], [])
            assert any(
                mentions(premise, term) or mentions(premise, singular(term)) for premise in premises
            ), (term, premises)
            assert point and not point.endswith("?"), point
            # "Make it yours" stands on its own: no "it", "their" or "this" to point at.
            assert not DANGLING_ASK.search(idea.make_it_yours), idea.make_it_yours
            assert idea.topic == term
        assert not [t for t, n in triggers.items() if n > 1], (theme.title, triggers)


def test_a_term_reads_as_itself_never_inflected():
    """A countable term takes "the" where its premise gives it a determiner, a plural
    only where the premise writes one; a mass noun or an acronym reads as it is."""
    assert term_phrase("at-risk list", "Three signals that put an account on my at-risk list") == (
        "the at-risk list"
    )
    assert term_phrase("health score", "What does your health score get wrong?") == (
        "the health score"
    )
    assert term_phrase("adoption", "Adoption is not value") == "adoption"
    assert term_phrase("pay equity", "A pay equity review, step by step") == "pay equity"
    assert term_phrase("patch", "Four questions before I escalate a patch outside") == "a patch"
    assert term_phrase("QBR", "Do your QBRs still happen quarterly?") == "QBRs"
    assert term_phrase("GRR", "GRR tells the truth") == "GRR"
    assert term_phrase("payroll", "Why the payroll runs late") == "payroll"
    assert term_phrase("funding", "Our funding is not a strategy") == "funding"
    concepts = ["renewal", "non-renewal notice", "health score", "adoption"]
    premise = "Work back from the non-renewal notice, not the health score"
    assert premise_terms(premise, concepts, ()) == ["the non-renewal notice", "the health score"]
    assert premise_terms("Save plays that worked", concepts, ()) == []


def test_a_take_is_a_one_line_claim():
    assert one_line_claim("Gross revenue retention tells the truth that NRR hides")
    assert one_line_claim("Red, amber, green is a conversation starter, not a verdict")
    assert not one_line_claim("Save plays that worked, and the one that never does")
    assert not one_line_claim("What I show a new colleague first about RAAC assessments")
    assert not one_line_claim("How long is onboarding at your company?")
    assert not one_line_claim("Three early warning signals that put an account on my list")


@pytest.mark.parametrize("name", UNKNOWN_FIELDS[:4] + [a.name for a in area_fields(6)])
def test_re_shares_carry_a_claim_or_the_persons_own_line(name):
    plan = plan_for(name, ["antimicrobial stewardship", "team culture"], rung=1)
    for idea in plan.ideas:
        if idea.format_slug != "reshare-with-take":
            continue
        if idea.hook.startswith(EXPLAINER_RESHARE):
            # The default audience, "Platform teams", is short enough to name.
            assert idea.hook.lower().endswith("with the line you would say to platform teams")
            assert not DANGLING_ASK.search(idea.make_it_yours), idea.make_it_yours
        else:
            take = idea.hook.split("with your one-line take: ", 1)[1]
            assert one_line_claim(take), idea.hook
            assert "mix up two terms" not in take


@pytest.mark.parametrize("rung", [3, 4, 5])
@pytest.mark.parametrize("name", FIELDS)
def test_labels_and_times_fit_the_idea(name, rung):
    plan = plan_for(name, [], rung=rung, channels=("linkedin", "x", "blog"))
    for idea in plan.ideas:
        if idea.format_slug == "myth-vs-fact" and not idea.angle.startswith("tpl:"):
            # (A format's own stock title says it is a myth in its own words.)
            assert MYTH_SAID.search(idea.hook) or idea.hook.lower().startswith("myth"), idea.hook
        if idea.channel_slug == "x":
            assert idea.minutes <= THREAD_MINUTES, (idea.hook, idea.minutes)
            if idea.format_slug in ("trend-take", "how-to", "mistake-story"):
                assert idea.format_name.endswith(", as a thread"), idea.format_name
        if idea.format_slug == "long-form-article":
            assert idea.time_text.endswith(", over two weeks"), idea.time_text


def test_times_read_as_a_person_says_them():
    assert spoken_time(20) == "20 minutes"
    assert spoken_time(90) == "1½ hours"
    assert spoken_time(150) == "2½ hours"
    assert spoken_time(240) == "4 hours, over two weeks"


def test_a_story_is_told_by_its_kind_or_its_premise():
    def story(premise: str, *kinds: str) -> bool:
        return told_story(Material("x", premise, (), kinds or ("opinion",), ""))

    assert story("The supplier failure we should have seen", "opinion")
    assert story("How we rebuilt our health score against real churn", "how-to")
    assert story("Anything at all", "story")
    assert not story("How we run onboarding", "how-to")
    assert not story("Three checks I run before a renewal", "story")
    assert not story("Which signal do you trust?", "story")


def test_a_story_below_the_story_formats_rung_is_labelled_a_story():
    plan = plan_for("Customer success", ["renewals", "onboarding"], rung=1)
    labels = {i.hook: i.format_name for i in plan.ideas}
    stories = [h for h, n in labels.items() if n == "A short story from your work"]
    assert stories
    for hook in stories:
        assert not hook.endswith("?")
    for name in ("Procurement", "Customer success"):
        for rung in (1, 2):
            for idea in plan_for(name, [], rung=rung).ideas:
                if idea.hook.startswith(("The supplier failure we", "How we rebuilt")):
                    assert idea.format_slug != "field-observation" or (
                        idea.format_name == "A short story from your work" and idea.minutes >= 30
                    ), (idea.hook, idea.format_name)


HIRING = ("hiring:first-90-days", "hiring:skills")


@pytest.mark.parametrize("rung", [2, 3, 4])
@pytest.mark.parametrize(
    "name,topics",
    [
        ("Security operations", ["detection engineering", "alert fatigue"]),
        ("Structural engineering", ["RAAC assessments", "temporary works"]),
        *[(a.name, list(a.subtopics[:2])) for a in area_fields(10)],
    ],
)
def test_hiring_posts_sit_with_the_people_and_never_open_the_plan(name, topics, rung):
    plan = plan_for(name, topics, rung=rung, goals=("expert", "hiring"))
    hiring = [(t, i) for t in plan.outline for i in t.ideas if i.angle in HIRING]
    assert {i.angle for _, i in hiring} == set(HIRING)
    homes = {t.number for t, _ in hiring}
    assert len(homes) == 1, homes  # both in one theme
    home = next(t for t, _ in hiring)
    people = [
        t
        for t in plan.outline
        if re.search(r"(^|-)(career|careers|people|team|teams|hiring|talent)$", t.key)
        or t.key.startswith("template:working-in")
    ]
    if people:
        assert home.number == people[0].number, (home.title, [t.title for t in people])
    else:
        assert home.number != 1 or len(plan.outline) == 1
    first = min(plan.slots, key=lambda s: s.day)
    assert first.idea.angle not in HIRING, first.idea.hook
    for _, idea in hiring:
        assert HIRING_FENCE in idea.outline
        assert idea.outline[-1] == HIRING_FENCE  # no field fence about systems or patients
    skills = next(i for _, i in hiring if i.angle == "hiring:skills")
    # No stock premise that the field asks for certifications (not every field has
    # them): only a field guide's own angle that names its certifications may.
    if "certification" in " ".join((skills.hook, skills.make_it_yours)).lower():
        area = LIB.match_expertise(name)
        assert skills.hook in {a.premise for t in area.themes for a in t.angles}, skills.hook
