"""The content calendar: post slots spread through each week, each with an idea.

Slots hold posts only. Comments on other people's posts are a habit, not a
slot: each week carries one line saying how many and on what.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from wizard.generators.ideas import PostIdea
from wizard.generators.text import join_words

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

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
    comments: str = ""


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
    """The slots of one theme's period, each pointing at the next post idea.

    Comment prompts never take a slot. An idea is used once; when a theme has
    fewer posts than days (a long piece or a talk takes the time of several),
    the posts are spread evenly and the other days stay free.
    """
    posts = [idea for idea in ideas if idea.is_post]
    total = min(len(posts), weeks * posts_per_week)
    slots: list[Slot] = []
    for week in range(weeks):
        # Spread what there is evenly over the weeks rather than running out at the end.
        count = total * (week + 1) // weeks - total * week // weeks
        if count <= 0:
            continue
        for day in slot_days(start + timedelta(days=7 * week), count):
            slots.append(Slot(day, first_week + week, theme_number, theme, posts[len(slots)]))
    return slots


def rotate_posts(
    ideas: Sequence[PostIdea], seed: int, per_week: int, first: Sequence[str] = ()
) -> list[PostIdea]:
    """A theme's posts in this person's order: the ones in ``first`` (keys), then
    the rest turned by a seed-based offset in whole weeks, so that colleagues
    with the same themes open different weeks with different posts."""
    posts = [idea for idea in ideas if idea.is_post]
    leading = [idea for idea in posts if idea.key in first]
    rest = [idea for idea in posts if idea.key not in first]
    if not rest:
        return leading
    blocks = max(1, len(rest) // max(1, per_week))
    shift = (seed % blocks) * max(1, per_week) % len(rest)
    return leading + rest[shift:] + rest[:shift]


def comment_line(count: int, subjects: Sequence[str]) -> str:
    """The week's comment habit in one line: "Three comments this week, on posts that
    mention X or Y." ("mention" takes a term as it is, singular or plural)."""
    if count <= 0:
        return ""
    number = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)
    noun = "comment" if count == 1 else "comments"
    about: list[str] = []
    for subject in subjects:
        words = subject.lower()
        if subject and not any(words in a.lower() or a.lower() in words for a in about):
            about.append(subject)  # "OTA" adds nothing next to "OTA update"
    about = about[:2]
    where = (
        f", on posts that mention {join_words(about, 'or')}"
        if about
        else " on other people's posts"
    )
    return f"{number.capitalize()} {noun} this week{where}."


def calendar_weeks(
    slots: Sequence[Slot],
    start: date,
    week_count: int,
    comments: dict[int, str] | None = None,
) -> list[CalendarWeek]:
    """Slots grouped into numbered weeks from the plan's start, with each week's comment line."""
    weeks = []
    for number in range(1, week_count + 1):
        week_start = start + timedelta(days=7 * (number - 1))
        in_week = tuple(slot for slot in slots if slot.week == number)
        line = (comments or {}).get(number, "")
        weeks.append(
            CalendarWeek(number, week_start, week_start + timedelta(days=6), in_week, line)
        )
    return weeks
