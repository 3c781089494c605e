"""Posting times and closures for work that is not an office day, from cadence.toml.

A `Timing` says when a teacher's, a shift worker's or a tradesperson's posts
go out and which days their workplace is shut (school holidays, a closure
between Christmas and New Year); `SchoolHoliday` rows give each country's
usual school holidays, approximately. ``read_timings`` validates them against
the library's fields, sectors and families and raises `LibraryError` with
every problem at once.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

import holidays

from wizard.library.schema import LibraryError

SCHOOL, YEAR_END = "school", "year-end"
CLOSURES = (SCHOOL, YEAR_END)
# Where a country's holidays differ by region and none is named, the one most
# people live in (as wizard.generators.place reads it): England's, in the UK.
MAIN_REGIONS = {"GB": "ENG"}
EVERYWHERE = "*"  # the school holiday rows for a country without its own


@dataclass(frozen=True)
class Timing:
    """When posts go out for people whose working day is not an office day."""

    slug: str
    post_time: time | None = None  # None: the offered time stands
    why: str = ""  # why post_time suits them, shown when the calendar uses it
    tip: str = ""  # shown whatever time they chose
    closures: tuple[str, ...] = ()  # SCHOOL, YEAR_END
    fields: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    families: tuple[str, ...] = ()


@dataclass(frozen=True)
class SchoolHoliday:
    """The usual weeks of one school holiday in one country (or region), approximately."""

    country: str
    name: str
    region: str = ""
    first: tuple[int, int] | None = None  # (month, day)
    last: tuple[int, int] | None = None
    easter: tuple[int, int] | None = None  # days before, days after Easter Sunday
    around: str = ""  # a public holiday's name in the holidays package ("Thanksgiving Day")
    days: tuple[int, int] | None = None  # days before, days after it


@dataclass(frozen=True)
class YearEnd:
    """The closure between Christmas and New Year of workplaces that shut for it."""

    name: str = "Christmas closure"
    first: tuple[int, int] = (12, 21)
    last: tuple[int, int] = (1, 2)


@dataclass(frozen=True)
class Timings:
    """Every timing, the school holidays and the year-end closure."""

    timings: tuple[Timing, ...] = ()
    school_holidays: tuple[SchoolHoliday, ...] = ()
    year_end: YearEnd = YearEnd()

    def timing_for(
        self, field: str | None, sectors: Collection[str], family: str | None
    ) -> Timing | None:
        """The timing for a person: their field's, else their first sector's that has
        one, else their family's; None for an office day."""
        for timing in self.timings:
            if field and field in timing.fields:
                return timing
        for sector in sectors:
            for timing in self.timings:
                if sector in timing.sectors:
                    return timing
        return next((t for t in self.timings if family and family in t.families), None)


MONTH_DAY = re.compile(r"(\d\d)-(\d\d)")
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_day(value: Any, where: str, problems: list[str]) -> tuple[int, int] | None:
    """ "12-21" -> (12, 21), or a problem noted."""
    found = MONTH_DAY.fullmatch(str(value)) if isinstance(value, str) else None
    if found:
        month, day = int(found[1]), int(found[2])
        if 1 <= month <= 12 and 1 <= day <= DAYS_IN_MONTH[month - 1]:
            return month, day
    problems.append(f'{where}: {value!r} is not a month and day like "12-21"')
    return None


def _clock(value: Any, where: str, problems: list[str]) -> time | None:
    """ "19:00" -> 19:00, or a problem noted."""
    if isinstance(value, str) and re.fullmatch(r"\d\d:\d\d", value):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f'{where}: {value!r} is not a 24-hour time like "19:00"')
    return None


def _slugs(
    data: Mapping[str, Any], key: str, known: Collection[str], where: str, problems: list[str]
) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}.{key}: a list of slugs")
        return ()
    problems += [
        f"{where}.{key}: no {key[:-1]} {v!r} in the library" for v in value if v not in known
    ]
    return tuple(value)


def _timing(
    n: int, data: Mapping[str, Any], known: Mapping[str, Collection[str]], problems: list[str]
) -> Timing:
    where = f"cadence.toml: timings[{n}]"
    if not isinstance(data.get("slug"), str) or not data["slug"].strip():
        problems.append(f"{where}.slug: missing")
    post_time = (
        _clock(data["post_time"], f"{where}.post_time", problems) if "post_time" in data else None
    )
    why = str(data.get("why") or "").strip()
    if post_time is not None and not why:
        problems.append(f"{where}.why: say why post_time suits these people")
    if why and post_time is None:
        problems.append(f"{where}.why: shown only with a post_time")
    if why and "{time}" not in why:
        problems.append(f"{where}.why: name the time as {{time}}, written the person's way")
    closures = data.get("closures", [])
    if not isinstance(closures, list) or any(c not in CLOSURES for c in closures):
        problems.append(f"{where}.closures: any of {', '.join(CLOSURES)}")
        closures = []
    reach = {key: _slugs(data, key, known[key], where, problems) for key in known}
    if not any(reach.values()):
        problems.append(f"{where}: name the fields, sectors or families it is for")
    return Timing(
        slug=str(data.get("slug") or ""),
        post_time=post_time,
        why=why,
        tip=str(data.get("tip") or "").strip(),
        closures=tuple(closures),
        fields=reach["fields"],
        sectors=reach["sectors"],
        families=reach["families"],
    )


def _offsets(value: Any) -> tuple[int, int] | None:
    """[days before, days after], each 0 to 21, as a pair; None when it is not that."""
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(d, int) and 0 <= d <= 21 for d in value)
    ):
        return value[0], value[1]
    return None


def _around(
    where: str, data: Mapping[str, Any], row: SchoolHoliday, problems: list[str]
) -> SchoolHoliday:
    """A school holiday around a public holiday the holidays package names."""
    if any(key in data for key in ("first", "last", "easter")):
        problems.append(f"{where}: around, or easter, or first and last, only one")
    around = str(data.get("around") or "")
    days = _offsets(data.get("days"))
    if days is None:
        problems.append(
            f"{where}.days: [days before, days after] {around or 'the holiday'}, 0 to 21"
        )
    region = row.region or MAIN_REGIONS.get(row.country)
    try:
        names = set(holidays.country_holidays(row.country, subdiv=region, years=2026).values())
    except (NotImplementedError, KeyError, ValueError):
        names = set()
    if around not in names:
        problems.append(f"{where}.around: {around!r} is not a public holiday in {row.country}")
    return dataclasses.replace(row, around=around, days=days)


def _school_holiday(n: int, data: Mapping[str, Any], problems: list[str]) -> SchoolHoliday:
    where = f"cadence.toml: school_holidays[{n}]"
    country = str(data.get("country") or "")
    if country != EVERYWHERE and not re.fullmatch(r"[A-Z]{2}", country):
        problems.append(f'{where}.country: an ISO code like "GB", or "*"')
    region = str(data.get("region") or "")
    if region and not re.fullmatch(r"[A-Z0-9]{1,3}", region):
        problems.append(f'{where}.region: a region code like "SCT"')
    name = str(data.get("name") or "").strip()
    if not name:
        problems.append(f"{where}.name: missing")
    if "around" in data:
        return _around(where, data, SchoolHoliday(country, name, region), problems)
    easter = data.get("easter")
    if easter is not None:
        if "first" in data or "last" in data:
            problems.append(f"{where}: easter, or first and last, not both")
        if _offsets(easter) is None:
            problems.append(f"{where}.easter: [days before, days after] Easter Sunday, 0 to 21")
            easter = None
        return SchoolHoliday(country, name, region, easter=tuple(easter) if easter else None)
    first = _month_day(data.get("first"), f"{where}.first", problems)
    last = _month_day(data.get("last"), f"{where}.last", problems)
    return SchoolHoliday(country, name, region, first=first, last=last)


def read_timings(
    data: Mapping[str, Any],
    fields: Collection[str],
    sectors: Collection[str],
    families: Collection[str],
) -> Timings:
    """The timings, school holidays and year-end closure from cadence.toml's ``data``,
    checked against the library's field, sector and family slugs."""
    problems: list[str] = []
    known = {"fields": fields, "sectors": sectors, "families": families}
    timings = tuple(_timing(n, t, known, problems) for n, t in enumerate(data.get("timings", ())))
    slugs = [t.slug for t in timings]
    problems += [
        f"cadence.toml: timing {s!r} is named twice"
        for s in sorted(set(slugs))
        if slugs.count(s) > 1
    ]
    for key in known:
        named = [slug for t in timings for slug in getattr(t, key)]
        problems += [
            f"cadence.toml: {key[:-1]} {s!r} is in more than one timing"
            for s in sorted(set(named))
            if named.count(s) > 1
        ]
    rows = tuple(
        _school_holiday(n, h, problems) for n, h in enumerate(data.get("school_holidays", ()))
    )
    seen = [(h.country, h.region, h.name) for h in rows]
    problems += [
        f"cadence.toml: school holiday {' '.join(filter(None, k))} is listed twice"
        for k in sorted(set(seen))
        if seen.count(k) > 1
    ]
    end = data.get("year_end", {})
    first = _month_day(end.get("first", "12-21"), "cadence.toml: year_end.first", problems)
    last = _month_day(end.get("last", "01-02"), "cadence.toml: year_end.last", problems)
    if problems:
        raise LibraryError("\n".join(problems))
    year_end = YearEnd(str(end.get("name") or YearEnd.name), first or (12, 21), last or (1, 2))
    return Timings(timings, rows, year_end)
