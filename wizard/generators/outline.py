"""The content outline: themes in order, each with dates and a cadence."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import permutations

from wizard.generators.effort import COMMENT_MINUTES, weekly_fit
from wizard.generators.place import DateStyle
from wizard.library import Library

WEEKS_PER_MONTH = 4.345
WEEKS_PER_QUARTER = 13
LONG_FORM_MINUTES = 240  # below this weekly budget, no longer pieces (one takes 4 hours)
TALK_MINUTES = 240  # below this weekly budget, no talks
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_word(count: int) -> str:
    """ "one", "two" … "nine", then digits."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


@dataclass(frozen=True)
class Cadence:
    """How often this person posts, from their comfort rung and time."""

    tier_name: str
    posts_per_week: int
    comments_per_week: int
    long_form_per_month: int
    talks_per_quarter: int
    summary: str
    growth: str
    time_label: str
    budget_minutes: int = 0  # the weekly time budget
    listening_minutes: int = 0  # reading what the people they follow post, a week
    comments_floor: int = 0  # comments every full week keeps room for

    @property
    def post_minutes(self) -> int:
        """Minutes a full week leaves for posts, after reading and the comments' floor."""
        return self.budget_minutes - self.listening_minutes - self.comments_floor * COMMENT_MINUTES

    @property
    def description(self) -> str:
        """The weekly rhythm in one plain sentence (totals are in `Promise.sentence`)."""
        posts = "post" if self.posts_per_week == 1 else "posts"
        text = f"{number_word(self.posts_per_week).capitalize()} {posts} a week"
        if self.comments_per_week:
            comments = "comment" if self.comments_per_week == 1 else "comments"
            text += (
                f", plus {number_word(self.comments_per_week)} thoughtful {comments}"
                " on other people's posts"
            )
        return text + "."


def cadence(rung: int, budget_slug: str, library: Library) -> Cadence:
    """The cadence for a comfort rung, capped by the time a person has."""
    tier = library.tier(rung)
    budget = library.budget(budget_slug)
    fit = weekly_fit(rung, tier.posts_per_week, tier.comments_per_week, budget.minutes)
    return Cadence(
        tier_name=tier.name,
        posts_per_week=fit.posts_per_week,
        comments_per_week=fit.comments_per_week,
        long_form_per_month=tier.long_form_per_month if budget.minutes >= LONG_FORM_MINUTES else 0,
        talks_per_quarter=tier.talks_per_quarter if budget.minutes >= TALK_MINUTES else 0,
        summary=tier.summary,
        growth=tier.growth,
        time_label=budget.label,
        budget_minutes=budget.minutes,
        listening_minutes=fit.listening,
        comments_floor=fit.comments_floor,
    )


@dataclass(frozen=True)
class Promise:
    """What the outline promises over the whole plan; the calendar holds exactly this."""

    weeks: int
    posts: int  # every post, the longer pieces and talks included
    long_pieces: int
    talks: int
    posts_per_week: int
    comments_per_week: int
    free_weeks: int = 0  # weeks with no free day at all (a quiet period)
    comments_low: int = -1  # the fewest comments a full week asks, when it varies
    lighter: bool = False  # some weeks hold fewer posts so that they fit the time budget

    def sentence(self) -> str:
        """The pace, said once, in plain words."""
        per_week = (
            "One post a week"
            if self.posts_per_week == 1
            else f"{number_word(self.posts_per_week).capitalize()} posts a week, a few days apart"
        )
        weeks = "one week" if self.weeks == 1 else f"{number_word(self.weeks)} weeks"
        text = f"{per_week}: {self.posts} in {weeks}"
        if self.lighter:
            text += " (fewer in weeks with holidays or a bigger piece, so each week fits your time)"
        elif self.posts < self.posts_per_week * self.weeks:
            text += " (holidays and days off left free)"
        bigger = []
        if self.long_pieces:
            pieces = (
                "a longer piece" if self.long_pieces == 1 else f"{self.long_pieces} longer pieces"
            )
            bigger.append(f"{pieces} (about one a month)")
        if self.talks:
            talks = (
                "a talk abstract to send to an event"
                if self.talks == 1
                else f"{self.talks} talk abstracts to send to events"
            )
            bigger.append(talks)
        if bigger:
            text += ", " + " and ".join(bigger) + " among them"
        text += "."
        if self.comments_per_week:
            comments = "comment" if self.comments_per_week == 1 else "comments"
            many = number_word(self.comments_per_week)
            if self.comments_low == 0:
                many = f"up to {many}"
            elif 0 < self.comments_low < self.comments_per_week:
                many = f"{number_word(self.comments_low)} to {many}"
            text += f" In between, {many} thoughtful {comments} a week on other people's posts."
        return text


def months_in(weeks: int) -> int:
    """Whole months a plan of ``weeks`` weeks spans, at least one."""
    return max(1, round(weeks / WEEKS_PER_MONTH))


def quarters_in(weeks: int) -> int:
    """Whole quarters a plan of ``weeks`` weeks spans, at least one."""
    return max(1, round(weeks / WEEKS_PER_QUARTER))


def promise(pace: Cadence, free_days_per_week: list[int], *, talk_anyway: bool = False) -> Promise:
    """What a plan promises, given how many free (postable) days each of its weeks has.

    ``talk_anyway``: one talk in the plan even when the rung's cadence has none
    (the person wants to speak).
    """
    weeks = len(free_days_per_week)
    # Closed weeks (no free day) do not count toward the months and quarters.
    opened = sum(1 for free in free_days_per_week if free) or weeks
    posts = sum(min(pace.posts_per_week, free) for free in free_days_per_week)
    per_plan = pace.talks_per_quarter * quarters_in(opened)
    if talk_anyway:
        per_plan = max(1, per_plan)
    talks = min(posts, per_plan) if weeks else 0
    long_pieces = min(posts - talks, pace.long_form_per_month * months_in(opened)) if weeks else 0
    return Promise(
        weeks=weeks,
        posts=posts,
        long_pieces=long_pieces,
        talks=talks,
        posts_per_week=pace.posts_per_week,
        comments_per_week=pace.comments_per_week,
        free_weeks=sum(1 for free in free_days_per_week if not free),
    )


def next_monday(today: date) -> date:
    """The Monday after today (a week on if today is Monday)."""
    return today + timedelta(days=7 - today.weekday())


@dataclass(frozen=True)
class Period:
    """When a theme runs.

    ``weeks`` is how many calendar weeks the period spans; ``closed`` the first
    days of those of them that are closed weeks (see `theme_periods`), which do
    not count toward the theme's length.
    """

    start: date
    end: date
    weeks: int
    closed: tuple[date, ...] = ()

    @property
    def open_weeks(self) -> int:
        """The weeks of the period with room for a post: the theme's length."""
        return self.weeks - len(self.closed)


def theme_periods(weeks: list[int], start: date, closed: Sequence[bool] = ()) -> list[Period]:
    """Consecutive periods, one per theme, each a whole number of weeks.

    ``closed`` says, for each calendar week from ``start``, whether it is a closed
    week: one without a single day free for a post (a quiet period, a school's
    or a workplace's closure, holidays and days off that fill the week). A closed
    week does not count toward a theme's length: the theme that meets it runs on
    past it, so it keeps the open weeks (and the posts) its length promised. The
    closed weeks right after a theme's last open week are its own too, so every
    later theme starts in an open week. Weeks past the end of ``closed`` are open.
    """
    periods = []
    week = 0
    for count in weeks:
        count = max(1, int(count))
        first, opened, shut = week, 0, []
        while opened < count or (week < len(closed) and closed[week]):
            if week < len(closed) and closed[week]:
                shut.append(start + timedelta(days=7 * week))
            else:
                opened += 1
            week += 1
        begins = start + timedelta(days=7 * first)
        end = start + timedelta(days=7 * week - 1)
        periods.append(Period(begins, end, week - first, tuple(shut)))
    return periods


# A plan runs on past at most this many closed weeks (a summer holiday is six or seven).
MOST_CLOSED_WEEKS = 12


def weeks_with_room(wanted: int, free_days: Callable[[int], list[int]]) -> tuple[int, list[bool]]:
    """The shortest calendar that holds ``wanted`` open weeks: its length in weeks,
    and which of its weeks are closed ([] for none).

    ``free_days(weeks)`` gives the free days in each of the first ``weeks`` weeks
    (a closure is only known once the calendar's end is). A week without a free
    day is closed and does not count: the calendar runs on until ``wanted`` weeks
    have a free day, so it ends in an open week. Past `MOST_CLOSED_WEEKS` closed
    weeks (closures to the horizon) the plan keeps its ``wanted`` weeks, as if
    nothing were closed.
    """
    total = wanted
    while True:
        free = free_days(total)
        opened = sum(1 for days in free if days)
        if opened >= wanted:
            shut = [not days for days in free]
            return total, shut if any(shut) else []
        if total >= wanted + MOST_CLOSED_WEEKS:
            return wanted, []
        total = min(wanted + MOST_CLOSED_WEEKS, total + wanted - opened)


QUIET_PERIOD = "Quiet period"  # the reason `Place.blocked` gives for the quiet period
DAY_OFF = "Your day off"
# Closures whose first word is a season, said in lower case ("the summer holidays").
SEASONS = frozenset({"Spring", "Summer", "Autumn", "Fall", "Winter", "Half-term", "Half"})


def closure_words(reasons: Sequence[str], closures: Collection[str]) -> str:
    """What a run of closed days is, in a few words: "the quiet weeks", "the
    Christmas holidays" (a closure's name), "your days off" or "the holidays"."""
    named = [r for r in reasons if r in closures]
    if named:
        name = max(dict.fromkeys(named), key=named.count)
        first, _, rest = name.partition(" ")
        return f"the {first.lower() if first in SEASONS else first}{' ' + rest if rest else ''}"
    if QUIET_PERIOD in reasons:
        return "the quiet weeks"
    if DAY_OFF in reasons:
        return "your days off"
    return "the holidays"


def pause_line(
    period: Period,
    blocked: Mapping[date, str],
    style: DateStyle,
    closures: Collection[str] = (),
    weekend: Collection[int] = (5, 6),
) -> str:
    """What the outline says of a theme whose period holds closed weeks, in plain
    words: "Runs on past the quiet weeks, 24 December to 1 January." ("" for none).

    A closure's dates are those of the blocked days around its closed weeks,
    without the weekend days (``weekend``) at either end; ``closures`` are the
    workplace closures' names (school holidays, a closure at the year's end).
    """
    runs: list[list[date]] = []
    for monday in period.closed:
        if runs and monday - runs[-1][-1] == timedelta(days=7):
            runs[-1].append(monday)
        else:
            runs.append([monday])
    day = timedelta(days=1)
    lines = []
    for run in runs:
        first, last = run[0], run[-1] + 6 * day
        while first - day in blocked and first > period.start:
            first -= day
        while last + day in blocked and last < period.end:
            last += day
        while first.weekday() in weekend and first < last:
            first += day
        while last.weekday() in weekend and last > first:
            last -= day
        reasons = [
            blocked[d] for d in _days(first, last) if d in blocked and d.weekday() not in weekend
        ]
        when = f"{style.day_month(first)} to {style.day_month(last)}"
        what = f"{closure_words(reasons, closures)}, {when}"
        if run[0] == period.start:
            lines.append(f"Its first post comes after {what}.")
        elif run[-1] + 7 * day > period.end:
            lines.append(f"Then {what}, with no posts.")
        else:
            lines.append(f"Runs on past {what}.")
    return " ".join(lines)


def _days(first: date, last: date) -> list[date]:
    """Every day from ``first`` to ``last``."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def fed_weeks(weeks: Sequence[int], posts: Sequence[int]) -> list[int]:
    """Theme lengths in weeks, moved so every theme has a week with a post.

    ``posts`` is the number of posts in each week of the plan. A theme whose weeks
    hold none (a fortnight inside a school's or a university's Christmas closure)
    takes the next theme's first weeks until it has a post, as long as that theme
    keeps one; else the previous theme's last weeks, on the same terms. The plan's
    length never changes; a plan with too few open weeks for its themes is left.
    """
    lengths = [max(1, int(w)) for w in weeks]

    def count(n: int) -> int:
        first = sum(lengths[:n])
        return sum(posts[first : first + lengths[n]])

    for n in range(len(lengths)):
        while count(n) == 0:
            if n + 1 < len(lengths) and lengths[n + 1] > 1:
                lengths[n] += 1
                lengths[n + 1] -= 1
                if count(n + 1) > 0:
                    continue
                lengths[n] -= 1
                lengths[n + 1] += 1
            if n > 0 and lengths[n - 1] > 1:
                lengths[n - 1] -= 1
                lengths[n] += 1
                if count(n - 1) > 0:
                    continue
                lengths[n - 1] += 1
                lengths[n] -= 1
            break
    return lengths


# Beyond this many themes the order is found greedily rather than by trying every one.
ARRANGE_EXHAUSTIVE = 7


def arrange_themes(weeks: list[int], asked: list[int], capacity: list[int]) -> list[int]:
    """The order to run themes in (indices into ``weeks``), so that the themes the
    person asked for most (``asked``: how much each is built on the sub-topics they
    typed, 0 for not at all) get the fullest weeks and come first, and quiet or
    holiday weeks (``capacity``: posts each week can hold) fall to the others.
    The plan passes its open weeks only: a closed week costs no theme a post
    (see `theme_periods`), so only weeks with some room but less of it count.
    With nothing to gain, the given order stands.

    Preferred, in turn: the least shortfall, weighted by ``asked`` (posts a
    theme's weeks cannot hold, against the fullest week, once a theme inside a
    closure has taken a neighbour's week), the most asked themes earliest,
    then the order closest to the given one.
    """
    count = len(weeks)
    if count < 2 or len(set(asked)) < 2:
        return list(range(count))
    full = max(capacity, default=0)

    def cost(order: tuple[int, ...]) -> tuple[int, int, int]:
        # Lengths as the calendar will run them: a theme inside a closure takes
        # a neighbour's week (`fed_weeks`), which counts against that neighbour.
        lengths = fed_weeks([weeks[index] for index in order], capacity)
        shortfall, first, week = 0, 0, 0
        for position, index in enumerate(order):
            length = lengths[position]
            span = capacity[week : week + length]
            # Posts short of the theme's own weeks all full (a week taken counts).
            missing = full * max(1, weeks[index]) - sum(span)
            shortfall += asked[index] * missing
            first += asked[index] * position
            week += length
        moved = sum(1 for a, b in _pairs(order) if a > b)
        return shortfall, first, moved

    if count <= ARRANGE_EXHAUSTIVE:
        return list(min(permutations(range(count)), key=cost))
    # Many themes: the most asked first, keeping the given order among equals.
    return sorted(range(count), key=lambda i: -asked[i])


def _pairs(order: tuple[int, ...]) -> list[tuple[int, int]]:
    """Every pair of positions in order (for counting themes moved past each other)."""
    return [(order[i], order[j]) for i in range(len(order)) for j in range(i + 1, len(order))]
