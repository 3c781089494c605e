"""Small helpers that keep generated text grammatical."""

from __future__ import annotations

from collections.abc import Iterable


def capitalise(text: str) -> str:
    """Upper-case the first letter only (keeps "DevOps" and "API" intact)."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like an acronym."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return text
    return text[:1].lower() + text[1:]


def join_words(items: Iterable[str], conjunction: str = "and", sep: str = ", ") -> str:
    """'a', 'a and b', 'a, b and c' (or 'a; b; and c' with ``sep="; "``)."""
    words = [item for item in items if item]
    if len(words) <= 1:
        return "".join(words)
    last = f"{sep.strip()} {conjunction}" if sep != ", " and len(words) > 2 else f" {conjunction}"
    return f"{sep.join(words[:-1])}{last} {words[-1]}"


def fill(template: str, **values: str) -> str:
    """Fill ``{placeholders}``; a sentence that starts with one is capitalised."""
    text = template
    for key, value in values.items():
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
