"""Generic lines practitioners read as leaks, checked over many library fields: a
re-share title that pastes the audience list, a close about the writer's own change of
mind on a post that advises others, a comment idea that asks someone with confidential
cases or a safety-sensitive operation for their own unit's practice, the stock
"Ask whether others have seen the same" repeated as filler (and any stock close two
fields would share), and a condition typed as a sub-topic read as a group of people."""

from __future__ import annotations

import re

import pytest

from tests.test_ideas import LIB, TODAY, answers_for, area_fields, plan_for
from wizard.generators.ideas import (
    ADVICE_CLOSES,
    EXPLAINER_RESHARE,
    FENCE_DEFAULT,
    OWN_CLOSE,
    SELF_CLOSES,
    advises,
    comment_frame,
    material,
    region_free,
    reshare_line,
)
from wizard.generators.plan import build_plan

LONG_AUDIENCE = "developers, councillors and residents"
FIELDS = area_fields(24)
GUARDED = {"aviation", "healthcare", "legal", "veterinary", "social-care"}
GUARDED_FIELDS = [
    a for a in LIB.areas if set(getattr(a, "sectors", ()) or ()) & GUARDED and a.concepts
]
OWN_PRACTICE = re.compile(
    r"\bown (work|experience)\b|\bin practice\b|\byour own cases\b", re.IGNORECASE
)


def test_reshare_line_names_only_a_short_audience():
    assert reshare_line("residents") == "with the line you would say to residents"
    assert reshare_line("pet owners") == "with the line you would say to pet owners"
    for long in (LONG_AUDIENCE, "pilots and aviation enthusiasts", "HR, payroll", ""):
        assert reshare_line(long) == "with one line of your own on why it matters", long


@pytest.mark.parametrize("area", FIELDS, ids=lambda a: a.slug)
def test_reshare_titles_do_not_paste_a_long_audience(area):
    for rung in (1, 2):
        plan = plan_for(area.name, list(area.subtopics[:2]), rung=rung, audience=LONG_AUDIENCE)
        for idea in plan.ideas:
            text = " ".join((idea.hook, idea.make_it_yours))
            assert "councillors" not in text, text
            if idea.hook.startswith(EXPLAINER_RESHARE):
                assert idea.hook.endswith("with one line of your own on why it matters")


def test_some_fields_have_explainer_reshares():
    """The check above reads real titles: enough fields re-share an explainer."""
    count = sum(
        1
        for area in FIELDS
        for idea in plan_for(
            area.name, list(area.subtopics[:2]), rung=1, audience=LONG_AUDIENCE
        ).ideas
        if idea.hook.startswith(EXPLAINER_RESHARE)
    )
    assert count >= 3, count


def test_advice_premises_are_told_from_observations():
    def angle(premise, kinds):
        return material(type("A", (), {"premise": premise, "points": (), "kinds": kinds})())

    assert advises(angle("How to speak at a planning committee in three minutes", ("how-to",)))
    assert advises(angle("What a section 106 agreement is for", ("explainer",)))
    assert not advises(angle("What I noticed at committee this month", ("opinion",)))
    assert not advises(angle("Why I stopped writing long reports", ("explainer",)))


ADVICE_FIELDS = [*FIELDS, *(a for a in LIB.areas if a.slug == "town-planning")]


def premise_advises(premise: str) -> bool:
    """Whether a title reads as advice or an explainer by its words alone."""
    return advises(material(type("A", (), {"premise": premise, "points": (), "kinds": ("",)})()))


@pytest.mark.parametrize("area", ADVICE_FIELDS, ids=lambda a: a.slug)
def test_advice_posts_close_on_the_reader_not_the_writer(area):
    for rung in (1, 3, 5):
        plan = plan_for(area.name, list(area.subtopics[:2]), rung=rung, channels=("linkedin",))
        for idea in plan.ideas:
            closes = [s for s in idea.outline if s in SELF_CLOSES]
            if closes and premise_advises(idea.hook):
                pytest.fail(f"{idea.hook}: {closes}")
            if any(s in ADVICE_CLOSES for s in idea.outline):
                assert idea.format_slug == "field-observation", idea


@pytest.mark.parametrize("area", GUARDED_FIELDS, ids=lambda a: a.slug)
def test_guarded_fields_comment_ideas_ask_no_own_practice(area):
    comments = 0
    for rung in (1, 3):
        plan = plan_for(area.name, list(area.subtopics[:2]), rung=rung, channels=("linkedin",))
        for idea in plan.ideas:
            if idea.format_slug != "thoughtful-comment":
                continue
            comments += 1
            assert comment_frame(idea.hook), idea.hook
            for line in (idea.hook, *idea.outline, idea.make_it_yours):
                assert not OWN_PRACTICE.search(line), (area.slug, line)
    assert comments, area.slug


def test_there_are_guarded_fields():
    assert len(GUARDED_FIELDS) >= 5


@pytest.mark.parametrize("area", FIELDS, ids=lambda a: a.slug)
def test_stock_observation_close_at_most_once_a_plan(area):
    for rung in (1, 3, 5):
        plan = plan_for(
            area.name, list(area.subtopics[:2]), rung=rung, channels=("linkedin", "blog")
        )
        said = sum(
            1 for i in plan.ideas for s in i.outline if s == "Ask whether others have seen the same"
        )
        assert said <= 1, (area.slug, rung, said)


# What a "make it yours" (an angle's ask) or a key point must never ask of someone
# whose cases are confidential or whose operation is safety-sensitive: one recent
# case or event of their own ("the day your cover fell through", "your last set of
# dental radiographs"), a client's deal or matter, or where their own unit falls
# short ("missed most on your unit", "your organization is unsure about").
UNIT = r"(unit|ward|practice|trust|hospital|organization|organisation)"
UNSAFE_ASK = re.compile(
    r"\byour (last|latest|most recent)\b|\bthe day (your )?cover\b|\bthe day your\b"
    r"|\bthe last (discrepancy|incident|error|case|complaint)\b|\blast (shift|quarter)\b"
    r"|\bwhich case\b|\b(deal|case|matter|client)s? of yours\b|\bin your cases\b"
    r"|\bhas found for you\b|\b(you caught|went wrong)\b"
    r"|\b(case|family|decision|visit)s?\b[^?]*\bstayed with you\b"
    r"|\ba family you\b|\bonce (tell|told) you\b"
    rf"|\byour {UNIT}\b[^?]*\b(miss\w*|skip\w*|still|wrong|fail\w*|unsure|double-check\w*)\b"
    rf"|\b(missed|still|wrong|fail\w*|unsure)\b[^?]*\b(on|in|at|for) your {UNIT}\b",
    re.IGNORECASE,
)


def test_the_unsafe_shape_is_caught():
    for unsafe in (
        "What happened the day your cover fell through?",
        "What did your last set of dental radiographs show that you hadn't expected?",
        "Which of the Five Moments is missed most on your unit?",
        "Which information blocking exception is your organization most unsure about?",
        "Has a customer ever claimed service credits on a deal of yours?",
        "A discrepancy you caught and how you traced it",
        "Which capacity decision has stayed with you longest?",
        "What did a judge or a guardian once tell you was missing from a statement?",
    ):
        assert UNSAFE_ASK.search(unsafe), unsafe
    for safe in (
        "What is in your plan for the day a locum cancels at the last minute?",
        "Which of the Five Moments is hardest to teach, and why?",
        "What makes a release-to-respond request work at your hospital?",
        "Which question gets you the truest picture of how someone managed last week?",
    ):
        assert not UNSAFE_ASK.search(safe), safe


@pytest.mark.parametrize("area", GUARDED_FIELDS, ids=lambda a: a.slug)
def test_guarded_fields_never_ask_for_a_live_case_or_their_unit_s_failings(area):
    for theme in area.themes:
        for angle in theme.angles:
            for line in (angle.ask, *angle.points):
                assert not UNSAFE_ASK.search(line), (area.slug, angle.slug, line)


# The stock closes practitioners counted across plans (r15): nine, nine and six times
# in ten plans, two colleagues posting the same last line.
OLD_CLOSES = (
    "Ask whether others have seen the same",
    "Ask peers where your point does not hold for them",
    "Ask the one question that would test your point: where would it not hold?",
    "Mark the item people skip most often",
    "Name the step people get wrong first",
    "End with the one thing to try this week",
)
SAMPLE = area_fields(12)


def last_line(idea) -> str:
    """A post's closing line, its fence and disclosure aside."""
    fences = {FENCE_DEFAULT, idea.disclosure}
    steps = [s for s in idea.outline if s not in fences and not s.startswith(("Nothing ", "No "))]
    return steps[-1] if steps else ""


def test_no_two_fields_close_their_posts_on_the_same_sentence():
    """An observation, checklist or how-to built from a field's angle ends on that
    angle's own last point, never on a stock line every field would share."""
    closers: dict[str, set[str]] = {}
    for area in SAMPLE:
        for rung in (1, 3):
            plan = plan_for(area.name, list(area.subtopics[:2]), rung=rung)
            for idea in plan.ideas:
                if idea.format_slug not in OWN_CLOSE or not idea.angle or ":" in idea.angle:
                    continue
                assert not set(OLD_CLOSES) & set(idea.outline), (area.slug, idea.outline)
                closers.setdefault(last_line(idea), set()).add(area.slug)
    assert len(closers) >= 30
    shared = {line: fields for line, fields in closers.items() if line and len(fields) > 1}
    assert not shared, shared


@pytest.mark.parametrize("expertise", ["Dietetics", "Clinical nutrition in the community"])
def test_a_condition_typed_as_a_sub_topic_is_never_read_as_people(expertise):
    """A dietitian's first post was "What malnutrition in older adults ask for": the
    template for people read "adults" as the head of the phrase."""
    plan = plan_for(expertise, ["malnutrition in older adults", "tube feeding"], rung=2)
    lines = [
        line for idea in plan.ideas for line in (idea.hook, *idea.outline, idea.make_it_yours)
    ] + [theme.title for theme in plan.outline]
    for line in lines:
        assert not re.search(r"malnutrition in older adults (ask|need|say)\b", line), line
        assert not re.search(r"\b(ask|learned from|work with) malnutrition\b", line), line
        assert "What I have learned from malnutrition" not in line, line


def test_a_region_goes_into_the_outline_not_the_title():
    """ "What proper boiler servicing includes, and why a 20-minute visit isn't it (UK)":
    nobody posts a title with "(UK)" in it."""
    assert region_free("Stored at 60, delivered at 50 (UK)") == (
        "Stored at 60, delivered at 50",
        "the UK",
    )
    assert region_free("A question (England and Wales)") == ("A question", "England and Wales")
    assert region_free("ISA (UK) 570 after the revision") == ("ISA (UK) 570 after the revision", "")
    answers = answers_for("Plumbing, heating and heat pumps", ["heat pumps", "boiler servicing"])
    answers["themes"]["country"] = "GB"
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    tagged = [i for i in plan.ideas if re.search(r"\((UK|England|England and Wales)\)$", i.hook)]
    assert not tagged, [i.hook for i in tagged]
    said = [s for i in plan.ideas for s in i.outline]
    assert any(s.startswith("Say in the post that this is about") for s in said)
