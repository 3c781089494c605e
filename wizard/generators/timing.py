"""When a person's posts go out, and the days their workplace is shut.

The library's timings (cadence.toml, read by `wizard.library.timing`) give
people whose working day is not an office day a posting time of their own
(a teacher's after school, a tradesperson's after work, a neutral one for
shift workers with the advice to schedule) and the days their workplace is
shut on top of public holidays: school holidays where they live, or a
closure between Christmas and New Year.

School holidays come from the ``holidays`` package where it knows them for
the person's country and region (it does for some countries' states), else
from the library's approximate table: the usual weeks, never a school's own
term dates.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

import holidays
from dateutil.easter import easter

from wizard.generators.place import DateStyle, Place, observes_christmas, the_country
from wizard.library.timing import (
    EVERYWHERE,
    MAIN_REGIONS,
    SCHOOL,
    YEAR_END,
    SchoolHoliday,
    Timing,
    Timings,
    YearEnd,
)


@dataclass(frozen=True)
class PostingTime:
    """The time a person's posts go out, and what the calendar says about it."""

    at: time
    why: str = ""  # why this time suits them: only when it is the field's suggestion
    tip: str = ""  # advice that holds whatever time they chose

    def line(self, style: DateStyle) -> str:
        """The sentences the calendar shows under its first line, "" for an office day."""
        why = self.why.replace("{time}", style.clock(self.at))
        other = OTHER_TIME if why else ""
        return " ".join(part for part in (why, self.tip, other) if part)


# Said after a field's time, for whom another suits better.
OTHER_TIME = "You can set another time in your answers."


def posting_time(
    chosen: time | None, offered: time, timing: Timing | None, shown: time | None = None
) -> PostingTime:
    """The time posts go out: one the person typed stands; while they keep the
    time the themes step offered them, their timing's, with why.

    ``shown`` is the time the step offered, as the page recorded it; answers
    saved before it was recorded keep the offer when ``chosen`` is the
    ``offered`` default or their timing's own time."""
    if timing is None:
        return PostingTime(chosen or offered)
    if shown is not None:
        kept_offer = chosen is None or chosen == shown
    else:
        kept_offer = chosen is None or chosen in (offered, timing.post_time)
    if kept_offer and timing.post_time is not None:
        return PostingTime(timing.post_time, timing.why, timing.tip)
    return PostingTime(chosen or offered, "", timing.tip)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@functools.cache
def _named_holiday(country: str, region: str, name: str, year: int) -> date | None:
    """The day of a public holiday by its name in the holidays package, in ``year``."""
    try:
        found = holidays.country_holidays(
            country, subdiv=region or MAIN_REGIONS.get(country), years=year
        )
    except (NotImplementedError, KeyError, ValueError):
        return None
    return next((day for day, named in sorted(found.items()) if named == name), None)


def _window(row: SchoolHoliday | YearEnd, year: int) -> tuple[date, date] | None:
    """The days a row covers that start in ``year``."""
    if isinstance(row, SchoolHoliday) and row.around and row.days is not None:
        day = _named_holiday(row.country, row.region, row.around, year)
        if day is None:
            return None
        return day - timedelta(days=row.days[0]), day + timedelta(days=row.days[1])
    if isinstance(row, SchoolHoliday) and row.easter is not None:
        sunday = easter(year)
        return sunday - timedelta(days=row.easter[0]), sunday + timedelta(days=row.easter[1])
    if row.first is None or row.last is None:
        return None
    first = date(year, *row.first)
    last_year = year + 1 if row.last < row.first else year
    return first, date(last_year, *row.last)


def _covered(rows: Sequence[SchoolHoliday | YearEnd], start: date, end: date) -> dict[date, str]:
    """Each day from ``start`` to ``end`` that one of ``rows`` covers, with its name."""
    found: dict[date, str] = {}
    for year in range(start.year - 1, end.year + 1):
        for row in rows:
            window = _window(row, year)
            if window is None:
                continue
            for day in _days(max(window[0], start), min(window[1], end)):
                found.setdefault(day, row.name)
    return found


def _package_school_days(country: str, region: str, start: date, end: date) -> dict[date, str]:
    """School holidays the ``holidays`` package knows for a country and region
    (none where it has no school category, or no dates for those years)."""
    try:
        calendar = holidays.country_holidays(country, subdiv=region or None)
        if "school" not in getattr(type(calendar), "supported_categories", ()):
            return {}
        years = range(start.year, end.year + 1)
        found = holidays.country_holidays(
            country, subdiv=region or None, years=years, categories=("school",)
        )
    except (NotImplementedError, KeyError, ValueError):
        return {}
    days = {day: name for day, name in found.items() if start <= day <= end}
    # Dates for only some of the years would leave the others' holidays open.
    known_years = {day.year for day in found}
    return days if known_years >= set(years) else {}


def school_rows(rows: Sequence[SchoolHoliday], country: str, region: str) -> list[SchoolHoliday]:
    """The library's school holidays for a country (a region's rows replacing the
    country's of the same name); where it has none, the Christmas rows for everywhere,
    if Christmas is a holiday there."""
    own = [r for r in rows if r.country == country and not r.region]
    local = [r for r in rows if r.country == country and region and r.region == region]
    names = {r.name for r in local}
    chosen = [r for r in own if r.name not in names] + local
    if chosen:
        return chosen
    return [r for r in rows if r.country == EVERYWHERE] if observes_christmas(country) else []


def school_holidays(
    rows: Sequence[SchoolHoliday], country: str, region: str, start: date, end: date
) -> dict[date, str]:
    """The school holidays from ``start`` to ``end`` where the person lives."""
    if country:
        found = _package_school_days(country, region, start, end)
        if found:
            return found
    return _covered(school_rows(rows, country, region), start, end)


def closures(
    timing: Timing | None, timings: Timings, place: Place, start: date, end: date
) -> dict[date, str]:
    """The days from ``start`` to ``end`` a person's workplace is shut, with their names."""
    if timing is None:
        return {}
    found: dict[date, str] = {}
    if SCHOOL in timing.closures:
        found |= school_holidays(timings.school_holidays, place.country, place.region, start, end)
    if YEAR_END in timing.closures:
        for day, name in _covered([timings.year_end], start, end).items():
            found.setdefault(day, name)
    return found


def closure_note(timing: Timing | None, place: Place) -> tuple[str, str]:
    """The words for the closed days in the calendar's "No posts on …" sentence,
    and a sentence on how far to trust them."""
    if timing is None:
        return "", ""
    if SCHOOL in timing.closures:
        where = the_country(place.country)
        return (
            f"the usual school holidays in {where}" if where else "the Christmas school holidays",
            "School holidays here are the usual weeks, not your own school's term dates: add "
            "the days that differ under “Days you will not post” in your answers.",
        )
    if YEAR_END in timing.closures:
        return "the days your workplace usually closes between Christmas and New Year", ""
    return "", ""


def with_closures(
    place: Place,
    timing: Timing | None,
    timings: Timings,
    start: date,
    end: date,
) -> Place:
    """The person's place with their workplace's closures from ``start`` to ``end``."""
    shut = closures(timing, timings, place, start, end)
    if not shut:
        return place
    note, hint = closure_note(timing, place)
    return replace(
        place, closures=tuple(sorted(shut.items())), closure_note=note, closure_hint=hint
    )


WEEKS_TO_LOOK = 12  # a plan never waits longer than this for its workplace to open


def first_open_week(
    start: date, place: Place, timing: Timing | None, timings: Timings
) -> tuple[date, str]:
    """``start``, or the same weekday of the first week after it in which the person's
    workplace is open on a working day, with the closure it waited for ("" for none):
    a plan chosen to start in the summer holidays starts when school is back,
    rather than with weeks of nothing."""
    if timing is None or not timing.closures:
        return start, ""
    last = start + timedelta(weeks=WEEKS_TO_LOOK)
    shut = closures(timing, timings, place, start, last)
    day = start
    while day < last:
        week = [day + timedelta(days=n) for n in range(7)]
        if any(d not in shut and d.weekday() not in place.weekend for d in week):
            # The closure waited for: the last one before this week (the week that
            # opens may have no closed day at all).
            waited = [shut[d] for d in sorted(shut) if start <= d < day]
            return day, "" if day == start else (waited[-1] if waited else "")
        day += timedelta(weeks=1)
    return start, ""


def moved_start(chosen: date, start: date, closure: str, place: Place) -> str:
    """The sentence that says the plan starts later than the person chose, and why."""
    if start == chosen:
        return ""
    return (
        f"Your calendar starts on {place.dates.long(start)}, after the {closure.lower()}, "
        f"rather than on {place.dates.long(chosen)}, the start you chose."
    )
