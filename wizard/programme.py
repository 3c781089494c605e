"""What a programme adds to a framework: tone limits, company themes, rules,
disclosure and contacts; the facts its dashboard counts; and the guardrail
that rules must not forbid talking about pay or working conditions."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup

from wizard.generators.text import split_lines
from wizard.generators.themes import canonical_key, chosen_rows
from wizard.library import Library, chosen_theme_keys
from wizard.theme_keys import library_has


@dataclass(frozen=True)
class ToneLimit:
    """A programme's default for one tone dimension and the range it allows."""

    dimension: str
    default: int
    low: int = 1
    high: int = 5


@dataclass(frozen=True)
class ProgrammeTerms:
    """Everything a programme bakes into the frameworks made through it."""

    name: str
    company: str
    tone: tuple[ToneLimit, ...]
    company_themes: tuple[tuple[str, str], ...]  # (stable id, title), in order
    rules: str
    rules_updated: datetime | None
    disclosure: str
    media_contact: str
    crisis_contact: str
    sector: str = ""
    products: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    off_limits: tuple[str, ...] = ()
    tick_company_themes: bool = False  # the themes step starts with them ticked

    def limit(self, dimension: str) -> ToneLimit | None:
        """The limit on one tone dimension, if any."""
        return next((t for t in self.tone if t.dimension == dimension), None)


def tone_limits(stored: Mapping[str, Any], library: Library) -> tuple[ToneLimit, ...]:
    """Stored tone settings ({dimension: {default, low, high}}) as limits, sane values only."""
    limits = []
    for dimension in library.tone_dimensions:
        raw = stored.get(dimension.slug) or {}
        try:
            low = min(5, max(1, int(raw.get("low", 1))))
            high = min(5, max(low, int(raw.get("high", 5))))
            default = min(high, max(low, int(raw.get("default", 3))))
        except (TypeError, ValueError, AttributeError):
            continue
        limits.append(ToneLimit(dimension.slug, default, low, high))
    return tuple(limits)


def terms_for(programme, library: Library) -> ProgrammeTerms | None:
    """A programme row as the terms the wizard and the outputs apply."""
    if programme is None:
        return None
    return ProgrammeTerms(
        name=programme.name,
        company=programme.company,
        tone=tone_limits(programme.tone or {}, library),
        company_themes=programme.theme_pairs(),
        rules=programme.rules or "",
        rules_updated=programme.rules_updated_at,
        disclosure=programme.disclosure or "",
        media_contact=programme.media_contact or "",
        crisis_contact=programme.crisis_contact or "",
        sector=programme.sector or "",
        products=tuple(programme.products or ()),
        competitors=tuple(programme.competitors or ()),
        customers=tuple(programme.customers or ()),
        off_limits=tuple(programme.off_limits or ()),
        tick_company_themes=bool(programme.tick_company_themes),
    )


def framework_facts(
    answers: Mapping[str, Mapping[str, Any]],
    library: Library,
    company_theme_ids: Collection[str] = (),
) -> list[tuple[str, str]]:
    """The countable facts of a framework: the steps answered, comfort rung,
    expertise area, channels and themes.

    Free text never becomes a fact: an expertise the library does not know
    is "other", and a theme the person typed is "own". A theme counts as a
    company theme only with the id of one of the programme's themes
    (``company_theme_ids``), and as a library theme only if the library has it.
    """
    facts: list[tuple[str, str]] = [("step", step) for step in answers]
    work = answers.get("work") or {}
    if work.get("expertise"):
        area = library.field_for(work, chosen_theme_keys(answers))
        facts.append(("area", area.slug if area else "other"))
    comfort = answers.get("comfort") or {}
    if comfort.get("rung"):
        facts.append(("rung", str(comfort["rung"])))
    known_channels = {c.slug for c in library.channels}
    for channel in comfort.get("channels") or ():
        if channel in known_channels:
            facts.append(("channel", channel))
    for row in chosen_rows((answers.get("themes") or {}).get("themes") or []):
        key = canonical_key(str(row.get("key") or ""), str(row.get("title") or ""), library)
        company = key.startswith("company:") and key.removeprefix("company:") in company_theme_ids
        counted = company or library_has(key, library)
        facts.append(("theme", key if counted else "own"))
    return facts


# Words that forbid, and what employees must stay free to talk about (docs/sources.md).
_FORBIDS = re.compile(
    r"\b(do not|don't|dont|never|must not|mustn't|may not|cannot|can't|not allowed|"
    r"prohibited|forbidden|banned|no\b)",
    re.IGNORECASE,
)
_PROTECTED = re.compile(
    r"\b(pay|salary|salaries|wages?|compensation|bonus(es)?|benefits|"
    r"working conditions|work conditions|conditions of employment|workload|"
    r"unions?|colleagues' pay)\b",
    re.IGNORECASE,
)
GUARDRAIL_MESSAGE = (
    "This rule may stop people from talking about pay or working conditions. "
    "Employees have a right to discuss those (in the US the NLRB has struck down such rules). "
    "Say what to avoid (confidential figures, other people's data) and give examples instead."
)


def guardrail_warnings(rules: str) -> list[str]:
    """The sentences of some rules that seem to forbid discussing pay or conditions."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", rules or "")
    flagged = []
    for sentence in sentences:
        text = sentence.strip(" -*#>\t")
        if text and _FORBIDS.search(text) and _PROTECTED.search(text):
            flagged.append(text)
    return flagged


def company_theme_ids(terms: ProgrammeTerms | None) -> frozenset[str]:
    """The ids of a programme's company themes (none without a programme)."""
    if terms is None:
        return frozenset()
    return frozenset(theme_id for theme_id, _title in terms.company_themes)


def protects_pay_talk(phrase: str) -> bool:
    """Whether banning this phrase would stop people talking about pay or conditions."""
    return bool(_PROTECTED.search(phrase or ""))


def disclosure_line(terms: ProgrammeTerms | None, default: str) -> str:
    """The disclosure reminder ideas carry when they touch the employer."""
    if terms and terms.disclosure:
        return f"Say that you work at {terms.company}: {terms.disclosure}"
    return default


def company_theme_lines(text: str) -> list[str]:
    """Company themes typed one per line, tidy and unique."""
    seen: list[str] = []
    for line in split_lines(text):
        if line.lower() not in {s.lower() for s in seen}:
            seen.append(line[:80])
    return seen


def name_lines(text: str) -> list[str]:
    """Names or phrases typed one per line: tidy, unique (ignoring case)."""
    seen: dict[str, str] = {}
    for line in split_lines(text):
        tidy = " ".join(line.split())
        seen.setdefault(tidy.lower(), tidy)
    return list(seen.values())


def rules_html(terms: ProgrammeTerms | None) -> Markup | None:
    """The programme's rules, rendered and sanitised, or None."""
    if not terms or not terms.rules.strip():
        return None
    return rendered_rules(terms.rules)


@functools.lru_cache(maxsize=64)
def rendered_rules(rules: str) -> Markup:
    """Rules as HTML, rendered once per distinct text in a process. Every page a
    programme's people open shows them, and rendering takes about 1 ms for three
    rules, 13 ms for thirty: as long as a whole wizard page."""
    from wizard.markdown import render_markdown

    return render_markdown(rules_as_typed(rules))


def rules_as_typed(rules: str) -> str:
    """Rules as Markdown that keeps what people see in the box they typed into:
    a line break stays a line break, and "#Hashtag" at the start of a line
    stays a hashtag rather than becoming a heading."""
    lines = []
    for line in rules.splitlines():
        if re.match(r"#[^\s#]", line):
            line = "\\" + line
        lines.append(line + "  " if line.strip() else line)
    return "\n".join(lines)
