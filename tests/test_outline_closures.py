"""Closed weeks (a quiet period, a school's or a workplace's closure: weeks without a
single free day) do not count toward a theme's length. A plan that starts in early
December used to give one theme the Christmas weeks and one post; the theme now
runs on past them, and the plan's later themes, its end and its review move later."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.test_plan_review_fixes import LIB, answers
from wizard.exports.ics import calendar_ics
from wizard.exports.markdown_doc import framework_markdown
from wizard.generators.calendar import Ledger
from wizard.generators.outline import (
    MOST_CLOSED_WEEKS,
    pause_line,
    theme_periods,
    weeks_with_room,
)
from wizard.generators.place import date_style
from wizard.generators.plan import build_plan

MONDAY = date(2026, 12, 7)
QUIET_FROM, QUIET_TO = date(2026, 12, 24), date(2027, 1, 1)


def december_plan(expertise: str, topics: list[str], *, country: str = "GB", rung: int = 2):
    """The practitioners' case: a plan from Monday 7 December 2026, quiet period on."""
    given = answers(expertise, topics, country=country, start=MONDAY.isoformat())
    given["comfort"]["rung"] = rung
    given["themes"]["quiet_period"] = True
    return build_plan(given, LIB, seed=7, today=date(2026, 11, 30))


def test_a_closed_week_does_not_count_toward_a_themes_length():
    # Week 4 (28 December) is closed: the second theme runs on to a third week.
    closed = [False, False, False, True, False, False, False, False, False]
    periods = theme_periods([2, 2, 2, 2], MONDAY, closed)
    assert [p.weeks for p in periods] == [2, 3, 2, 2]
    assert [p.open_weeks for p in periods] == [2, 2, 2, 2]
    assert periods[1].start == date(2026, 12, 21)
    assert periods[1].end == date(2027, 1, 10)
    assert periods[1].closed == (date(2026, 12, 28),)
    assert periods[-1].end == date(2027, 2, 7)


def test_closed_weeks_after_a_themes_last_open_week_are_its_own():
    # Weeks 3 and 4 closed, right after the first theme: the second starts after them.
    periods = theme_periods([2, 2], MONDAY, [False, False, True, True, False, False])
    assert [(p.start, p.weeks, p.open_weeks) for p in periods] == [
        (MONDAY, 4, 2),
        (date(2027, 1, 4), 2, 2),
    ]
    # A plan that opens in closed weeks: the first theme holds them.
    periods = theme_periods([1, 1], MONDAY, [True, False, False])
    assert [(p.weeks, p.closed) for p in periods] == [(2, (MONDAY,)), (1, ())]


def test_without_closed_weeks_the_periods_are_the_plain_ones():
    plain = theme_periods([2, 1, 3], date(2026, 3, 2))
    assert theme_periods([2, 1, 3], date(2026, 3, 2), []) == plain
    assert theme_periods([2, 1, 3], date(2026, 3, 2), [False] * 6) == plain
    assert all(not p.closed and p.open_weeks == p.weeks for p in plain)


def test_the_calendar_runs_on_until_it_holds_the_open_weeks_asked_for():
    asked = []

    def free(weeks: int) -> list[int]:
        asked.append(weeks)
        return [0 if n in (3, 4) else 5 for n in range(weeks)]

    assert weeks_with_room(8, free) == (10, [n in (3, 4) for n in range(10)])
    assert asked == [8, 10]
    # Nothing closed: one look, the plan keeps its length.
    assert weeks_with_room(6, lambda weeks: [5] * weeks) == (6, [])
    # Closed to the horizon: the plan keeps its length rather than running on for ever.
    assert weeks_with_room(4, lambda weeks: [5] + [0] * (weeks - 1)) == (4, [])
    assert MOST_CLOSED_WEEKS >= 8  # a summer holiday fits


def test_the_outline_says_in_plain_words_that_a_theme_runs_on_past_the_quiet_weeks():
    period = theme_periods([2, 2], date(2026, 12, 21), [False, True, False, False])[0]
    blocked = {
        date(2026, 12, 24): "Quiet period",
        date(2026, 12, 25): "Christmas Day",
        date(2026, 12, 26): "Weekend",
        date(2026, 12, 27): "Weekend",
        date(2026, 12, 28): "Boxing Day",
        date(2026, 12, 29): "Quiet period",
        date(2026, 12, 30): "Quiet period",
        date(2026, 12, 31): "Quiet period",
        date(2027, 1, 1): "New Year's Day",
        date(2027, 1, 2): "Weekend",
        date(2027, 1, 3): "Weekend",
    }
    line = pause_line(period, blocked, date_style("GB"))
    assert line == "Runs on past the quiet weeks, 24 December to 1 January."
    assert "December 24 to January 1" in pause_line(period, blocked, date_style("US"))
    # A school's closure is said by its name; a period without closed weeks says nothing.
    school = {d: "Christmas holidays" for d in blocked}
    assert "the Christmas holidays" in pause_line(
        period, school, date_style("GB"), {"Christmas holidays"}
    )
    assert pause_line(theme_periods([2], MONDAY)[0], blocked, date_style("GB")) == ""


def test_a_post_after_a_closure_may_use_the_time_left_before_it():
    ledger = Ledger({3: 30, 4: 0, 5: 40}, closed=frozenset({4}))
    assert ledger.room(5) == 70
    assert ledger.take(5, 45)
    assert ledger.lent[3] == 5 and ledger.left[3] == 25
    # Without closed weeks, only the week just before lends.
    assert Ledger({3: 30, 4: 0, 5: 40}).room(5) == 40


@pytest.mark.parametrize(
    ("expertise", "topics", "rung"),
    [
        ("Data protection", ["DPIA", "subject access"], 2),
        ("Product management", ["pricing"], 2),
        ("Commercial litigation", ["disclosure", "witness statements"], 1),
        ("Data protection", ["DPIAs", "subject access requests"], 3),
    ],
)
def test_a_december_plan_gives_each_theme_the_posts_its_weeks_promise(expertise, topics, rung):
    plan = december_plan(expertise, topics, rung=rung)
    per_week = plan.cadence.posts_per_week
    shown = [(t.title, t.period.start, t.period.end, t.posts) for t in plan.outline]
    for theme in plan.outline:
        # One post at least in each of its open weeks, whatever the closure.
        assert theme.posts >= theme.period.open_weeks, shown
        if per_week == 1:
            assert theme.posts == theme.period.open_weeks, shown
    # The theme over Christmas runs on past the quiet weeks, and says so.
    over = [t for t in plan.outline if t.period.start <= QUIET_TO and t.period.end >= QUIET_FROM]
    assert [t.pause for t in over if t.period.closed] == [
        "Runs on past the quiet weeks, 24 December to 1 January."
    ], shown


def test_the_plans_end_review_and_calendar_move_past_the_closed_week():
    plan = december_plan("Data protection", ["DPIA", "subject access"])
    # Four themes of two weeks: eight open weeks, and the closed week of 28 December.
    assert [t.period.weeks for t in plan.outline] == [2, 3, 2, 2]
    assert plan.end == date(2027, 2, 7)
    assert plan.review.day > date(2027, 2, 7)
    assert len(plan.calendar) == 9
    assert plan.calendar[-1].end == plan.end
    assert not plan.calendar[3].slots  # 28 December: no post
    assert plan.pace.startswith("One post a week: 8 in nine weeks")
    markdown = framework_markdown(plan)
    assert "8 posts over 9 weeks" in markdown
    assert "Runs from Monday 7 December 2026 to Sunday 7 February 2027." in markdown
    assert "Runs on past the quiet weeks, 24 December to 1 January." in markdown
    ics = calendar_ics(
        plan,
        identity="closure",
        link="https://example.org/f",
        link_text="Open",
        changed_at=datetime(2026, 11, 30, tzinfo=UTC),
    ).decode()
    assert f"DTSTART;VALUE=DATE:{plan.review.day:%Y%m%d}" in ics
    assert plan.slots[-1].day > date(2027, 2, 1)
    assert f"{plan.slots[-1].day:%Y%m%d}" in ics


def test_a_teachers_plan_runs_on_past_the_school_holidays():
    plan = december_plan("Teaching", ["behaviour", "assessment"])
    first = plan.outline[0]
    assert first.period.closed == (date(2026, 12, 21), date(2026, 12, 28))
    assert first.pause.startswith("Then the Christmas holidays, 21 December to 1 January")
    assert plan.outline[1].period.start == date(2027, 1, 4)
    assert all(t.posts >= t.period.open_weeks for t in plan.outline)


@pytest.mark.parametrize(
    ("expertise", "topics", "country", "start"),
    [
        ("Data protection", ["DPIA"], "GB", "2026-03-02"),
        ("Product management", ["pricing"], "US", "2026-04-06"),
        ("Audit", ["going concern"], "US", "2026-06-01"),
        ("Nursing", ["wound care"], "IN", "2026-12-07"),
    ],
)
def test_a_plan_without_closed_weeks_keeps_its_weeks(expertise, topics, country, start):
    given = answers(expertise, topics, country=country, start=start)
    given["themes"]["quiet_period"] = False  # a December start without a quiet period
    plan = build_plan(given, LIB, seed=7, today=date(2026, 1, 5))
    lengths = [t.period.weeks for t in plan.outline]
    assert [t.period for t in plan.outline] == theme_periods(lengths, plan.start)
    assert all(not t.pause for t in plan.outline)
    assert len(plan.calendar) == sum(lengths)
