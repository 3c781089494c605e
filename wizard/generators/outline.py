"""The content outline: themes in order, each with dates and a cadence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from wizard.library import Library

MINUTES_PER_POST = 30


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

    @property
    def description(self) -> str:
        """The cadence in one plain sentence."""
        posts = "one post" if self.posts_per_week == 1 else f"{self.posts_per_week} posts"
        text = f"{posts.capitalize()} a week"
        if self.comments_per_week:
            comments = "comment" if self.comments_per_week == 1 else "comments"
            text += f", plus {self.comments_per_week} thoughtful {comments} on other people's posts"
        if self.long_form_per_month:
            text += f"; {self.long_form_per_month} longer piece a month"
        if self.talks_per_quarter:
            text += f"; {self.talks_per_quarter} talk or podcast a quarter"
        return text + "."


def cadence(rung: int, budget_slug: str, library: Library) -> Cadence:
    """The cadence for a comfort rung, capped by the time a person has."""
    tier = library.tier(rung)
    budget = library.budget(budget_slug)
    affordable = max(1, budget.minutes // MINUTES_PER_POST)
    return Cadence(
        tier_name=tier.name,
        posts_per_week=max(1, min(tier.posts_per_week, affordable)),
        comments_per_week=tier.comments_per_week,
        long_form_per_month=tier.long_form_per_month if budget.minutes >= 120 else 0,
        talks_per_quarter=tier.talks_per_quarter if budget.minutes >= 120 else 0,
        summary=tier.summary,
        growth=tier.growth,
        time_label=budget.label,
    )


def next_monday(today: date) -> date:
    """The Monday after today (a week on if today is Monday)."""
    return today + timedelta(days=7 - today.weekday())


@dataclass(frozen=True)
class Period:
    """When a theme runs."""

    start: date
    end: date
    weeks: int


def theme_periods(weeks: list[int], start: date) -> list[Period]:
    """Consecutive periods, one per theme, each a whole number of weeks."""
    periods = []
    for count in weeks:
        count = max(1, int(count))
        end = start + timedelta(days=7 * count - 1)
        periods.append(Period(start, end, count))
        start = end + timedelta(days=1)
    return periods
