"""The content calendar: post slots spread through each week, each with an idea."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from wizard.generators.ideas import PostIdea

# Weekdays (Monday = 0) for each number of posts a week: spread out, never
# on consecutive days where the count allows it, and off the weekend.
SLOT_WEEKDAYS: dict[int, tuple[int, ...]] = {
    1: (1,),
    2: (1, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}


@dataclass(frozen=True)
class Slot:
    """One post on one day, pointing at an idea."""

    day: date
    week: int
    theme_number: int
    theme: str
    idea: PostIdea


@dataclass(frozen=True)
class CalendarWeek:
    """Seven days from the plan's start, with their slots."""

    number: int
    start: date
    end: date
    slots: tuple[Slot, ...]


def slot_days(week_start: date, posts_per_week: int) -> list[date]:
    """The days in the seven days from ``week_start`` that get a post."""
    weekdays = SLOT_WEEKDAYS[max(1, min(7, posts_per_week))]
    days = [week_start + timedelta(days=offset) for offset in range(7)]
    return sorted(day for day in days if day.weekday() in weekdays)


def theme_slots(
    *,
    theme_number: int,
    theme: str,
    start: date,
    weeks: int,
    first_week: int,
    posts_per_week: int,
    ideas: Sequence[PostIdea],
) -> list[Slot]:
    """The slots of one theme's period, each pointing at the next idea."""
    slots: list[Slot] = []
    for week in range(weeks):
        for day in slot_days(start + timedelta(days=7 * week), posts_per_week):
            if not ideas:
                continue
            idea = ideas[len(slots) % len(ideas)]
            slots.append(Slot(day, first_week + week, theme_number, theme, idea))
    return slots


def calendar_weeks(slots: Sequence[Slot], start: date, week_count: int) -> list[CalendarWeek]:
    """Slots grouped into numbered weeks from the plan's start."""
    weeks = []
    for number in range(1, week_count + 1):
        week_start = start + timedelta(days=7 * (number - 1))
        in_week = tuple(slot for slot in slots if slot.week == number)
        weeks.append(CalendarWeek(number, week_start, week_start + timedelta(days=6), in_week))
    return weeks
