"""Where a person lives: country, region, time zones, days off and date conventions.

Public holidays come from the ``holidays`` package (offline data, kept up
to date upstream) for the country and, where holidays differ within it, the
state or region. Countries and which time zone belongs to which country come
from the IANA time zone database's own tables (``iso3166.tab``, ``zone.tab``)
shipped with ``tzdata``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from zoneinfo import available_timezones

import holidays

from wizard.library.timing import MAIN_REGIONS

# Countries whose public holidays differ by state or region enough to ask.
REGIONAL_COUNTRIES = ("AT", "AU", "BR", "CA", "CH", "DE", "ES", "GB", "IN", "MY", "NZ", "US")

# Where dates are written month first (CLDR: "March 2, 2026").
MONTH_FIRST = frozenset({"US", "PH", "CA", "FM", "MH", "PW", "AS", "GU", "PR", "VI", "UM", "MP"})
# Where clock times are usually written on the 12-hour clock (CLDR "h:mm a").
TWELVE_HOUR = frozenset(
    {"US", "CA", "AU", "NZ", "IN", "PH", "PK", "BD", "EG", "SA", "MY", "CO", "KR", "TW", "JO"}
    | {"AS", "GU", "PR", "VI", "UM", "MP", "FM", "MH", "PW"}
)
# Where a country's bank holidays differ by region and the person named none, the
# region most people live in (MAIN_REGIONS): the UK's Easter Monday and August bank
# holiday are England's and Wales's (Scotland and Northern Ireland keep others).
QUIET_DAYS = ((12, 24), (1, 1))  # the default quiet period: 24 December to 1 January


def _tzdata_table(name: str) -> str:
    """A table from the time zone database: the tzdata package's, else the system's."""
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        path = Path("/usr/share/zoneinfo") / name
        return path.read_text("utf-8") if path.exists() else ""


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


# Names people use for their own country where the time zone tables abbreviate.
COUNTRY_NAMES = {
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "CD": "Congo (Democratic Republic)",
    "CG": "Congo (Republic)",
    "XK": "Kosovo",
}
# Codes the holidays package accepts beside a country's own: offered once, by
# the country's own code ("UK" is the United Kingdom, GB).
ALIASES = {"UK": "GB"}


@functools.cache
def country_code(code: str | None) -> str:
    """A country's own code for what a form holds: upper case, an alias such
    as "UK" (offered in earlier lists and kept in saved answers) as "GB"."""
    code = (code or "").strip().upper()
    return ALIASES.get(code, code)


@functools.cache
def country_names() -> Mapping[str, str]:
    """ISO 3166 code -> English name, sorted by name (each country once); read
    once per process (the themes step's checks and every plan ask for it)."""
    names = {row[0]: row[1] for row in _rows(_tzdata_table("iso3166.tab")) if len(row) > 1}
    names.update(COUNTRY_NAMES)
    for code, name in _supported().items():
        if code not in ALIASES:
            names.setdefault(code, name)
    return MappingProxyType(dict(sorted(names.items(), key=lambda item: item[1])))


@functools.cache
def _supported() -> dict[str, str]:
    """Countries the holidays package knows, by code (names from its classes)."""
    found = {}
    for code in holidays.list_supported_countries():
        if len(code) == 2:
            found[code] = code
    return found


@functools.cache
def zone_countries() -> dict[str, str]:
    """IANA time zone name -> the country it belongs to (from zone.tab)."""
    return {row[2]: row[0] for row in _rows(_tzdata_table("zone.tab")) if len(row) > 2}


# Where the time zone table's first zone of a country is not the one most people
# there live in (it lists them east to west), the one to start from.
MAIN_ZONES = {
    "AU": "Australia/Sydney",
    "BR": "America/Sao_Paulo",
    "CA": "America/Toronto",
    "RU": "Europe/Moscow",
    "UA": "Europe/Kyiv",
    "UZ": "Asia/Tashkent",
}
# Countries the time zone table does not list, and the country whose zones they use.
ZONES_OF = {"XK": "RS", "UK": "GB"}
UNIVERSAL = "UTC"  # offered wherever a person lives


@functools.cache
def known_zones() -> frozenset[str]:
    """Every time zone name this system can use (read from disk once)."""
    return frozenset(available_timezones())


@functools.cache
def country_zones(country: str) -> tuple[str, ...]:
    """The time zones of a country, by name (none for an unknown country)."""
    country = ZONES_OF.get(country, country)
    known = known_zones()
    return tuple(sorted(z for z, c in zone_countries().items() if c == country and z in known))


@functools.cache
def main_zone(country: str) -> str:
    """The time zone a person in this country most likely keeps, else UTC
    (worked out once per country: the table has every zone in the world)."""
    zones = country_zones(country)
    preferred = MAIN_ZONES.get(country)
    if preferred in zones:
        return preferred
    listed = ZONES_OF.get(country, country)
    return next((z for z, c in zone_countries().items() if c == listed and z in zones), UNIVERSAL)


def zone_fits(country: str, zone: str) -> bool:
    """Whether a time zone may go with a country: one of its own, UTC, or a
    zone the table gives no country (an older alias); any zone without a country."""
    if not country or zone == UNIVERSAL or zone in country_zones(country):
        return True
    return zone not in zone_countries()


@functools.cache
def place_lists(country: str) -> dict[str, object]:
    """What the themes step offers for a country: its states or regions
    (``"IN-KA"``, name), its time zones and UTC (name, label), and the zone to
    start from. Unknown countries get no regions and UTC alone."""
    if country not in country_names():
        country = ""
    zones = (*country_zones(country), UNIVERSAL) if country else (UNIVERSAL,)
    return {
        "country": country,
        "regions": [[f"{country}-{code}", name] for code, name in regions(country)],
        "time_zones": [[zone, zone_label(zone)] for zone in zones],
        "time_zone": main_zone(country),
    }


def zone_label(zone: str) -> str:
    """ "America/Argentina/Buenos_Aires" -> "America/Argentina/Buenos Aires"."""
    return zone.replace("_", " ")


@functools.cache
def regions(country: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of the states or regions whose holidays differ, for a country that has them."""
    if country not in REGIONAL_COUNTRIES:
        return ()
    calendar = holidays.country_holidays(country)
    names: dict[str, str] = {}
    for name, code in (getattr(type(calendar), "subdivisions_aliases", None) or {}).items():
        if code in calendar.subdivisions and not re.fullmatch(r"[A-Z0-9]{1,3}", name):
            names.setdefault(code, name)
    return tuple(sorted(names.items(), key=lambda item: item[1]))


def region_name(country: str, region: str) -> str:
    """The region's name, or "" when it is not one of the country's."""
    return dict(regions(country)).get(region, "")


def observes_christmas(country: str) -> bool:
    """Whether 25 December is a public holiday there (the quiet period's default)."""
    if not country:
        return True
    if country not in _supported():
        return False
    try:
        return date(2026, 12, 25) in holidays.country_holidays(country, years=2026)
    except NotImplementedError:
        return False


# Browsers everywhere ship with these, so they say little about where a person lives.
DEFAULT_LANGUAGE_TAGS = frozenset({"en-us"})


def country_from_languages(languages: Iterable[str]) -> str:
    """The first country named in Accept-Language tags ("en-IN" -> "IN"), else "".

    "en-US", the tag most browsers ship with wherever they are, names no one's
    country; the browser's time zone (static/places.js) is the better guess.
    """
    names = country_names()
    for tag in languages:
        if tag.lower().replace("_", "-") in DEFAULT_LANGUAGE_TAGS:
            continue
        parts = re.split(r"[-_]", tag)
        for part in parts[1:]:
            if len(part) == 2 and part.upper() in names:
                return part.upper()
    return ""


@dataclass(frozen=True)
class DateStyle:
    """How a country writes dates and times."""

    month_first: bool = False
    twelve_hour: bool = False

    def long(self, value: date) -> str:
        """ "Monday 2 March 2026" or "Monday, March 2, 2026"."""
        if self.month_first:
            return f"{value:%A}, {value:%B} {value.day}, {value.year}"
        return f"{value:%A} {value.day} {value:%B %Y}"

    def short(self, value: date) -> str:
        """ "Mon 2 Mar" or "Mon, Mar 2"."""
        if self.month_first:
            return f"{value:%a}, {value:%b} {value.day}"
        return f"{value:%a} {value.day} {value:%b}"

    def day_month(self, value: date) -> str:
        """ "24 December" or "December 24"."""
        return f"{value:%B} {value.day}" if self.month_first else f"{value.day} {value:%B}"

    def clock(self, value: time) -> str:
        """ "08:30" or "8:30 AM"."""
        if self.twelve_hour:
            hour = value.hour % 12 or 12
            return f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"
        return f"{value:%H:%M}"


def date_style(country: str) -> DateStyle:
    """The date and time conventions of a country (day first and 24-hour elsewhere)."""
    return DateStyle(month_first=country in MONTH_FIRST, twelve_hour=country in TWELVE_HOUR)


@dataclass(frozen=True)
class Place:
    """Where a person lives, and the days they will not post."""

    country: str = ""
    region: str = ""
    quiet_period: bool = False
    days_off: tuple[date, ...] = ()
    weekend: frozenset[int] = field(default_factory=lambda: frozenset({5, 6}))
    # Days the person's workplace is shut (school holidays, a closure at the year's
    # end: see wizard.generators.timing), with their names, and the words for them.
    closures: tuple[tuple[date, str], ...] = ()
    closure_note: str = ""  # the closed days in the "No posts on …" list
    closure_hint: str = ""  # a sentence after it (how approximate they are)

    @property
    def country_name(self) -> str:
        """The country's English name, or ""."""
        return country_names().get(self.country, "")

    @property
    def dates(self) -> DateStyle:
        """How this person writes dates and times."""
        return date_style(self.country)

    def holidays_between(self, start: date, end: date) -> dict[date, str]:
        """Public holidays from ``start`` to ``end`` (inclusive), with their names."""
        if not self.country or self.country not in _supported():
            return {}
        years = range(start.year, end.year + 1)
        region = self.region or MAIN_REGIONS.get(self.country)
        try:
            found = holidays.country_holidays(self.country, subdiv=region, years=years)
        except NotImplementedError:
            return {}
        return {day: name for day, name in sorted(found.items()) if start <= day <= end}

    def in_quiet_period(self, day: date) -> bool:
        """Whether a day falls in the end-of-year quiet period (24 December to 1 January)."""
        if not self.quiet_period:
            return False
        (first_month, first_day), (last_month, last_day) = QUIET_DAYS
        return (day.month, day.day) >= (first_month, first_day) or (day.month, day.day) <= (
            last_month,
            last_day,
        )

    def blocked(self, start: date, end: date) -> dict[date, str]:
        """Every day from ``start`` to ``end`` without a post, with the reason."""
        reasons: dict[date, str] = {}
        public = self.holidays_between(start, end)
        off = set(self.days_off)
        shut = dict(self.closures)
        day = start
        while day <= end:
            if day in shut:
                reasons[day] = shut[day]
            elif day in public:
                reasons[day] = public[day]
            elif day in off:
                reasons[day] = "Your day off"
            elif self.in_quiet_period(day):
                reasons[day] = "Quiet period"
            elif day.weekday() in self.weekend:
                reasons[day] = "Weekend"
            day += timedelta(days=1)
        return reasons


def weekend_of(country: str) -> frozenset[int]:
    """The weekend days (Monday = 0) where the person lives."""
    if country and country in _supported():
        try:
            return frozenset(holidays.country_holidays(country).weekend)
        except NotImplementedError:
            pass
    return frozenset({5, 6})


def parse_days_off(text: str) -> tuple[list[date], list[str]]:
    """Days off from lines like "2026-03-14" or "2026-03-14 to 2026-03-20".

    Returns the days and the lines that could not be read.
    """
    days: list[date] = []
    problems: list[str] = []
    for raw in re.split(r"[\n,;]+", text or ""):
        line = raw.strip()
        if not line:
            continue
        parts = [p.strip() for p in re.split(r"\s+(?:to|until|-|–)\s+", line)]
        try:
            first = date.fromisoformat(parts[0])
            last = date.fromisoformat(parts[-1]) if len(parts) == 2 else first
        except ValueError:
            problems.append(line)
            continue
        if len(parts) > 2 or last < first or (last - first).days > 62:
            problems.append(line)
            continue
        days += [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return sorted(set(days)), problems


def known_country(value) -> str:
    """A saved country as the code of one the list names ("UK" reads as GB), else ""."""
    country = country_code(str(value or ""))
    return country if country in country_names() else ""


def place_from_answer(answer: dict, *, default_quiet: bool | None = None) -> Place:
    """A `Place` from the themes step's stored answers (older answers have none of it)."""
    country = known_country(answer.get("country"))
    region = str(answer.get("region") or "")
    region = region.split("-", 1)[1] if region.startswith(f"{country}-") else ""
    if not region_name(country, region):
        region = ""
    quiet = answer.get("quiet_period")
    if quiet is None:
        quiet = observes_christmas(country) if default_quiet is None else default_quiet
    days, _ = parse_days_off(str(answer.get("days_off") or ""))
    return Place(
        country=country,
        region=region,
        quiet_period=bool(quiet),
        days_off=tuple(days),
        weekend=weekend_of(country),
    )


def describe_days_off(place: Place, style: DateStyle, sample: Sequence[date] = ()) -> str:
    """One plain sentence on the days the calendar leaves free."""
    weekend = sorted(place.weekend)
    names = [f"{date(2024, 1, 1 + day):%A}s" for day in weekend]  # 1 Jan 2024 was a Monday
    parts = [" and ".join(names)]
    if place.country:
        where = the_country(place.country)
        if place.region:
            where = f"{region_name(place.country, place.region)}, {where}"
        parts.append(f"public holidays in {where}")
    if place.closure_note:
        parts.append(place.closure_note)
    if place.quiet_period:
        first = style.day_month(date(2026, *QUIET_DAYS[0]))
        last = style.day_month(date(2027, *QUIET_DAYS[1]))
        parts.append(f"a quiet period from {first} to {last}")
    if place.days_off:
        count = len(place.days_off)
        parts.append(f"{count} day{'s' if count != 1 else ''} off you named")
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return " ".join(filter(None, (f"No posts on {listed}.", place.closure_hint)))


# Countries whose English name takes "the" ("public holidays in the United States").
NAMES_WITH_THE = frozenset({"GB", "US", "NL", "PH", "AE", "CZ", "DO", "BS", "GM", "MV", "CF"})


def the_country(code: str) -> str:
    """A country's name as it reads after "in": "the United Kingdom", "India"."""
    name = country_names().get(code, "")
    return f"the {name}" if name and code in NAMES_WITH_THE else name
