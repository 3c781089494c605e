"""The content calendar: post slots spread through each week, each with an idea.

Slots fall on working days only: weekends, public holidays, the quiet period,
the person's own days off and the days their workplace is shut (school
holidays for a teacher: `wizard.generators.timing`) stay free (see
`wizard.generators.place`).
Some slots are of a bigger kind — a longer piece, a talk — as the cadence
promises; `schedule` places exactly as many of each as `outline.promise`
says, so what the outline promises is what the calendar holds.

Slots hold posts only. Comments on other people's posts are a habit, not a
slot: each week carries one line saying how many and on what.

Every week fits the person's time budget (see `wizard.generators.effort`):
the reading habit, the comments and the posts, with a longer piece counted
over the weeks it is prepared in. A post that does not fit its week waits
for a week with room (a week may lend the time it did not use to the next
one); a week with no room left holds fewer posts. No idea comes round twice.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations

from wizard.generators.effort import (
    COMMENT_MINUTES,
    MOST_OF_A_WEEK,
    duration,
    share,
    time_share,
)
from wizard.generators.ideas import PostIdea
from wizard.generators.text import join_words

POST, LONG, TALK = "post", "long", "talk"
KIND_LABELS = {LONG: "Longer piece", TALK: "Talk abstract"}
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
    minutes: int = 0  # what the week asks: reading, comments, posts and its share of bigger pieces
    budget: int = 0  # the week's share of the person's weekly time
    off: str = ""  # a week off: what its working days all are ("Summer holidays"), if one thing

    @property
    def off_line(self) -> str:
        """ "A week off: Summer holidays." or "A week off." for a week without a working day."""
        return f"A week off: {self.off}." if self.off else "A week off."


def week_days(week_start: date, posts_per_week: int, blocked: Collection[date] = ()) -> list[date]:
    """The days in the seven days from ``week_start`` that get a post.

    The days are chosen together, not one at a time: first as few posts on
    consecutive days as the free days allow (a holiday on Thursday moves a
    Tuesday-and-Thursday week to Monday and Wednesday, not to Tuesday and
    Wednesday), then as near the usual weekdays for the count as they can be,
    then moved on rather than back. Fewer free days than posts means fewer posts.
    """
    days = [week_start + timedelta(days=offset) for offset in range(7)]
    free = [day for day in days if day not in blocked]
    wanted = sorted(
        next(day for day in days if day.weekday() == weekday)
        for weekday in SLOT_WEEKDAYS[max(1, min(7, posts_per_week))]
    )
    count = min(len(wanted), len(free))
    if not count:
        return []

    def cost(chosen: tuple[date, ...]) -> tuple[int, int, int]:
        # Both in order: the nth post stands for the nth usual day (with fewer free
        # days than posts, every free day is taken and there is nothing to weigh).
        together = sum(1 for a, b in zip(chosen, chosen[1:], strict=False) if (b - a).days == 1)
        pairs = list(zip(chosen, wanted, strict=False))
        moved = sum(abs((day - usual).days) for day, usual in pairs)
        back = sum(1 for day, usual in pairs if day < usual)
        return (together, moved, back)

    return list(min(combinations(free, count), key=cost))


def spread_weeks(total: int, weeks: int) -> list[int]:
    """Week numbers (1-based) for ``total`` things spread evenly over ``weeks``."""
    return [min(weeks, int((n + 0.5) * weeks / total) + 1) for n in range(total)]


@dataclass(frozen=True)
class WeekTime:
    """One week's share of the person's time: its budget, the reading in it, and
    the comments it keeps room for (``floor``) or asks at most (``most``)."""

    budget: int
    listening: int
    floor: int
    most: int

    @property
    def room(self) -> int:
        """Minutes left for posts and bigger pieces once reading and the floor's comments
        are counted."""
        return self.budget - self.listening - self.floor * COMMENT_MINUTES


def week_times(
    budget: int, listening: int, floor: int, most: int, working_days: Sequence[int]
) -> list[WeekTime]:
    """Each week's share of the weekly numbers, by its working days (none: nothing;
    most of them: the whole time, with the comments' share). A week that keeps the
    whole time keeps room for one comment at least, as every full week does: the
    outline promises comments each week, so its posts never take all of it."""
    times = []
    for d in working_days:
        kept = share(floor, d)
        if d >= MOST_OF_A_WEEK:
            kept = max(min(floor, 1), kept)
        times.append(
            WeekTime(
                time_share(budget, d), time_share(listening, d), kept, max(kept, share(most, d))
            )
        )
    return times


def week_comments(time: WeekTime, bigger: int, spent: int) -> int:
    """Comments a week asks: as many as the time its bigger pieces and posts left
    holds, up to the most a week asks."""
    left = time.budget - time.listening - bigger - spent
    return min(time.most, max(0, left) // COMMENT_MINUTES)


def prep_weeks(week: int, weeks: int) -> list[int]:
    """The weeks (0-based) a bigger piece out in ``week`` is prepared in: its own,
    and the ones before it, ``weeks`` in all, within the plan."""
    return [n for n in range(week - weeks + 1, week + 1) if n >= 0]


def bigger_shares(kinds: Sequence[Sequence[str]], costs: dict[str, tuple[int, int]]) -> list[int]:
    """Minutes each week (0-based) spends preparing the bigger pieces in ``kinds``
    (each week's kinds of post), from ``costs``: kind -> (minutes, weeks to prepare)."""
    spent = [0] * len(kinds)
    for week, week_kinds in enumerate(kinds):
        for kind in week_kinds:
            if kind in costs:
                minutes, span = costs[kind]
                window = prep_weeks(week, span)
                for n in window:
                    spent[n] += math.ceil(minutes / len(window))
    return spent


def schedule(
    start: date,
    weeks: int,
    posts_per_week: int,
    *,
    long_pieces: int = 0,
    talks: int = 0,
    blocked: Collection[date] = (),
    room: Sequence[int] | None = None,
    costs: dict[str, tuple[int, int]] | None = None,
) -> list[PlannedDay]:
    """Every day with a post for ``weeks`` weeks, with the bigger kinds placed.

    Each longer piece and talk takes the last post of a week spread through
    the plan (a week without a post passes it to the nearest week with one).
    With ``room`` (minutes each week has for posts) and ``costs`` (kind ->
    minutes, weeks to prepare), a bigger piece goes only where the weeks it
    is prepared in have the time; where none has, it is left out.
    """
    by_week = [
        week_days(start + timedelta(days=7 * n), posts_per_week, blocked) for n in range(weeks)
    ]
    kinds: list[list[str]] = [[POST] * len(days) for days in by_week]

    def fits(n: int, kind: str) -> bool:
        if room is None or costs is None or kind not in costs:
            return True
        trial = [list(k) for k in kinds]
        last = len(trial[n]) - 1 - trial[n][::-1].index(POST)
        trial[n][last] = kind
        return all(
            spent <= have for spent, have in zip(bigger_shares(trial, costs), room, strict=False)
        )

    for kind, total in ((TALK, talks), (LONG, long_pieces)):
        for target in spread_weeks(total, weeks) if total else ():
            order = sorted(range(weeks), key=lambda n, t=target - 1: (abs(n - t), n < t))
            for n in order:
                if POST in kinds[n] and fits(n, kind):
                    last = len(kinds[n]) - 1 - kinds[n][::-1].index(POST)
                    kinds[n][last] = kind
                    break
    return [
        PlannedDay(day, number + 1, kind)
        for number, days in enumerate(by_week)
        for day, kind in zip(days, kinds[number], strict=True)
    ]


def planned_kinds(planned: Sequence[PlannedDay], weeks: int) -> list[list[str]]:
    """Each week's kinds of post (0-based weeks), from the planned days."""
    kinds: list[list[str]] = [[] for _ in range(weeks)]
    for day in planned:
        kinds[day.week - 1].append(day.kind)
    return kinds


@dataclass
class Ledger:
    """Minutes each week (1-based) has left for posts, and what each spends on them.

    A post that needs more than its week has left may use what the week before
    left unused (it is written over both): the time is counted in the week it
    is spent, never twice and never beyond a week's room. After ``closed`` weeks
    (a quiet period, a closure: no time for posts), the week before is the last
    open week before them.
    """

    left: dict[int, int]
    spent: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    lent: dict[int, int] = field(default_factory=lambda: defaultdict(int))  # to the week after
    closed: frozenset[int] = frozenset()

    def lender(self, week: int) -> int:
        """The week whose unused time a post in ``week`` may use: the open week before it."""
        before = week - 1
        while before in self.closed:
            before -= 1
        return before

    def room(self, week: int) -> int:
        """Minutes a post in ``week`` may take: the week's own and what its lender left."""
        return self.left.get(week, 0) + max(0, self.left.get(self.lender(week), 0))

    def take(self, week: int, minutes: int) -> bool:
        """Spend ``minutes`` on a post in ``week`` if the week (and the one before) has them."""
        lender = self.lender(week)
        own = max(0, self.left.get(week, 0))
        before = max(0, self.left.get(lender, 0))
        if minutes > own + before:
            return False
        from_own = min(own, minutes)
        self.left[week] = own - from_own
        self.spent[week] += from_own
        if minutes > from_own:
            self.left[lender] = before - (minutes - from_own)
            self.spent[lender] += minutes - from_own
            self.lent[lender] += minutes - from_own
        return True


# Formats that need something to have happened: not in the weeks around the
# new year, when few events run.
EVENT_FORMATS = frozenset({"event-recap"})


def quiet_season(day: date) -> bool:
    """Whether few events run around ``day`` (18 December to 14 January)."""
    return (day.month, day.day) >= (12, 18) or (day.month, day.day) <= (1, 14)


def suits(idea: PostIdea, day: date) -> bool:
    """Whether an idea fits its day (an event recap needs events)."""
    return not (idea.format_slug in EVENT_FORMATS and quiet_season(day))


# Ideas that link back to another post ("more:<angle>": "Link your earlier post…").
FOLLOWS = ("more",)
# Ideas grown from another angle keep its slug after one of these prefixes: a
# follow-up, the angle's question put to peers, a longer piece arguing it, or a
# field's angle borrowed from a theme the person did not choose (for a sub-topic,
# or because it is about this theme's subject).
GROWN = ("more", "ask", "long", "topic", "near")
# Two posts on one premise (an angle and what grew from it) stay at least this
# many weeks apart: never in the same week, the week after or the one after that.
WEEKS_APART = 3


def premise_of(angle: str) -> str:
    """The angle a post's premise comes from: its own, or the one it grew from."""
    prefix, _, parent = angle.partition(":")
    return parent if prefix in GROWN and parent else angle


def pick_ideas(
    planned: Sequence[PlannedDay],
    ideas_by_kind: dict[str, Sequence[PostIdea]],
    ledger: Ledger | None = None,
    weeks_of: dict[str, list[int]] | None = None,
    seasons: Mapping[str, Collection[int]] | None = None,
) -> list[tuple[PlannedDay, PostIdea]]:
    """An idea for each planned day: the next one of its kind that suits the day and,
    with a ``ledger``, fits the time its week has left (bigger kinds are costed
    before, in `schedule`). Each idea is used once: a day with nothing left that
    fits stays free. Posts on one premise stay `WEEKS_APART` weeks apart;
    ``weeks_of`` (premise to weeks used) carries that across themes. An idea
    whose premise has months in ``seasons`` (angle slug to months 1-12) goes
    only on a day in one of them: a post preparing for the year's last payroll
    is never dated after it, and left undated it stays a spare."""
    queues: dict[str, list[PostIdea]] = {}
    used: set[str] = set()
    done: set[str] = set()  # the angles of the posts picked so far
    weeks_of = {} if weeks_of is None else weeks_of
    picked = []
    for day in planned:
        pool = list(ideas_by_kind.get(day.kind) or ideas_by_kind.get(POST) or ())
        queue = queues.setdefault(day.kind, pool)

        offered = {idea.angle for idea in pool}

        def fits(idea: PostIdea, day: PlannedDay = day, offered: set[str] = offered) -> bool:
            if idea.key in used or not suits(idea, day.day):
                return False
            season = (seasons or {}).get(premise_of(idea.angle))
            if season and day.day.month not in season:
                return False  # its time of year is not this day's
            prefix, _, parent = idea.angle.partition(":")
            if prefix in FOLLOWS and parent in offered and parent not in done:
                return False  # a follow-up waits for the post it follows
            near = weeks_of.get(premise_of(idea.angle), ())
            if any(abs(day.week - week) < WEEKS_APART for week in near):
                return False  # the same premise again so soon would read as a repeat
            return ledger is None or day.kind != POST or ledger.room(day.week) >= idea.minutes

        choice = next((idea for idea in queue if fits(idea)), None)
        if choice is None:
            continue
        queue.remove(choice)
        used.add(choice.key)
        done.add(choice.angle)
        weeks_of.setdefault(premise_of(choice.angle), []).append(day.week)
        if ledger is not None and day.kind == POST:
            ledger.take(day.week, choice.minutes)
        picked.append((day, choice))
    return picked


# The opening posts of someone who rarely posts yet (rungs 1-2) explain, share or
# list; an angle written as an opinion waits until they have a few posts behind them.
GENTLE_RUNGS = 2
OPENING_POSTS = 2
EXPLAINING = frozenset({"explainer", "checklist", "how-to"})


def gentle_opening(
    posts: Sequence[PostIdea],
    kinds: dict[str, Sequence[str]],
    opening: int = OPENING_POSTS,
    due: Sequence[str] = (),
) -> list[PostIdea]:
    """The queue with its first ``opening`` posts taken from those whose angle
    (``kinds``: angle slug to its kinds) is not an opinion, an explainer,
    checklist or how-to before a question or a story: a midwife who reads and
    rarely posts opens with what the guideline says, not with the most argued
    subject of her field. A follow-up counts as the angle it grew from; an idea
    from no library angle (a typed theme) is taken as it comes. A post on a change
    due now (``due``: keys of `timely` angles) keeps its place first: a law that
    commences in January is not posted after it."""

    def rank(idea: PostIdea) -> int:
        own = set(kinds.get(premise_of(idea.angle), ()))
        if "opinion" in own:
            return 2
        return 0 if own & EXPLAINING else 1  # a question or a story puts them on view

    first = [idea for idea in posts if idea.key in due]
    calm = sorted((idea for idea in posts if rank(idea) < 2 and idea.key not in due), key=rank)
    lead = first + calm[: max(0, opening - len(first))]
    return lead + [idea for idea in posts if idea not in lead]


def rotate_posts(
    ideas: Sequence[PostIdea],
    seed: int,
    per_week: int,
    first: Sequence[str] = (),
    room: int | None = None,
) -> list[PostIdea]:
    """A theme's posts in this person's order: the ones in ``first`` (keys), then
    the rest turned by a seed-based offset in whole weeks, so that colleagues
    with the same themes open different weeks with different posts.

    Posts longer than a usual week's ``room`` come after the others (turned
    the same way): a post the week cannot hold would be passed over for the
    next one, which a colleague's turn may already have there.
    """
    posts = [idea for idea in ideas if idea.is_post]
    leading = [idea for idea in posts if idea.key in first]
    rest = [idea for idea in posts if idea.key not in first]
    if room is not None:
        light = [idea for idea in rest if idea.minutes <= room]
        heavy = [idea for idea in rest if idea.minutes > room]
        return leading + _turned(light, seed, per_week) + _turned(heavy, seed, per_week)
    return leading + _turned(rest, seed, per_week)


def _turned(posts: list[PostIdea], seed: int, per_week: int) -> list[PostIdea]:
    """``posts`` turned by a seed-based offset in whole weeks."""
    if not posts:
        return []
    blocks = max(1, len(posts) // max(1, per_week))
    shift = (seed % blocks) * max(1, per_week) % len(posts)
    return posts[shift:] + posts[:shift]


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


def days_to_list(
    week_start: date,
    free: dict[date, str],
    weekend: Collection[int] = (5, 6),
    runs: Collection[str] = (),
) -> tuple[tuple[date, str], ...]:
    """The free days a week lists: holidays and days off on working days. A quiet
    period, or a closure named in ``runs`` (school holidays), is listed once, on
    its first day in the week (the days after it are part of it), and a week with
    no working day at all lists none: it is a week off."""
    days = [week_start + timedelta(days=n) for n in range(7)]
    if all(day in free for day in days):
        return ()
    listed: list[tuple[date, str]] = []
    run = ""  # the quiet period or closure the days belong to
    for day in days:
        reason = free.get(day)
        if reason is None:
            run = ""
            continue
        if reason == "Weekend" or day.weekday() in weekend or run:
            continue  # a holiday inside a quiet period or a closure is part of it
        run = reason if reason == "Quiet period" or reason in runs else ""
        listed.append((day, reason))
    return tuple(listed)


def time_split(posts: int, comments: int, reading: int) -> str:
    """Where a week's minutes go: "1 hour 5 minutes on posts, 30 minutes on
    comments and 20 minutes reading", so a week with fewer comments shows the
    longer posts that took their time."""
    parts = [
        f"{duration(posts)} on posts" if posts else "",
        f"{duration(comments)} on comments" if comments else "",
        f"{duration(reading)} reading" if reading else "",
    ]
    return join_words(parts)


def week_line(
    comments: str,
    *,
    starts_next: str,
    minutes: int,
    budget: int,
    full: bool,
    goes_out: str = "next week",
    split: tuple[int, int, int] | None = None,
) -> str:
    """A week's line under its posts: the comments, what to start for next week
    (``starts_next``: "a longer piece", "a post"; ``goes_out``: when it goes out,
    "after the break" before closed weeks), and the week's time in all, with
    ``split`` (minutes on posts, comments and reading) saying where it goes."""
    parts = [comments] if comments else []
    if starts_next:
        parts.append(f"Use the rest of this week to start {starts_next} that goes out {goes_out}.")
    if minutes:
        total = f"About {duration(minutes)} in all this week"
        detail = time_split(*split) if split and sum(1 for n in split if n) > 1 else ""
        if not full:
            parts.append(
                f"{total} ({detail}), a short week." if detail else f"{total}, a short week."
            )
        elif duration(minutes) == duration(budget):
            shown = f"{total} ({detail})" if detail else total
            parts.append(f"{shown}: all the time you set aside.")
        else:
            # "About 55 minutes in all this week (you set aside an hour).", not "of your 1 hour".
            aside = "an hour" if duration(budget) == "1 hour" else duration(budget)
            shown = f"{detail}; you set aside {aside}" if detail else f"you set aside {aside}"
            parts.append(f"{total} ({shown}).")
    return " ".join(parts)


def calendar_weeks(
    slots: Sequence[Slot],
    start: date,
    week_count: int,
    comments: dict[int, str] | None = None,
    free: dict[date, str] | None = None,
    *,
    weekend: Collection[int] = (5, 6),
    minutes: dict[int, int] | None = None,
    budgets: dict[int, int] | None = None,
    runs: Collection[str] = (),
) -> list[CalendarWeek]:
    """Slots grouped into numbered weeks from the plan's start, with each week's
    comment line, the days it leaves free, and its time against its budget."""
    weeks = []
    for number in range(1, week_count + 1):
        week_start = start + timedelta(days=7 * (number - 1))
        week_end = week_start + timedelta(days=6)
        in_week = tuple(slot for slot in slots if slot.week == number)
        off = days_to_list(week_start, free or {}, weekend, runs)
        line = (comments or {}).get(number, "")
        working = {
            (free or {}).get(week_start + timedelta(days=n))
            for n in range(7)
            if (week_start + timedelta(days=n)).weekday() not in weekend
        }
        closed = next(iter(working)) if len(working) == 1 and None not in working else ""
        weeks.append(
            CalendarWeek(
                number,
                week_start,
                week_end,
                in_week,
                line,
                off,
                (minutes or {}).get(number, 0),
                (budgets or {}).get(number, 0),
                closed if closed in runs else "",
            )
        )
    return weeks
