"""Small helpers that keep generated text grammatical."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def capitalise(text: str) -> str:
    """Upper-case the first letter only (keeps "DevOps" and "API" intact)."""
    return text[:1].upper() + text[1:] if text else text


# A form named by a capital and a number, with or without a hyphen: "W-2s", "I-9".
_FORM_NUMBER = re.compile(r"^[A-Z]-?\d")


@functools.lru_cache(maxsize=16384, typed=True)  # typed: Markup is kept apart from str
def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like an acronym,
    or the text is a short name written in title case ("Pharmacy First",
    "Making Tax Digital"). Kept per text: a plan asks it of the same library
    sentences thousands of times."""
    if not text:
        return text
    words = text.split()
    first = words[0]
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return text
    if _FORM_NUMBER.match(first):
        return text  # a form's number ("W-2s", "I-9s") keeps its capital
    if len(words) <= 4 and any(_capitalised(word) for word in words[1:]):
        return text
    return text[:1].lower() + text[1:]


def _capitalised(word: str) -> bool:
    """A word written with a capital and then small letters ("First"), or a
    one-letter name ("Part P"); not "I", "A" or an acronym ("NHS")."""
    if len(word) == 1:
        return word.isupper() and word not in ("I", "A")
    return word[0].isupper() and word[1:].islower()


def join_words(items: Iterable[str], conjunction: str = "and", sep: str = ", ") -> str:
    """'a', 'a and b', 'a, b and c' (or 'a; b; and c' with ``sep="; "``)."""
    words = [item for item in items if item]
    if len(words) <= 1:
        return "".join(words)
    last = f"{sep.strip()} {conjunction}" if sep != ", " and len(words) > 2 else f" {conjunction}"
    return f"{sep.join(words[:-1])}{last} {words[-1]}"


def fill(template: str, **values: str) -> str:
    """Fill ``{placeholders}``; a sentence that starts with one is capitalised.
    A word the template puts right after a placeholder whose value already ends
    with it is dropped ("{topic} work" with "weekend work" reads "weekend work")."""
    text = template
    for key, value in values.items():
        last = value.split()[-1] if value.split() else ""
        if last:
            placeholder = re.escape("{" + key + "}")
            doubled = re.compile(placeholder + r"\s+" + re.escape(last) + r"\b", re.I)
            text = doubled.sub(lambda _m, v=value: v, text)
        text = text.replace("{" + key + "}", value)
    return capitalise(text)


def split_lines(text: str | None) -> list[str]:
    """Non-empty, stripped lines of a text area, duplicates removed."""
    seen: list[str] = []
    for line in (text or "").splitlines():
        item = " ".join(line.strip(" \t-•*·,;").split())
        if item and item.lower() not in (s.lower() for s in seen):
            seen.append(item)
    return seen


_FILLER = frozenset(["a", "an", "and", "the", "of", "in", "for", "on", "at", "to", "with"])


def _words(text: str) -> list[str]:
    """The meaningful words of a phrase, lower-cased, punctuation dropped."""
    cleaned = "".join(c if c.isalnum() else " " for c in text.lower())
    return [word for word in cleaned.split() if word not in _FILLER]


def same_word(a: str, b: str) -> bool:
    """Whether two words are forms of one ("engineer"/"engineering", "design"/"designer").

    They must share a stem of at least four letters that covers most of the
    shorter word, so "manager" and "marketing" stay different.
    """
    if a == b:
        return True
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    shorter = min(len(a), len(b))
    return shared >= 4 and shared >= 0.6 * shorter


def says_the_same(role: str, field: str) -> bool:
    """Whether every meaningful word of ``field`` is already in ``role``."""
    role_words, field_words = _words(role), _words(field)
    # "sommelier work" says no more than "Head sommelier": "work" names no field.
    field_words = [w for w in field_words if w != "work"] or field_words
    if not field_words:
        return True
    return all(any(same_word(f, r) for r in role_words) for f in field_words)


def framework_title(role: str | None, field: str | None, separator: str = ": ") -> str:
    """A framework's title from the person's role and field, without saying a thing twice.

    "Site reliability engineer" and "site reliability engineering" give the
    role alone; "Test lead" and "software testing" keep both.
    """
    role, field = (role or "").strip(), (field or "").strip()
    if role and field and not says_the_same(role, field):
        return f"{role}{separator}{field}"
    return role or capitalise(field)
