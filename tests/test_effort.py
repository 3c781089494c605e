"""The plan asks no more of a person than the time they gave, week by week.

Properties over comfort rungs x time budgets x fields, with a start that runs
through the year-end quiet period: every week's reading, comments, posts and
bigger pieces add up to no more than its share of the budget; no week repeats
another; a quiet period asks for nothing; counts in titles are the outline's;
LinkedIn's fold is said once; hot takes wait for the rungs that want them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from wizard.generators.calendar import LONG, POST, TALK, days_to_list
from wizard.generators.effort import (
    ABSTRACT_MINUTES,
    COMMENT_MINUTES,
    LONG_PIECE_MINUTES,
    WRITTEN_CHANNEL_MINUTES,
    listening_minutes,
    share,
    time_share,
    weekly_fit,
)
from wizard.generators.ideas import COUNT_WORDS, HOT_TAKE, LIST_NOUNS
from wizard.generators.outline import cadence
from wizard.generators.plan import build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library

LIB = load_library()
FORMATS = {f.slug: f for f in LIB.formats}
RUNGS = [r.rung for r in LIB.rungs]
BUDGETS = [b.slug for b in LIB.time_budgets]
PEOPLE = [
    # (expertise, sub-topics, channels, goals): known fields, a typed one, a blog writer.
    (
        "Data protection officer",
        "DPIAs\nsubject access requests",
        ["linkedin", "blog"],
        ["expert", "speaking"],
    ),
    (
        "Nurse educator",
        "simulation training\npreceptorship",
        ["linkedin", "x", "events"],
        ["expert"],
    ),
    ("Commercial litigation", "disclosure\nwitness statements", ["linkedin"], ["expert"]),
    (
        "Product designer",
        "design systems\nusability testing",
        ["linkedin", "blog", "events"],
        ["expert", "speaking"],
    ),
]
NUMBERS = {"no": 0, "one": 1, **{word: n for n, word in enumerate(COUNT_WORDS, start=2)}}
COMMENT_COUNT = re.compile(r"^(\w+) comments? this week", re.IGNORECASE)


def answers(
    expertise, subtopics, channels, goals, *, rung, budget, start="2026-12-07", country="GB"
):
    work = {
        "role": expertise,
        "expertise": expertise,
        "subtopics": subtopics,
        "audience": "peers in my field",
    }
    rows = [row for row in theme_rows(suggest_themes(work, goals, LIB)) if row["include"]]
    return {
        "work": work,
        "comfort": {"rung": rung, "channels": channels, "time": budget},
        "goals": {"goals": goals},
        "tone": {},
        "situations": {},
        "themes": {
            "themes": rows,
            "start_date": start,
            "post_time": "08:30",
            "time_zone": "UTC",
            "country": country,
            "quiet_period": True,
        },
    }


def plan_for(person, rung, budget, **kwargs):
    return build_plan(
        answers(*person, rung=rung, budget=budget, **kwargs), LIB, seed=7, today=date(2026, 11, 30)
    )


def working_days(plan, week) -> int:
    free = plan.place.blocked(week.start, week.end)
    return sum(1 for n in range(7) if week.start + timedelta(days=n) not in free)


def comment_count(line: str) -> int:
    found = COMMENT_COUNT.match(line)
    return NUMBERS[found.group(1).lower()] if found else 0


# --- the weekly numbers ---------------------------------------------------------


@pytest.mark.parametrize("budget", BUDGETS)
@pytest.mark.parametrize("rung", RUNGS)
def test_the_weekly_numbers_fit_the_budget(rung, budget):
    minutes = LIB.budget(budget).minutes
    tier = LIB.tier(rung)
    fit = weekly_fit(rung, tier.posts_per_week, tier.comments_per_week, minutes)
    assert 1 <= fit.posts_per_week <= tier.posts_per_week
    assert 0 <= fit.comments_floor <= fit.comments_per_week <= tier.comments_per_week
    assert fit.listening + fit.comments_floor * COMMENT_MINUTES + fit.post_minutes == minutes
    lightest = min(
        f.minutes for f in LIB.formats if f.rung <= rung and f.slug != "thoughtful-comment"
    )
    assert fit.post_minutes >= lightest  # a full week always has room for a post
    assert cadence(rung, budget, LIB).posts_per_week == fit.posts_per_week
    if rung <= 2:
        assert fit.comments_floor >= 1  # the commenting rungs keep a comment every week


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p[0])
@pytest.mark.parametrize("budget", BUDGETS)
@pytest.mark.parametrize("rung", RUNGS)
def test_every_full_week_keeps_time_for_the_comments_the_outline_promises(person, rung, budget):
    """The outline promises comments every week, so no week that keeps the whole
    time is filled by its posts and reading alone: an archaeologist's first weeks
    once read "1 hour 45 minutes on posts and 15 minutes reading: all the time you
    set aside" under "up to four thoughtful comments a week". (A week that prepares
    a talk abstract or a longer piece may give it the comments' time.)"""
    plan = plan_for(person, rung, budget)
    assert plan.cadence.comments_per_week >= 1
    assert "thoughtful comment" in plan.promise.sentence()
    minutes = LIB.budget(budget).minutes
    bare = [
        week.number
        for week in plan.calendar
        if working_days(plan, week) >= 3 and week.budget == minutes
        if all(slot.kind == POST for slot in week.slots) and comment_count(week.comments) < 1
    ]
    assert not bare, (bare, [w.comments for w in plan.calendar if w.number in bare])


def test_effort_estimates_are_realistic():
    """A comment is the format's ten minutes; a blog post is hours, not minutes; a
    talk is prepared over weeks once an event takes it; a longer piece is hours."""
    assert FORMATS["thoughtful-comment"].minutes == COMMENT_MINUTES
    assert 120 <= WRITTEN_CHANNEL_MINUTES <= 180
    assert FORMATS["long-form-article"].minutes == LONG_PIECE_MINUTES
    assert FORMATS["talk"].minutes >= 8 * 60 and ABSTRACT_MINUTES <= 60
    assert listening_minutes(30) == 0 and listening_minutes(240) <= 45


# --- every week fits ------------------------------------------------------------


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p[0])
@pytest.mark.parametrize("budget", BUDGETS)
@pytest.mark.parametrize("rung", RUNGS)
def test_every_week_fits_the_time_given(person, rung, budget):
    plan = plan_for(person, rung, budget)
    minutes = LIB.budget(budget).minutes
    total = 0
    for week in plan.calendar:
        days = working_days(plan, week)
        assert week.budget == (minutes if days >= 3 else share(minutes, days))
        assert week.minutes <= week.budget, (week.number, week.minutes, week.budget)
        total += week.minutes
        count = comment_count(week.comments)
        assert count <= plan.cadence.comments_per_week
        if week.minutes:
            assert "in all this week" in week.comments  # the week's time, next to its budget
        else:
            assert not week.slots and not week.comments
    # Nothing left uncounted: the weeks add up to every item's own estimate.
    reading = sum(
        time_share(plan.cadence.listening_minutes, working_days(plan, w)) for w in plan.calendar
    )
    comments = sum(comment_count(w.comments) for w in plan.calendar) * COMMENT_MINUTES
    posts = sum(s.idea.minutes for s in plan.slots if s.kind == POST)
    bigger = sum(
        LONG_PIECE_MINUTES if s.kind == LONG else ABSTRACT_MINUTES
        for s in plan.slots
        if s.kind != POST
    )
    assert total == reading + comments + posts + bigger
    # What the outline promises is what the calendar holds.
    assert plan.promise.posts == len(plan.slots)
    assert plan.promise.long_pieces == sum(s.kind == LONG for s in plan.slots)
    assert plan.promise.talks == sum(s.kind == TALK for s in plan.slots)
    for theme in plan.outline:  # no theme's period silently left without posts
        assert theme.posts >= 1, theme.title


@pytest.mark.parametrize("person", PEOPLE[:2], ids=lambda p: p[0])
def test_the_readers_people_fit_their_hour(person):
    """The pages that asked 85-110 minutes of an hour, or 3 hours of 2."""
    for rung, budget in ((2, "1-hour"), (3, "2-hours"), (4, "2-hours"), (1, "30-min")):
        plan = plan_for(person, rung, budget)
        assert max(w.minutes for w in plan.calendar) <= LIB.budget(budget).minutes


def test_a_talk_is_an_abstract_the_plan_can_hold():
    designer = plan_for(PEOPLE[3], 5, "2-hours")
    talks = [i for i in designer.ideas if i.format_slug == "talk"]
    assert talks, "someone who wants to speak is offered a talk"
    for talk in talks:
        assert talk.minutes == ABSTRACT_MINUTES and talk.channel_slug != "blog"
        assert any("16 hours" in step for step in talk.outline)
    for slot in designer.slots:
        assert slot.idea.minutes <= 2 * LIB.budget("2-hours").minutes


def test_a_blog_post_costs_hours_and_waits_for_a_budget_that_holds_it():
    dpo = plan_for(PEOPLE[0], 3, "4-hours")
    blog = [i for i in dpo.ideas if i.channel_slug == "blog" and i.format_slug != "talk"]
    assert blog and all(i.minutes >= WRITTEN_CHANNEL_MINUTES for i in blog)
    short = plan_for(PEOPLE[0], 3, "30-min")
    assert all(s.idea.minutes <= 30 * 2 for s in short.slots)


# --- no week repeats another ----------------------------------------------------


@pytest.mark.parametrize("budget", ["1-hour", "2-hours", "4-hours"])
@pytest.mark.parametrize("rung", RUNGS)
def test_no_two_weeks_repeat(rung, budget):
    for person in PEOPLE:
        plan = plan_for(person, rung, budget, start="2027-02-01")
        keys = [s.idea.key for s in plan.slots]
        assert len(keys) == len(set(keys)), "an idea comes round twice"
        weeks = [tuple(s.idea.hook for s in w.slots) for w in plan.calendar if w.slots]
        assert len(weeks) == len(set(weeks)), "two weeks hold the same posts"


# --- quiet periods ask for nothing ----------------------------------------------


@pytest.mark.parametrize("country", ["GB", "US", ""])
def test_a_quiet_period_asks_for_nothing_and_lists_no_weekend(country):
    plan = plan_for(PEOPLE[1], 4, "2-hours", country=country)
    quiet_week = next(w for w in plan.calendar if w.start == date(2026, 12, 28))
    assert not quiet_week.slots and not quiet_week.comments and not quiet_week.free
    assert quiet_week.minutes == 0
    christmas = next(w for w in plan.calendar if w.start == date(2026, 12, 21))
    weekend = plan.place.weekend
    assert all(day.weekday() not in weekend for day, _ in christmas.free)
    assert sum(reason == "Quiet period" for _, reason in christmas.free) <= 1
    assert share(plan.cadence.comments_per_week, 3) >= comment_count(christmas.comments)


def test_free_days_fold_a_quiet_period_into_one_line():
    week = date(2026, 12, 21)
    free = {week + timedelta(days=n): "Quiet period" for n in range(3, 7)}
    free[date(2026, 12, 25)] = "Christmas Day"
    assert days_to_list(week, free) == ((date(2026, 12, 24), "Quiet period"),)
    whole = {week + timedelta(days=n): "Quiet period" for n in range(7)}
    assert days_to_list(week, whole) == ()
    holiday = {date(2026, 12, 22): "A holiday", date(2026, 12, 26): "Weekend"}
    assert days_to_list(week, holiday) == ((date(2026, 12, 22), "A holiday"),)


# --- titles, tips and rungs -------------------------------------------------------


LEADING_COUNT = re.compile(
    rf"^(?:(?:my|our)\s+)?({'|'.join(COUNT_WORDS)})\s+(?:\w+\s+)?(?:{LIST_NOUNS})\b", re.IGNORECASE
)


def test_a_titles_count_is_the_outlines():
    """ "Five questions" never lists three: over every field with such a premise."""
    checked = 0
    for area in LIB.areas:
        angles = {a.slug: a for theme in area.themes for a in theme.angles}
        counted = [a for a in angles.values() if LEADING_COUNT.search(a.premise)]
        if not counted:
            continue
        plan = build_plan(
            answers(
                area.name,
                "\n".join(area.subtopics[:2]),
                ["linkedin"],
                ["expert"],
                rung=3,
                budget="4-hours",
            ),
            LIB,
            seed=3,
            today=date(2026, 11, 30),
        )
        for idea in plan.ideas:
            found = LEADING_COUNT.search(idea.hook)
            angle = angles.get(idea.angle)
            if (
                not found
                or angle is None
                or not angle.points
                or idea.format_slug == "thoughtful-comment"
            ):
                continue
            assert NUMBERS[found.group(1).lower()] == len(angle.points), idea.hook
            checked += 1
        if checked >= 15:
            break
    assert checked >= 5


def test_linkedins_fold_is_said_once_not_under_every_idea():
    plan = plan_for(PEOPLE[1], 3, "2-hours")
    assert not any("210" in idea.channel_tip for idea in plan.ideas)
    assert sum("210" in line for _, line in plan.tone.channel_lines) == 1


@pytest.mark.parametrize("rung", RUNGS)
def test_hot_takes_wait_for_the_rungs_that_want_them(rung):
    """A field the library does not know gets the template theme 'What is changing
    in …', which holds an 'overhyped' take."""
    typed = ("Underwater archaeology", "site survey\nconservation", ["linkedin"], ["expert"])
    plan = plan_for(typed, rung, "2-hours", start="2027-02-01")
    hot = [i.hook for i in plan.ideas if HOT_TAKE.search(i.hook)]
    assert bool(hot) == (rung >= 3), hot
