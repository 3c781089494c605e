"""Words a sector's cards take from the reader's field and country.

A sector's card names what differs between its professions and countries
through a placeholder, ``{regulator}``, that the sector defines in its
``terms`` table: the words for anyone (``any``), and for a country where they
differ (``GB``, ``US``). A field in the sector may give its own words for the
same term (``[terms.regulator]`` in its file): a paramedic in the UK reads
"the HCPC", a pharmacist "the GPhC", a paramedic in the US "your state EMS
office". The playbook fills a card with the first of: the field's words for
the reader's country, the field's words for anyone, the sector's words for
the country, the sector's words for anyone.

Everything here is checked when the library loads: ``terms_problems`` for a
``terms`` table, ``placeholder_problems`` for the text that uses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ANY = "any"
TERM_NAME = re.compile(r"^[a-z][a-z_]*$")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
# Codes the country list offers beside the ISO one ("UK" beside "GB").
ALIASES = {"UK": "GB"}


@dataclass(frozen=True)
class Term:
    """One term's words: for anyone, and for the countries where they differ."""

    name: str
    words: tuple[tuple[str, str], ...]  # (ISO code or "any", text)

    def for_country(self, country: str) -> str | None:
        """The words for readers in ``country`` ("" unknown), or None where the
        term has none of that country's own."""
        code = ALIASES.get(country, country)
        return dict(self.words).get(code) if code else None

    @property
    def anyone(self) -> str | None:
        """The words for a reader in any country, or None."""
        return dict(self.words).get(ANY)


def build_terms(raw: Mapping[str, Any]) -> tuple[Term, ...]:
    """A checked ``terms`` table as terms."""
    return tuple(
        Term(str(name), tuple((str(k), str(v)) for k, v in words.items()))
        for name, words in raw.items()
    )


def terms_problems(where: str, raw: Any, need_any: bool) -> list[str]:
    """What makes a ``terms`` table unusable: a name that is not lowercase
    words joined by underscores, a key that is neither ``any`` nor a
    two-letter ISO code, empty words, and (``need_any``, for a sector) no
    words for anyone."""
    if not isinstance(raw, Mapping):
        return [f"{where}: a table of term = {{ any = ..., GB = ... }}"]
    problems = []
    for name, words in raw.items():
        here = f"{where}.{name}"
        if not TERM_NAME.match(str(name)):
            problems.append(f"{here}: a term's name is lowercase words joined by underscores")
        if not isinstance(words, Mapping) or not words:
            problems.append(f'{here}: a table such as {{ any = "...", GB = "..." }}')
            continue
        for key, text in words.items():
            if key != ANY and (not COUNTRY_CODE.match(key) or key in ALIASES):
                problems.append(
                    f"{here}.{key}: need 'any' or a two-letter ISO code in capitals "
                    '("GB" for the United Kingdom)'
                )
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{here}.{key}: empty words")
            elif PLACEHOLDER.search(text):
                problems.append(f"{here}.{key}: a term's words hold no placeholder")
        if need_any and ANY not in words:
            problems.append(f"{here}: needs words for anyone ('any')")
    return problems


def strings(value: Any) -> Iterable[str]:
    """Every string inside a TOML value (tables and lists walked)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def placeholders(value: Any) -> set[str]:
    """The placeholders (``{name}``) used anywhere in a TOML value."""
    return {name for text in strings(value) for name in PLACEHOLDER.findall(text)}


def placeholder_problems(where: str, value: Any, known: Iterable[str]) -> list[str]:
    """Placeholders in ``value`` that name no term in ``known`` (a card shown
    with a raw "{regulator}" in it)."""
    names = set(known)
    return [
        f"{where}: {{{name}}} is not a term defined in its terms table"
        for name in sorted(placeholders(value) - names)
    ]


def titles(value: Any) -> Iterable[str]:
    """Every ``title`` inside a TOML value (a card's, its owner's, a wording's)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key == "title" and isinstance(item, str):
                yield item
            else:
                yield from titles(item)
    elif isinstance(value, list):
        for item in value:
            yield from titles(item)


def title_problems(where: str, value: Any) -> list[str]:
    """Titles that hold a placeholder: a card's title is also shown where the
    reader's field and country are not known (a draft's warning names it)."""
    return [
        f"{where}: the title {title!r} holds a placeholder; keep terms to the card's text"
        for title in titles(value)
        if PLACEHOLDER.search(title)
    ]


def fill(text: str, words: Mapping[str, str]) -> str:
    """``text`` with each placeholder replaced by its term's words."""
    if "{" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)


def resolve(own: Iterable[Term], field: Iterable[Term], country: str) -> dict[str, str]:
    """The words each of a sector's ``own`` terms takes for a reader in
    ``field`` (its file's terms) and ``country``: the field's for the country,
    the field's for anyone, the sector's for the country, the sector's for
    anyone."""
    theirs = {t.name: t for t in field}
    words = {}
    for term in own:
        mine = theirs.get(term.name)
        choices = (
            mine.for_country(country) if mine else None,
            mine.anyone if mine else None,
            term.for_country(country),
            term.anyone,
        )
        words[term.name] = next(c for c in choices if c is not None) if any(choices) else ""
    return words
