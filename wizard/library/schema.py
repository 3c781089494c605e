"""The rules every expertise file (schema v2) must meet, checked at load.

``field_problems`` returns every rule a file's data breaks, each message
naming the place in the file (``themes[2].angles[0].premise``), so a bad
file is reported in full instead of one error at a time. ``LibraryError``
is raised by the loader with the file name in front of each message.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

KINDS = ("myth", "checklist", "story", "how-to", "opinion", "question", "explainer")
MOMENT_KINDS = ("conference", "deadline", "release", "season")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FLUFF = re.compile(r"\b(game[- ]changer|unlock|synergy|crushing it|rockstar|ninja)\b", re.I)
YOU = re.compile(r"\byou(r)?\b", re.I)

MIN_ALIASES = 3
MIN_CONCEPTS = 12
MIN_AUDIENCES = 3
MIN_FOLLOW = 3
SUBTOPICS = (4, 8)
MIN_THEMES = 6
MIN_ANGLES = 5
POINTS = (2, 3)
MAX_POINT = 160
MAX_PREMISE = 90
MAX_TITLE = 60
MIN_KINDS_PER_THEME = 3
MIN_SHARED_ANGLES = 3  # angles without `countries`: what a theme offers a reader anywhere
COUNTRY = re.compile(r"^[A-Z]{2}$")
REQUIRED = (
    "name",
    "family",
    "sectors",
    "aliases",
    "concepts",
    "audiences",
    "follow",
    "subtopics",
    "themes",
)
LISTS = ("sectors", "aliases", "concepts", "audiences", "follow", "subtopics")


class LibraryError(ValueError):
    """A library file breaks the schema; the message names the file and field."""


# A tag as people type it: "#Payroll", "#NEC4", no spaces or punctuation.
HASHTAG = re.compile(r"^#[A-Za-z][A-Za-z0-9]{1,29}$")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _has_sources(text: str) -> bool:
    header = text.split("\n[", 1)[0]
    return "Sources:" in header or "Sources:" in text[:1500]


def _check_premise(where: str, premise: Any) -> list[str]:
    if not isinstance(premise, str) or not premise.strip():
        return [f"{where}.premise: missing"]
    problems = []
    if len(premise) > MAX_PREMISE:
        problems.append(f"{where}.premise: {len(premise)} characters, at most {MAX_PREMISE}")
    if premise.endswith("."):
        problems.append(f"{where}.premise: ends with a full stop")
    if premise[0] != premise[0].upper():
        problems.append(f"{where}.premise: starts with a lower-case letter")
    return problems


def _check_angle(where: str, angle: Any, concepts: list[str]) -> tuple[list[str], set[str]]:
    if not isinstance(angle, Mapping):
        return [f"{where}: not a table"], set()
    problems = _check_premise(where, angle.get("premise"))
    if "timely" in angle and not isinstance(angle["timely"], bool):
        problems.append(f"{where}.timely: true or false")
    months = angle.get("months", [])
    if (
        not isinstance(months, list)
        or "months" in angle
        and not months
        or any(type(m) is not int or not 1 <= m <= 12 for m in months)
        or len(set(months)) != len(months)
    ):
        problems.append(f"{where}.months: {months!r}, need a list of months 1-12, each once")
    premise = str(angle.get("premise") or "")
    points = angle.get("points")
    if not _strings(points) or not POINTS[0] <= len(points) <= POINTS[1]:
        problems.append(f"{where}.points: need {POINTS[0]}-{POINTS[1]} sentences")
        points = [p for p in points or [] if isinstance(p, str)] if isinstance(points, list) else []
    for n, point in enumerate(points):
        if len(point) > MAX_POINT:
            problems.append(f"{where}.points[{n}]: {len(point)} characters, at most {MAX_POINT}")
    kinds = angle.get("kinds")
    if not isinstance(kinds, list) or not 1 <= len(kinds) <= 3 or set(kinds) - set(KINDS):
        problems.append(f"{where}.kinds: {kinds!r}, need 1-3 of {', '.join(KINDS)}")
        kinds = []
    if "ask" in angle and not isinstance(angle["ask"], str):
        problems.append(f"{where}.ask: not text")
    if "fence" in angle:
        problems += _check_fence(where, angle["fence"])
    if "countries" in angle:
        problems += _check_countries(where, angle["countries"])
    blob = " ".join([premise, *points]).lower()
    if not any(concept in blob for concept in concepts):
        problems.append(f"{where}: premise and points name none of the field's concepts")
    if "story" in kinds and YOU.search(premise):
        problems.append(f"{where}.premise: 'you' in a first-person story")
    if FLUFF.search(blob):
        problems.append(f"{where}: marketing fluff ({FLUFF.search(blob).group(0)!r})")
    return problems, set(kinds)


def _check_fence(where: str, fence: Any) -> list[str]:
    """An angle's own `fence`: what its posts keep out, one clause shown as
    written beside the key points (never a tail on a point)."""
    if not isinstance(fence, str) or not fence.strip():
        return [f"{where}.fence: not text"]
    problems = []
    if len(fence) > MAX_POINT:
        problems.append(f"{where}.fence: {len(fence)} characters, at most {MAX_POINT}")
    if fence[0] != fence[0].upper() or "{" in fence or ";" in fence:
        problems.append(
            f"{where}.fence: one clause, a capital first, no semicolon or {{placeholder}}"
        )
    return problems


def _check_countries(where: str, countries: Any) -> list[str]:
    """An angle's `countries`: ISO 3166-1 codes of the countries where it holds."""
    if not isinstance(countries, list) or not countries:
        return [f'{where}.countries: need a list of country codes, such as ["US"]']
    wrong = [c for c in countries if not isinstance(c, str) or not COUNTRY.match(c) or c == "UK"]
    if wrong:
        return [
            f"{where}.countries: {wrong!r}, need two-letter ISO codes in capitals "
            '("GB" for the United Kingdom)'
        ]
    return []


def _check_concept_countries(table: Any, concepts: list[str]) -> list[str]:
    """A field's `concept_countries`: for a country (an ISO code), the concepts that
    are its own law, bodies or practice (a US "zoning ordinance", England's "NPPF"),
    each one of the field's concepts as written there."""
    if table is None:
        return []
    where = "concept_countries"
    if not isinstance(table, Mapping) or not table:
        return [f'{where}: a table such as {{ US = ["zoning ordinance"] }}']
    problems = []
    for code, listed in table.items():
        problems += _check_countries(f"{where}.{code}", [code])
        if not _strings(listed) or not listed:
            problems.append(f"{where}.{code}: need a list of the field's concepts")
            continue
        unknown = [c for c in listed if c not in concepts]
        if unknown:
            problems.append(f"{where}.{code}: {unknown!r} are not in the field's concepts")
    return problems


def replaced_in(angles: Any) -> dict[str, tuple[str, ...]]:
    """For each angle another angle of the theme ``replaces``, the countries where
    that version stands in its place."""
    found: dict[str, list[str]] = {}
    for angle in angles if isinstance(angles, list) else []:
        if isinstance(angle, Mapping) and isinstance(angle.get("replaces"), str):
            codes = [c for c in angle.get("countries") or () if isinstance(c, str)]
            found.setdefault(angle["replaces"], []).extend(codes)
    return {slug: tuple(codes) for slug, codes in found.items()}


def _check_versions(where: str, angles: list[Any]) -> list[str]:
    """An angle's versions by country: one with ``replaces`` names an angle of the
    same theme that holds everywhere, carries its own ``countries``, and no country
    gets two versions of one angle."""
    problems = []
    everywhere = {
        a.get("slug")
        for a in angles
        if isinstance(a, Mapping) and "countries" not in a and "replaces" not in a
    }
    seen: dict[str, set[str]] = {}
    for n, angle in enumerate(angles):
        if not isinstance(angle, Mapping) or "replaces" not in angle:
            continue
        here, target = f"{where}.angles[{n}].replaces", angle["replaces"]
        if target not in everywhere:
            problems.append(f"{here}: {target!r} is not an angle of this theme without countries")
        codes = angle.get("countries")
        if not codes:
            problems.append(f"{here}: a version needs `countries`, the places it is for")
            continue
        twice = seen.setdefault(str(target), set()) & set(codes)
        if twice:
            problems.append(f"{here}: {sorted(twice)} already have a version of {target!r}")
        seen[str(target)] |= set(codes)
    return problems


def country_problems(where: str, countries: Any) -> list[str]:
    """A card's `countries`, checked as an angle's."""
    return _check_countries(where, countries)


def _check_theme_versions(where: str, versions: Any) -> list[str]:
    """A theme's `versions`: for a country code, the title and summary its people
    read, each held to a theme's own rules."""
    if not isinstance(versions, Mapping):
        return [f"{where}.versions: need a table of country codes"]
    problems = []
    for code, words in versions.items():
        here = f"{where}.versions.{code}"
        problems += _check_countries(here, [code])
        if not isinstance(words, Mapping) or set(words) != {"title", "summary"}:
            problems.append(f"{here}: need a title and a summary, and nothing else")
            continue
        title, summary = words["title"], words["summary"]
        if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
            problems.append(f"{here}.title: need at most {MAX_TITLE} characters")
        elif title.endswith(".") or title[0] != title[0].upper():
            problems.append(f"{here}.title: {title!r} needs sentence case, no full stop")
        if not isinstance(summary, str) or not summary.strip():
            problems.append(f"{here}.summary: missing")
    return problems


def _check_theme(where: str, theme: Any, concepts: list[str], angle_slugs: set[str]) -> list[str]:
    if not isinstance(theme, Mapping):
        return [f"{where}: not a table"]
    problems = []
    title = theme.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{where}.title: missing")
    elif len(title) > MAX_TITLE or title.endswith(".") or title[0] != title[0].upper():
        problems.append(
            f"{where}.title: {title!r} needs sentence case, at most {MAX_TITLE} characters, "
            "no full stop"
        )
    if not isinstance(theme.get("summary"), str) or not theme["summary"].strip():
        problems.append(f"{where}.summary: missing")
    if "settings" in theme and not _strings(theme["settings"]):
        problems.append(f"{where}.settings: need a list of words naming settings")
    if "general" in theme and not isinstance(theme["general"], bool):
        problems.append(f"{where}.general: need true or false")
    if "exposed" in theme and not isinstance(theme["exposed"], bool):
        problems.append(f"{where}.exposed: need true or false")
    problems += _check_theme_versions(where, theme.get("versions", {}))
    angles = theme.get("angles")
    if not isinstance(angles, list) or len(angles) < MIN_ANGLES:
        count = len(angles) if isinstance(angles, list) else 0
        problems.append(f"{where}.angles: {count}, need at least {MIN_ANGLES}")
        angles = angles if isinstance(angles, list) else []
    kinds: set[str] = set()
    for n, angle in enumerate(angles):
        here = f"{where}.angles[{n}]"
        slug = angle.get("slug") if isinstance(angle, Mapping) else None
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.append(f"{here}.slug: {slug!r} is not a slug")
        elif slug in angle_slugs:
            problems.append(f"{here}.slug: {slug!r} is used twice in this file")
        angle_slugs.add(str(slug))
        found, angle_kinds = _check_angle(here, angle, concepts)
        problems += found
        kinds |= angle_kinds
    if angles and len(kinds) < MIN_KINDS_PER_THEME:
        problems.append(f"{where}: its angles use {len(kinds)} kinds, need {MIN_KINDS_PER_THEME}")
    problems += _check_versions(where, angles)
    shared = [a for a in angles if isinstance(a, Mapping) and "countries" not in a]
    if len(shared) < min(MIN_SHARED_ANGLES, len(angles)):
        problems.append(
            f"{where}: {len(shared)} angles without countries, need {MIN_SHARED_ANGLES} "
            "so the theme has material for a reader in any country"
        )
    return problems


def _work_phrase(value: Any) -> bool:
    """Whether ``value`` reads after "My work is": lower case first (unless a name
    or an acronym opens it), one clause, no full stop."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= 120
        and value == value.strip()
        and not value.endswith((".", "!", "?"))
        and (value[:1].islower() or value.split()[0].isupper())
    )


def field_problems(
    stem: str,
    data: Mapping[str, Any],
    text: str,
    families: Collection[str],
    sectors: Collection[str],
) -> list[str]:
    """Every schema rule a field file breaks (an empty list when it is sound)."""
    problems = []
    if not SLUG.match(stem):
        problems.append("file name: not a slug (lowercase words and hyphens)")
    if not _has_sources(text):
        problems.append("header comment: no 'Sources:' line naming public sources")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        return problems + [f"{key}: missing" for key in missing]
    if not isinstance(data["name"], str) or not data["name"].strip():
        problems.append("name: missing")
    for key in LISTS:
        if not isinstance(data[key], list) or not all(isinstance(v, str) for v in data[key]):
            problems.append(f"{key}: must be a list of strings")
    if "settings" in data and not _strings(data["settings"]):
        problems.append("settings: need a list of words naming settings")
    if "credentials" in data and not (
        _strings(data["credentials"]) and all(len(c) <= 40 for c in data["credentials"])
    ):
        problems.append("credentials: need a list of short post-nominals or licences")
    if "credential_settings" in data:
        problems.extend(_credential_settings(data))
    if "hashtags" in data and not (
        _strings(data["hashtags"]) and all(HASHTAG.match(tag) for tag in data["hashtags"])
    ):
        problems.append("hashtags: need a list of tags such as '#Midwifery'")
    if "about" in data and not _work_phrase(data["about"]):
        problems.append(
            "about: need what the work is, as it follows 'My work is', in lower case,"
            " at most 120 characters, with no full stop"
        )
    if problems:
        return problems
    if data["family"] not in families:
        problems.append(f"family: unknown family {data['family']!r}")
    for sector in data["sectors"]:
        if sector not in sectors:
            problems.append(f"sectors: unknown sector {sector!r}")
    for key, least in (
        ("aliases", MIN_ALIASES),
        ("concepts", MIN_CONCEPTS),
        ("audiences", MIN_AUDIENCES),
        ("follow", MIN_FOLLOW),
    ):
        if len(data[key]) < least:
            problems.append(f"{key}: {len(data[key])}, need at least {least}")
    if not SUBTOPICS[0] <= len(data["subtopics"]) <= SUBTOPICS[1]:
        problems.append(f"subtopics: {len(data['subtopics'])}, need {SUBTOPICS[0]}-{SUBTOPICS[1]}")
    for n, moment in enumerate(data.get("moments", [])):
        if not isinstance(moment, Mapping) or not moment.get("name"):
            problems.append(f"moments[{n}].name: missing")
            continue
        month = moment.get("month")
        if not isinstance(month, int) or not 1 <= month <= 12:
            problems.append(f"moments[{n}].month: {month!r}, need 1-12")
        if moment.get("kind") not in MOMENT_KINDS:
            problems.append(
                f"moments[{n}].kind: {moment.get('kind')!r}, need one of {MOMENT_KINDS}"
            )
        if "countries" in moment:
            problems += _check_countries(f"moments[{n}]", moment["countries"])
        if "settings" in moment and not _strings(moment["settings"]):
            problems.append(f"moments[{n}].settings: need a list of words naming settings")
    for n, entry in enumerate(data.get("setting_follows", [])):
        if not (
            isinstance(entry, Mapping)
            and _strings(entry.get("settings"))
            and _strings(entry.get("follow"))
            and len(entry["follow"]) >= MIN_FOLLOW
        ):
            problems.append(
                f"setting_follows[{n}]: need settings and at least {MIN_FOLLOW} follows"
            )
    problems += _check_concept_countries(data.get("concept_countries"), data["concepts"])
    themes = data["themes"]
    if not isinstance(themes, list) or len(themes) < MIN_THEMES:
        count = len(themes) if isinstance(themes, list) else 0
        problems.append(f"themes: {count}, need at least {MIN_THEMES}")
        themes = themes if isinstance(themes, list) else []
    concepts = [c.lower() for c in data["concepts"]]
    theme_slugs: set[str] = set()
    angle_slugs: set[str] = set()
    for n, theme in enumerate(themes):
        slug = theme.get("slug") if isinstance(theme, Mapping) else None
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.append(f"themes[{n}].slug: {slug!r} is not a slug")
        elif slug in theme_slugs:
            problems.append(f"themes[{n}].slug: {slug!r} is used twice in this file")
        theme_slugs.add(str(slug))
        problems += _check_theme(f"themes[{n}]", theme, concepts, angle_slugs)
    return problems


def repeated_premises(premises: Mapping[str, list[tuple[str, str]]]) -> list[str]:
    """Premises (lower-cased) found in more than one file, as error messages.

    ``premises`` maps a lower-cased premise to the (file, premise) pairs using it.
    """
    problems = []
    for uses in premises.values():
        files = sorted({name for name, _ in uses})
        if len(files) > 1:
            problems.append(
                f"{files[1]}: premise {uses[0][1]!r} is also in {', '.join(files[:1] + files[2:])}"
            )
    return problems


def _credential_settings(data: Mapping[str, Any]) -> list[str]:
    """Problems with a ``credential_settings`` table: each key a credential of the
    field as written in ``credentials``, each value the settings it belongs to."""
    table = data["credential_settings"]
    if not isinstance(table, dict):
        return ["credential_settings: need a table of credentials and their settings"]
    known = set(data.get("credentials", ()))
    problems = []
    for credential, settings in table.items():
        if credential not in known:
            problems.append(f"credential_settings: {credential!r} is not in credentials")
        elif not _strings(settings):
            problems.append(f"credential_settings.{credential}: need a list of settings")
    return problems
