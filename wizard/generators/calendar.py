"""The content calendar: post slots spread through each week, each with an idea.

Slots fall on working days only: weekends, public holidays, the quiet period
and the person's own days off stay free (see `wizard.generators.place`).
Some slots are of a bigger kind — a longer piece, a talk — as the cadence
promises; `schedule` places exactly as many of each as `outline.promise`
says, so what the outline promises is what the calendar holds.

Slots hold posts only. Comments on other people's posts are a habit, not a
slot: each week carries one line saying how many and on what.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from wizard.generators.ideas import PostIdea
from wizard.generators.text import join_words

POST, LONG, TALK = "post", "long", "talk"
KIND_LABELS = {LONG: "Longer piece", TALK: "Talk, podcast or webinar"}
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
    kind: str = POST

    @property
    def kind_label(self) -> str:
        """ "Longer piece" or "Talk, podcast or webinar" for a bigger slot, unless
        the idea's own words already say so; "" for a post."""
        label = KIND_LABELS.get(self.kind, "")
        first = self.idea.hook.lower().split(":")[0]
        return "" if not label or first.startswith(("talk", "long")) else label


@dataclass(frozen=True)
class PlannedDay:
    """A day that gets a post, before ideas are chosen: its week and kind."""

    day: date
    week: int
    kind: str = POST


@dataclass(frozen=True)
class CalendarWeek:
    """Seven days from the plan's start, with their slots and the days left free."""

    number: int
    start: date
    end: date
    slots: tuple[Slot, ...]
    comments: str = ""
    free: tuple[tuple[date, str], ...] = ()  # holidays and days off in the week (not weekends)


def week_days(week_start: date, posts_per_week: int, blocked: Collection[date] = ()) -> list[date]:
    """The days in the seven days from ``week_start`` that get a post.

    The usual weekdays for the count are taken where they are free; a taken
    one moves to the nearest free day that is not next to another post, else
    to the nearest free day. Fewer free days than posts means fewer posts.
    """
    days = [week_start + timedelta(days=offset) for offset in range(7)]
    free = [day for day in days if day not in blocked]
    wanted = SLOT_WEEKDAYS[max(1, min(7, posts_per_week))]
    chosen: list[date] = []
    for weekday in wanted:
        if len(chosen) >= len(free):
            break
        preferred = next(day for day in days if day.weekday() == weekday)
        options = [day for day in free if day not in chosen]

        def cost(day: date, preferred: date = preferred) -> tuple[int, int]:
            crowded = sum(1 for other in chosen if abs((other - day).days) == 1)
            return (crowded, abs((day - preferred).days))

        chosen.append(min(options, key=cost))
    return sorted(chosen)


def spread_weeks(total: int, weeks: int) -> list[int]:
    """Week numbers (1-based) for ``total`` things spread evenly over ``weeks``."""
    return [min(weeks, int((n + 0.5) * weeks / total) + 1) for n in range(total)]


def schedule(
    start: date,
    weeks: int,
    posts_per_week: int,
    *,
    long_pieces: int = 0,
    talks: int = 0,
    blocked: Collection[date] = (),
) -> list[PlannedDay]:
    """Every day with a post for ``weeks`` weeks, with the bigger kinds placed.

    Each longer piece and talk takes the last post of a week spread through
    the plan (a week without a post passes it to the nearest week with one).
    """
    by_week = [
        week_days(start + timedelta(days=7 * n), posts_per_week, blocked) for n in range(weeks)
    ]
    kinds: list[list[str]] = [[POST] * len(days) for days in by_week]
    for kind, total in ((TALK, talks), (LONG, long_pieces)):
        for target in spread_weeks(total, weeks) if total else ():
            order = sorted(range(weeks), key=lambda n, t=target - 1: (abs(n - t), n < t))
            for n in order:
                if POST in kinds[n]:
                    last = len(kinds[n]) - 1 - kinds[n][::-1].index(POST)
                    kinds[n][last] = kind
                    break
    return [
        PlannedDay(day, number + 1, kind)
        for number, days in enumerate(by_week)
        for day, kind in zip(days, kinds[number], strict=True)
    ]


# Formats that need something to have happened: not in the weeks around the
# new year, when few events run.
EVENT_FORMATS = frozenset({"event-recap"})


def quiet_season(day: date) -> bool:
    """Whether few events run around ``day`` (18 December to 14 January)."""
    return (day.month, day.day) >= (12, 18) or (day.month, day.day) <= (1, 14)


def suits(idea: PostIdea, day: date) -> bool:
    """Whether an idea fits its day (an event recap needs events)."""
    return not (idea.format_slug in EVENT_FORMATS and quiet_season(day))


def pick_ideas(
    planned: Sequence[PlannedDay], ideas_by_kind: dict[str, Sequence[PostIdea]]
) -> list[PostIdea]:
    """An idea for each planned day: the next one of its kind that suits the day.

    Each idea is used once while there are enough; after that they come round again.
    """
    queues: dict[str, list[PostIdea]] = {}
    picked = []
    for day in planned:
        pool = list(ideas_by_kind.get(day.kind) or ideas_by_kind.get(POST) or ())
        if not pool:
            continue
        queue = queues.setdefault(day.kind, [])
        if not queue:
            queue.extend(pool)
        choice = next((idea for idea in queue if suits(idea, day.day)), None)
        if choice is None:
            choice = next((idea for idea in pool if suits(idea, day.day)), queue[0])
            if choice in queue:
                queue.remove(choice)
        else:
            queue.remove(choice)
        picked.append(choice)
    return picked


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
    free: dict[date, str] | None = None,
) -> list[CalendarWeek]:
    """Slots grouped into numbered weeks from the plan's start, with each week's
    comment line and the days it leaves free."""
    weeks = []
    for number in range(1, week_count + 1):
        week_start = start + timedelta(days=7 * (number - 1))
        week_end = week_start + timedelta(days=6)
        in_week = tuple(slot for slot in slots if slot.week == number)
        off = tuple(
            (day, reason)
            for day, reason in sorted((free or {}).items())
            if week_start <= day <= week_end and reason != "Weekend"
        )
        line = (comments or {}).get(number, "")
        weeks.append(CalendarWeek(number, week_start, week_end, in_week, line, off))
    return weeks
