"""A plan read as a whole: comment prompts in different shapes, polls that ask what no
other idea asks, hiring posts in a theme that suits them, and terms that hold where the
person lives.

Built from plans practitioners read: a small-animal vet, a medical device regulatory
affairs manager and a structural engineer.
"""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

import pytest

from tests.test_ideas import LIB, TODAY, answers_for, area_fields
from wizard.generators.ideas import COMMENT_FRAMES, TROUBLE_THEME, hiring_plan
from wizard.generators.plan import build_plan

VET = {
    "expertise": "Veterinary medicine",
    "subtopics": ["antimicrobial stewardship", "pet dental disease"],
    "rung": 1,
    "goals": ("expert",),
    "audience": "pet owners and other vets",
}
DEVICES = {
    "expertise": "Regulatory affairs",
    "role": "Regulatory affairs manager, medical devices",
    "subtopics": ["EU MDR technical documentation", "notified bodies"],
    "rung": 3,
    "goals": ("expert", "speaking"),
    "audience": "",
}
STRUCTURES = {
    "expertise": "Structural engineering",
    "role": "Associate structural engineer",
    "subtopics": ["RAAC assessments", "temporary works"],
    "rung": 3,
    "goals": ("expert", "hiring"),
    "audience": "architects and contractors",
}
POLL = "question-or-poll"
COMMENT = "thoughtful-comment"


def plan_of(person: dict, *, country: str = "", rows: list[int] | None = None):
    """The person's plan on LinkedIn and X at an hour a week (their suggested themes,
    or the suggested rows numbered in ``rows``)."""
    person = dict(person)
    role = person.pop("role", "Lead")
    answers = answers_for(
        person.pop("expertise"), person.pop("subtopics"), channels=("linkedin", "x"), **person
    )
    answers["work"]["role"] = role
    answers["comfort"]["time"] = "1-hour"
    answers["themes"]["country"] = country
    if rows is not None:
        answers["themes"]["themes"] = [answers["themes"]["themes"][n] for n in rows]
    return build_plan(answers, LIB, seed=7, today=TODAY)


def frame_of(hook: str, term: str) -> str:
    """A comment prompt's sentence shape: its words before the term it watches for."""
    return hook.split(term, 1)[0] if term in hook else hook


def words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("’", "'")))


def says_again(one: str, other: str) -> bool:
    """Whether one line repeats the other: the same words, or one ending with the other
    ("Notified bodies: what would you ask?" ends with "What would you ask?")."""
    a, b = sorted((words(one), words(other)), key=len)
    return bool(a) and (a == b or (len(a.split()) >= 4 and b.endswith(" " + a)))


def test_the_vets_comment_prompts_each_have_their_own_shape():
    plan = plan_of(VET)
    comments = [i for i in plan.ideas if i.format_slug == COMMENT]
    assert len(comments) >= 4
    shapes = Counter(frame_of(i.hook, i.topic) for i in comments)
    assert max(shapes.values()) == 1 or len(shapes) == len(COMMENT_FRAMES), shapes
    # And each makes a point of its own, never the same closing words.
    points = Counter(i.hook.split(i.topic, 1)[1] for i in comments)
    assert points.most_common(1)[0][1] == 1, points


@pytest.mark.parametrize("area", area_fields(10), ids=lambda a: a.slug)
def test_comment_prompts_take_every_shape_before_one_comes_back(area):
    answers = answers_for(area.name, list(area.subtopics[:2]), rung=1, goals=("network",))
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    comments = [i for i in plan.ideas if i.format_slug == COMMENT]
    shapes = Counter(frame_of(i.hook, i.topic) for i in comments)
    assert len(comments) >= 2
    # Every prompt is one of the frames, and the frames turn: none twice before all once.
    frames = [f.split("{term}")[0] for f in COMMENT_FRAMES]
    assert set(shapes) <= set(frames), shapes
    counts = [shapes[f] for f in frames]
    assert max(counts) - min(counts) <= 1, shapes
    # No two prompts in the plan watch for the same term.
    terms = Counter(i.topic.lower() for i in comments)
    assert terms.most_common(1)[0][1] == 1, terms


@pytest.mark.parametrize("country", ["GB", ""])
def test_the_vet_gets_no_us_only_term(country):
    plan = plan_of(VET, country=country)
    lines = [line for i in plan.ideas for line in (i.hook, *i.outline, i.make_it_yours, i.topic)]
    lines += [str(card) for card in plan.playbook]
    found = [line for line in lines if re.search(r"\bVCPR\b|client-patient", line)]
    assert not found, found
    # The remote prescribing theme still has a comment prompt, in words that hold anywhere
    # (a British reader's watches for the RCVS's own term, "under care"; a reader who
    # named no country, whose posts already take remote prescribing, for the cascade).
    watched = {
        i.topic.strip("“”")
        for i in plan.ideas
        if i.format_slug == COMMENT and "prescribing" in i.theme.lower()
    }
    assert watched & {"remote prescribing", "under care", "the cascade"}, watched


@pytest.mark.parametrize("person", [VET, DEVICES], ids=["vet", "devices"])
def test_a_poll_asks_what_no_other_idea_asks_or_claims(person):
    plan = plan_of(person)
    polls = [i for i in plan.ideas if i.format_slug == POLL]
    # A poll's title asks: the vet's first-rung plan, whose premises ask nothing, has
    # none ("What the CMA's vets investigation means…" was one, and is an observation).
    assert polls or person is VET
    assert all(i.hook.endswith("?") for i in polls), [i.hook for i in polls]
    for poll in polls:
        for idea in plan.ideas:
            if idea is poll:
                continue
            assert not says_again(poll.hook, idea.make_it_yours), (poll.hook, idea.hook)
            assert not says_again(poll.hook, idea.hook), (poll.hook, idea.hook)
            assert not says_again(poll.make_it_yours, idea.make_it_yours), poll.make_it_yours


def test_the_devices_plan_still_covers_its_sub_topic():
    """The sub-topic the field's angles do not name gets a premise written for its kind
    (a record someone reads later), before any question glued on to another subject."""
    plan = plan_of(DEVICES)
    own = [i for i in plan.ideas if i.angle.startswith("topic:")]
    assert any("EU MDR technical documentation" in i.hook for i in own), [
        i.hook for i in plan.ideas
    ]
    polls = [i for i in plan.ideas if i.format_slug == POLL]
    assert not any(i.hook.startswith("EU MDR technical documentation: ") for i in polls)


@pytest.mark.parametrize("area", area_fields(12), ids=lambda a: a.slug)
def test_polls_and_ideas_never_repeat_each_other_across_fields(area):
    answers = answers_for(area.name, list(area.subtopics[:3]), rung=5, goals=("expert",))
    answers["comfort"]["channels"] = ["linkedin", "blog"]
    plan = build_plan(answers, LIB, seed=7, today=TODAY)
    polls = [i for i in plan.ideas if i.format_slug == POLL]
    for poll in polls:
        for idea in plan.ideas:
            if idea is not poll:
                assert not says_again(poll.hook, idea.make_it_yours), (poll.hook, idea.hook)
                assert not says_again(poll.hook, idea.hook), (poll.hook, idea.hook)


def test_the_structural_engineers_hiring_posts_stay_out_of_the_failures_theme():
    plan = plan_of(STRUCTURES)
    titles = [t.title for t in plan.outline]
    assert any(TROUBLE_THEME.search(t) for t in titles), titles  # the plan has one
    hiring = [i for i in plan.ideas if i.angle.startswith("hiring:")]
    assert len(hiring) == 2
    for idea in hiring:
        assert not TROUBLE_THEME.search(idea.theme), idea.theme
        assert idea.theme != titles[0]  # a hiring post never opens the plan


def theme(key: str, title: str, summary: str = "") -> SimpleNamespace:
    return SimpleNamespace(key=key, title=title, summary=summary, angles=())


def test_hiring_goes_to_the_team_theme_then_the_most_general_never_an_incident_one():
    opening = theme("area:x:backups", "Backups that restore")
    incidents = theme("area:x:incidents", "Incidents and what we learned", "Post-mortems")
    team = theme("area:x:ways", "How our practice works", "Colleagues, training and the craft")
    general = theme("area:x:standards", "Standards worth knowing", "What the codes ask")
    topical = theme("area:x:raac", "RAAC assessments", "Planks and bearings")
    assert hiring_plan([opening, team, incidents]) == {1: 3}
    assert hiring_plan([opening, general, topical, incidents], ["RAAC assessments"]) == {1: 3}
    assert hiring_plan([opening, topical, general, incidents], ["RAAC assessments"]) == {2: 3}
    # Only the opening theme is not about failures: it takes them, after its own posts.
    assert hiring_plan([opening, incidents]) == {0: 3}
    # A career theme still takes both, wherever it is.
    career = theme("area:x:career", "Becoming chartered")
    assert hiring_plan([opening, incidents, career, general]) == {2: 3}


def test_a_guide_theme_whose_title_names_careers_takes_the_hiring_posts_even_first():
    """A field guide's careers theme with another slug ("Studio life and careers") is
    its careers theme: opening the plan, it still takes both hiring posts, rather
    than a later theme with a newcomer's angle (a UX researcher's hiring posts sat
    in Research operations while the careers theme ran first)."""
    careers = theme("area:x:studio", "Studio life and careers")
    ops = SimpleNamespace(
        key="area:x:ops",
        title="Research operations",
        summary="Recruiting and tools",
        angles=(SimpleNamespace(premise="A new researcher's first month: observe first"),),
    )
    assert hiring_plan([careers, ops]) == {0: 3}
    # A slug that says career still comes before a title that does.
    career = theme("area:x:career", "Becoming chartered")
    assert hiring_plan([careers, ops, career]) == {2: 3}
    # "people" in a guide theme's title is its users, not its careers.
    users = theme("area:x:design", "Dashboards people use")
    assert hiring_plan([users, ops]) == {1: 3}
